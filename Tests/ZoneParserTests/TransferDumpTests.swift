import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

@Suite("Transfer dumps")
struct TransferDumpTests {
    private func load(_ file: String, format: ZoneTextFormat = .auto, origin: String? = nil) -> ParseResult {
        var options = ParseOptions(format: format)
        options.origin = origin.map(name)
        return ZoneFileParser.parse(path: fixtures + "/axfr/" + file, options: options)
    }

    /// The records of the served zone, read as a master file.
    private var served: Set<String> {
        Set(load("example.zone").records.map(key))
    }

    @Test(arguments: ["dig.axfr", "dig-tsig.axfr", "kdig.axfr", "kdig-tsig.axfr", "drill.axfr"])
    func completeTransfersLoadAsTheZone(file: String) {
        let result = load(file)
        #expect(result.format == .axfrDump)
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.origin == name("example.test."))
        #expect(result.records.count == 14)
        #expect(result.records.first?.type == .soa)
        #expect(!result.records.contains { $0.type == .tsig })
        #expect(Set(result.records.map(key)) == served)
    }

    @Test(arguments: ["ldns-read-zone.txt", "named-compilezone.txt"])
    func zonePrintoutsAreMasterFiles(file: String) {
        let result = load(file)
        #expect(result.format == .masterFile)
        #expect(result.findings.isEmpty)
        #expect(result.origin == name("example.test."))
        #expect(Set(result.records.map(key)) == served)
    }

    @Test func cutTransferWithBannerIsTruncated() {
        let result = load("dig-cut.axfr")
        #expect(result.format == .axfrDump)
        #expect(rules(result) == ["transfer.truncated"])
        #expect(result.findings[0].severity == .high)
        #expect(result.findings[0].message.contains("no closing SOA"))
        #expect(result.findings[0].location?.line == 12)
    }

    @Test func failedTransferIsTruncated() {
        let result = load("dig-failed.axfr")
        #expect(result.format == .axfrDump)
        #expect(rules(result).allSatisfy { $0 == "transfer.truncated" })
        #expect(result.hasErrors)
    }

    @Test func cutTransferWithoutMarkersNeedsTheExplicitFormat() {
        // Nothing in the text says it was a transfer: auto reads a master file.
        #expect(load("drill-cut.axfr").format == .masterFile)
        let forced = load("drill-cut.axfr", format: .axfrDump)
        #expect(rules(forced) == ["transfer.truncated"])
    }

    @Test func differentClosingSOAIsTruncated() {
        let result = load("drill-serial-changed.axfr")
        #expect(result.format == .axfrDump)
        #expect(rules(result) == ["transfer.truncated"])
        #expect(result.findings[0].message.contains("2024010102"))
    }

    @Test func recordCountMustMatchTheTrailer() {
        let result = load("dig-count-mismatch.axfr")
        #expect(rules(result) == ["transfer.truncated"])
        #expect(result.findings[0].message.contains("16"))
    }

    @Test func masterFileCanBeForced() {
        let result = load("dig.axfr", format: .masterFile)
        #expect(result.format == .masterFile)
        #expect(result.records.count == 15)
        #expect(result.findings.isEmpty)
        let tsig = load("dig-tsig.axfr", format: .masterFile)
        #expect(rules(tsig) == ["syntax.meta-type"])
    }

    @Test func aGivenOriginWins() {
        let result = load("dig.axfr", origin: "test.")
        #expect(result.origin == name("test."))
    }

    @Test func directivesMeanMasterFile() {
        let text = "$TTL 60\nexample. 60 IN SOA ns hm 1 2 3 4 5\nexample. 60 IN SOA ns hm 1 2 3 4 5\n"
        #expect(parse(text, origin: nil).format == .masterFile)
        let bare = "example. 60 IN SOA ns. hm. 1 2 3 4 5\nexample. 60 IN NS ns.\nexample. 60 IN SOA ns. hm. 1 2 3 4 5\n"
        let dump = parse(bare, origin: nil)
        #expect(dump.format == .axfrDump)
        #expect(dump.records.count == 2)
        #expect(dump.findings.isEmpty)
    }

    @Test func axfrDumpMustStartWithSOA() {
        let result = parse("a.example. 60 IN A 192.0.2.1\n", origin: nil) { $0.format = .axfrDump }
        #expect(rules(result) == ["transfer.truncated"])
    }
}
