import Baseline
import Foundation
import LDNS
import Testing
import ZoneModel

/// Approver key pairs through ldns: generation, BIND key files in and
/// out, signing with explicit (post-2038) windows, verification.
@Suite struct LDNSKeyPairTests {
    static let owner = try! DomainName("alice.approvers.example.")

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func generatedKeysRoundTripThroughKeyFiles(algorithm: LDNSKeyAlgorithm) throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let key = try LDNSKeyPair.generate(algorithm: algorithm, owner: Self.owner)
        #expect(key.algorithm == algorithm)
        #expect(key.flags == 256)
        #expect(key.dnskey.dnskey?.algorithm == algorithm.rawValue)
        #expect(key.keyTag == TrustedKey(dnskey: key.dnskey)?.keyTag)

        let paths = try key.write(toDirectory: directory)
        #expect(paths.publicKey == "\(directory)/\(key.fileBaseName).key")
        #expect(key.fileBaseName.hasPrefix("Kalice.approvers.example.+0\(algorithm.rawValue < 10 ? "0" : "")\(algorithm.rawValue)+"))
        #expect(try LDNSKeyPair.permissions(ofFile: paths.privateKey) == 0o600)

        let reread = try LDNSKeyPair.read(from: paths.privateKey)
        #expect(reread.dnskey.rdata == key.dnskey.rdata)
        #expect(reread.keyTag == key.keyTag)
        #expect(reread.owner == Self.owner)
        let viaPublic = try LDNSKeyPair.read(from: paths.publicKey)
        #expect(viaPublic.keyTag == key.keyTag)
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func privateKeyMaterialNeverShowsInText(algorithm: LDNSKeyAlgorithm) throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let key = try LDNSKeyPair.generate(algorithm: algorithm, owner: Self.owner)
        let paths = try key.write(toDirectory: directory)
        let privateText = try String(contentsOfFile: paths.privateKey, encoding: .utf8)
        // Every base64 value in the private file (key material) must be absent.
        let secrets = privateText.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("Private-key-format"), !line.hasPrefix("Algorithm") else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        #expect(!secrets.isEmpty)
        var dumped = ""
        dump(key, to: &dumped)
        let texts = [key.description, key.debugDescription, String(describing: key), String(reflecting: key), dumped,
                     try String(contentsOfFile: paths.publicKey, encoding: .utf8)]
        for text in texts {
            for secret in secrets {
                #expect(!text.contains(secret), "private key material in \(text)")
                #expect(!text.contains(String(secret.prefix(16))))
            }
        }
        // An error about an unreadable private file names the file, not its contents.
        let badBase = directory + "/Kbroken"
        try FileManager.default.copyItem(atPath: paths.publicKey, toPath: badBase + ".key")
        let corrupted = privateText.replacingOccurrences(of: "Algorithm: \(algorithm.rawValue) ", with: "Algorithm: 199 ")
        #expect(corrupted != privateText)
        try corrupted.write(toFile: badBase + ".private", atomically: true, encoding: .utf8)
        var message = ""
        do {
            _ = try LDNSKeyPair.read(from: badBase)
            Issue.record("a private key file with algorithm 199 was accepted")
        } catch {
            message = "\(error) \(String(reflecting: error))"
        }
        #expect(message.contains("Kbroken"))
        for secret in secrets { #expect(!message.contains(secret)) }
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func keysFromLDNSKeygenAreRead(algorithm: LDNSKeyAlgorithm) throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let base = try ZoneFixtures.run(
            "/usr/bin/ldns-keygen", ["-a", algorithm.mnemonic, "-b", "2048", "-r", "/dev/urandom", "bob.approvers.example."],
            directory: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try LDNSKeyPair.read(from: "\(directory)/\(base)")
        #expect(key.fileBaseName == base)
        #expect(key.owner == (try DomainName("bob.approvers.example.")))
    }

    @Test(arguments: [("ECDSAP256SHA256", LDNSKeyAlgorithm.ecdsap256sha256), ("ED25519", .ed25519), ("RSASHA256", .rsasha256)])
    func keysFromBINDDnssecKeygenAreRead(name: String, algorithm: LDNSKeyAlgorithm) throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        var arguments = ["-q", "-K", directory, "-a", name]
        if algorithm == .rsasha256 { arguments += ["-b", "2048"] }
        let base = try ZoneFixtures.run("/usr/bin/dnssec-keygen", arguments + ["carol.approvers.example."])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try LDNSKeyPair.read(from: "\(directory)/\(base).private")
        #expect(key.algorithm == algorithm)
        #expect(key.fileBaseName == base)
    }

