import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

@Suite("Zone loader")
struct LoaderTests {
    @Test func buildsTheZoneWithTheBuildersFindings() {
        let text = """
        $ORIGIN example.
        $TTL 300
        @ SOA ns hm 1 2 3 4 5
          NS ns
        ns A 192.0.2.1
        ns A 192.0.2.1
        www 60 A 192.0.2.2
        www 120 A 192.0.2.3
        elsewhere.test. A 192.0.2.9

        """
        let (zone, findings) = ZoneLoader.loadZone(bytes: Array(text.utf8), name: "z", options: ParseOptions())
        #expect(zone?.origin == name("example."))
        #expect(zone?.recordCount == 5)
        #expect(Set(findings.map(\.rule.rawValue)) == ["zone.duplicate-record", "zone.ttl-mismatch", "zone.out-of-zone"])
    }

    @Test func noZoneWhenTheParseFailed() {
        let (zone, findings) = ZoneLoader.loadZone(bytes: Array("@ 1 SOA ns hm 1 2 3 4 5\nbad A x\n".utf8), name: "z",
                                                   options: ParseOptions(origin: name("example.")))
        #expect(zone == nil)
        #expect(findings.map(\.rule.rawValue) == ["syntax.bad-rdata"])
    }

    @Test func noZoneWithoutAnOrigin() {
        let (zone, findings) = ZoneLoader.loadZone(bytes: Array("a.example. 1 A 192.0.2.1\n".utf8), name: "z")
        #expect(zone == nil)
        #expect(findings.map(\.rule.rawValue) == ["syntax.no-origin"])
    }

    @Test func aCompleteDumpLoadsWithOneSOA() {
        let (zone, findings) = ZoneLoader.loadZone(path: fixtures + "/axfr/kdig-tsig.axfr")
        #expect(findings.isEmpty)
        #expect(zone?.rrset(name("example.test."), .soa)?.records.count == 1)
        #expect(zone?.recordCount == 14)
    }

    @Test func aCutDumpLoadsNoZone() {
        let (zone, findings) = ZoneLoader.loadZone(path: fixtures + "/axfr/dig-cut.axfr")
        #expect(zone == nil)
        #expect(findings.map(\.rule.rawValue) == ["transfer.truncated"])
    }

    @Test func resultHandsItsTableToTheBuilder() {
        let result = parse("$TTL 1\n@ SOA ns hm 1 2 3 4 5\nwww A 192.0.2.1\n")
        let builder = result.zoneBuilder()
        #expect(builder?.count == 2)
        #expect(result.records.map(\.type) == [.soa, .a])
        #expect(ParseResult(records: result.records, origin: result.origin, format: .masterFile, findings: [],
                            includedFiles: [], stoppedEarly: false).records == result.records)
    }
}
