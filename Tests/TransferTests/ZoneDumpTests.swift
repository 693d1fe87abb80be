import Foundation
import Testing
@testable import Transfer
import ZoneModel
import ZoneParser

/// Dumps are written atomically and read back by zoneaudit's parser, as an
/// AXFR dump, to exactly the records transferred.
@Suite struct ZoneDumpTests {
    static let unusual = """
        example. 3600 IN SOA ns1.example. hostmaster.example. 2024010101 7200 3600 1209600 300
        example. 3600 IN NS ns1.example.
        example. 3600 IN CAA 0 issue "letsencrypt.org"
        example. 3600 IN TXT "quoted \\"text\\" with ; semicolon" "and a second string"
        example. 3600 IN NAPTR 100 10 "S" "SIP+D2U" "" _sip._udp.example.
        example. 3600 IN TYPE65280 \\# 4 DEADBEEF
        a\\.b.example. 300 IN A 192.0.2.1
        odd\\032name.example. 300 IN AAAA 2001:db8::1
        _443._tcp.www.example. 3600 IN TLSA 3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
        svc.example. 3600 IN HTTPS 1 . alpn=h2,h3 ipv4hint=192.0.2.1
        sub.example. 3600 IN NS ns.sub.example.
        sub.example. 3600 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
        ns1.example. 3600 IN A 127.0.0.10
        """

    static func transfer(_ text: String) throws -> ZoneTransfer {
        let records = try TestRecords.records(text)
        return ZoneTransfer(origin: TestZones.origin, server: ServerAddress(host: .ipv6("::1"), port: 5353),
                            records: records, soa: records[0], messageCount: 2, byteCount: 1234,
                            tsigKeyName: TestRecords.name("xfr.example."))
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theTextHasAHeaderOneRecordALineAndTheClosingSOA() throws {
        let transfer = try Self.transfer(TestZones.child())
        let text = String(decoding: ZoneDump.text(of: transfer, transferredAt: 1_700_000_000), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "; zoneaudit AXFR dump of example. from [::1]:5353")
        #expect(lines[1] == "; transferred 2023-11-14T22:13:20Z, serial 2024010101, \(transfer.records.count) records, 2 messages, 1234 octets")
        #expect(lines[2] == "; every message verified with TSIG key xfr.example.")
        #expect(lines.count == 3 + transfer.records.count + 1 + 1)
        #expect(lines[3] == Substring(transfer.soa.presentation))
        #expect(lines[lines.count - 2] == Substring(transfer.soa.presentation))
        #expect(lines.last == "")
    }

    @Test(arguments: [TestZones.child(), unusual])
    func theParserReadsADumpBackToTheSameRecords(zone: String) throws {
        let transfer = try Self.transfer(zone)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("example.axfr").path
        try ZoneDump.write(transfer, to: path)

        let result = ZoneFileParser.parse(path: path)
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.format == .axfrDump)
        #expect(result.origin == TestZones.origin)
        #expect(result.records == transfer.records)
        #expect(result.records.first?.location == SourceLocation(file: path, line: 4, column: 1))
    }

    @Test func aDumpMissingItsClosingSOAReadsAsTruncated() throws {
        var text = ZoneDump.text(of: try Self.transfer(TestZones.child()))
        // Drop the last line (the closing SOA).
        text.removeLast()
        text.removeSubrange((text.lastIndex(of: 0x0A)! + 1)...)
        let result = ZoneFileParser.parse(bytes: text, name: "cut.axfr", options: ParseOptions(format: .axfrDump))
        #expect(result.findings.map(\.rule) == ["transfer.truncated"])
    }

    @Test func writingReplacesTheFileWholeAndLeavesNoTemporaryFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("example.axfr").path
        try "old content\n".write(toFile: path, atomically: false, encoding: .utf8)
        let transfer = try Self.transfer(TestZones.child())
        try ZoneDump.write(transfer, to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["example.axfr"])
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == ZoneDump.text(of: transfer).count)
        #expect(String(decoding: written, as: UTF8.self).hasPrefix("; zoneaudit AXFR dump"))
    }

    @Test func anUnwritableTargetIsAnErrorThatLeavesNothingBehind() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("missing-dir/example.axfr").path
        #expect(throws: ZoneDumpError.self) { try ZoneDump.write(try Self.transfer(TestZones.child()), to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