    @Test func halvesOfDifferentKeysAreRefused() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let first = try LDNSKeyPair.generate(algorithm: .ed25519, owner: Self.owner).write(toDirectory: directory)
        let second = try LDNSKeyPair.generate(algorithm: .ed25519, owner: Self.owner).write(toDirectory: directory)
        try FileManager.default.removeItem(atPath: first.privateKey)
        try FileManager.default.copyItem(atPath: second.privateKey, toPath: first.privateKey)
        #expect {
            try LDNSKeyPair.read(from: first.publicKey)
        } throws: { error in
            guard case .mismatchedPair = error as? LDNSKeyFileError else { return false }
            return true
        }
    }

    @Test func writingNeverReplacesExistingKeyFiles() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let key = try LDNSKeyPair.generate(algorithm: .ecdsap256sha256, owner: Self.owner)
        let paths = try key.write(toDirectory: directory)
        let before = try String(contentsOfFile: paths.privateKey, encoding: .utf8)
        #expect(throws: LDNSKeyFileError.alreadyExists(path: paths.privateKey)) {
            try key.write(toDirectory: directory)
        }
        #expect(try String(contentsOfFile: paths.privateKey, encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty)
    }

    @Test func ownerNamesWithSlashesAreNotWrittenAsPaths() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let key = try LDNSKeyPair.generate(algorithm: .ed25519, owner: try DomainName("a/b.x.example."))
        #expect(throws: LDNSKeyFileError.self) { try key.write(toDirectory: directory) }
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func ldnsSignzoneSignsWithTheKeysWeWrite(algorithm: LDNSKeyAlgorithm) throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let key = try LDNSKeyPair.generate(algorithm: algorithm, owner: try DomainName("example."))
        let paths = try key.write(toDirectory: directory)
        let zonePath = directory + "/example.zone"
        try """
            example. 3600 IN SOA ns1.example. admin.example. 1 7200 3600 1209600 300
            example. 3600 IN NS ns1.example.
            ns1.example. 3600 IN A 192.0.2.1
            """.write(toFile: zonePath, atomically: true, encoding: .utf8)
        let base = String(paths.privateKey.dropLast(".private".count))
        try ZoneFixtures.run("/usr/bin/ldns-signzone", ["-f", directory + "/example.signed", zonePath, base])
        let signed = try ZoneFixtures.records(ofFile: directory + "/example.signed")
        let signatures = signed.compactMap(\.rrsig).filter { $0.keyTag == key.keyTag && $0.algorithm == algorithm.rawValue }
        #expect(signatures.count >= 3)
        let verified = try ZoneFixtures.runStatus("/usr/bin/ldns-verify-zone", [directory + "/example.signed"])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func signaturesCarryTheRequestedWindowBeyond2038AndVerify(algorithm: LDNSKeyAlgorithm) throws {
        let key = try LDNSKeyPair.generate(algorithm: algorithm, owner: Self.owner)
        let rrset = try ZoneFixtures.records("""
            example. 3600 IN TXT "approved"
            example. 3600 IN TXT "also approved"
            """)
        let inception: UInt32 = 1_780_000_000            // 2026-05-28
        let expiration: UInt32 = 2_208_988_800 + 86_400  // 2040-01-02, past 2^31
        let signature = try key.sign(rrset, inception: inception, expiration: expiration)
        let data = try #require(signature.rrsig)
        #expect(data.inception == inception)
        #expect(data.expiration == expiration)
        #expect(data.keyTag == key.keyTag)
        #expect(data.signerName == Self.owner)
        #expect(data.typeCovered == .txt)
        #expect(data.originalTTL == 3600)

        #expect(throws: Never.self) { try LDNSSignatureCheck.verify(rrset, signature: signature, key: key.dnskey) }
        #expect(throws: Never.self) { try LDNSSignatureCheck.verify(rrset.reversed(), signature: signature, key: key.dnskey) }

        var tampered = rrset
        tampered[0].rdata[1] ^= 0x20
        #expect(throws: LDNSError.self) { try LDNSSignatureCheck.verify(tampered, signature: signature, key: key.dnskey) }
        var damaged = signature
        damaged.rdata[damaged.rdata.count - 5] ^= 0x01
        #expect(throws: LDNSError.self) { try LDNSSignatureCheck.verify(rrset, signature: damaged, key: key.dnskey) }
        let other = try LDNSKeyPair.generate(algorithm: algorithm, owner: Self.owner)
        #expect(throws: LDNSError.self) { try LDNSSignatureCheck.verify(rrset, signature: signature, key: other.dnskey) }
    }

    @Test func signingRefusesRecordsThatAreNotOneRRset() throws {
        let key = try LDNSKeyPair.generate(algorithm: .ed25519, owner: Self.owner)
        let mixed = try ZoneFixtures.records("""
            example. 3600 IN TXT "a"
            www.example. 3600 IN TXT "b"
            """)
        #expect(throws: LDNSError.self) { try key.sign(mixed, inception: 1, expiration: 2) }
        #expect(throws: LDNSError.self) { try key.sign([], inception: 1, expiration: 2) }
    }
}
