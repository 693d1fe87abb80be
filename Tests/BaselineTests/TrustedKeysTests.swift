import Baseline
import Foundation
import LDNS
import Testing
import ZoneModel

/// The trusted-keys file: DNSKEY records, each named by a comment.
@Suite struct TrustedKeysTests {
    @Test func commentsAboveOrBesideAKeyNameIt() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(), bob = try TestKeys.bob(), carol = try TestKeys.alice(.rsasha256)
        let path = workspace.directory + "/trusted.keys"
        // Carol's line is pasted from a .key file, with ldns's `;{id = ...}` annotation.
        let carolLine = try LDNSRecord(carol.dnskey).text.trimmingCharacters(in: .newlines)
        try """
            ; zoneaudit approvers (file header, separated by a blank line)

            ; Alice Example
            ; DNS team lead
            \(alice.dnskey.presentation)
            \(bob.dnskey.presentation) ; Bob Example
            ; Carol Example
            \(carolLine)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(carolLine.contains(";{id = "))
        let trusted = try TrustedKeys.read(path: path, using: ZoneFileRecords.read)
        #expect(trusted.keys.map(\.name) == ["Alice Example DNS team lead", "Bob Example", "Carol Example"])
        #expect(trusted.keys.map(\.keyTag) == [alice.keyTag, bob.keyTag, carol.keyTag])
    }

    @Test func keyTagsAreRFC4034s() throws {
        // RFC 8080 section 6.1, first example: key tag 3613.
        let record = try LDNSRecord(text: "example.com. 3600 IN DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=").record()
        #expect(TrustedKey(dnskey: record)?.keyTag == 3613)
    }

    @Test func otherRecordsAndEmptyFilesAreRefused() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let path = workspace.directory + "/trusted.keys"
        try "; nobody\nexample.com. 3600 IN DS 12345 13 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: BaselineError.self) { try TrustedKeys.read(path: path, using: ZoneFileRecords.read) }
        try "; nobody\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: BaselineError.self) { try TrustedKeys.read(path: path, using: ZoneFileRecords.read) }
    }

    @Test func revokedKeysAreNotTrusted() throws {
        let alice = try TestKeys.alice()
        var revoked = alice.dnskey
        revoked.rdata[1] |= 0x80
        let keys = TrustedKeys([try #require(TrustedKey(dnskey: revoked, name: "old")), try #require(TrustedKey(dnskey: alice.dnskey))])
        #expect(keys.keys.count == 1)
        #expect(keys.keys.first?.keyTag == alice.keyTag)
    }
}
