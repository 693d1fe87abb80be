import Foundation
import Testing
import ZoneDiff
import ZoneModel

/// ldns's own compare-zones case (corpus `nlnetlabs-ldns/test/10-ldns-compare-zones.tpkg`):
/// the two zones transcribed record for record into the test reader's
/// one-line form (ldns's default TTL 3600 made explicit), and the owner-level
/// counts compared with the summary line ldns must print.
@Suite struct LDNSCompareZonesCorpusTests {
    static let zone1 = [
        "@ 3600 IN SOA @ hostmaster 1 1800 900 604800 86400",
        "delegation1 3600 IN NS ns1.delegation1",
        "delegation3 3600 IN NS ns1.delegation3",
        "delegation4 3600 IN NS ns1.delegation3",
        "delegation5 3600 IN NS ns1.delegation5",
        "a1 3600 IN A 192.0.2.2",
        "a2 3600 IN A 192.0.2.1",
        "a3 3600 IN A 192.0.2.1", "a3 3600 IN A 198.51.100.1", "a3 3600 IN A 203.0.113.1",
        "shrink3to2 3600 IN TXT one", "shrink3to2 3600 IN TXT two", "shrink3to2 3600 IN TXT three",
        "shrink2to1 3600 IN TXT one", "shrink2to1 3600 IN TXT two",
        "grow2to3 3600 IN TXT one", "grow2to3 3600 IN TXT two",
        "zz 3600 IN TXT top", "zz 3600 IN TXT zZZZzzz",
    ]
    static let zone2 = [
        "@ 3600 IN SOA @ hostmaster 1 1800 900 604800 86400",
        "delegation1 3600 IN NS ns1.delegation1", "delegation1 3600 IN NS ns2.delegation1",
        "delegation2 3600 IN NS ns1.delegation2",
        "delegation3 3600 IN NS ns1.delegation3",
        "delegation5 3600 IN NS ns1.delegation5",
        "a1 3600 IN A 192.0.2.1",
        "a2 3600 IN A 192.0.2.2",
        "a3 3600 IN A 192.0.2.2", "a3 3600 IN A 198.51.100.1", "a3 3600 IN A 203.0.113.2",
        "shrink3to2 3600 IN TXT one", "shrink3to2 3600 IN TXT two",
        "shrink2to1 3600 IN TXT one",
        "grow2to3 3600 IN TXT one", "grow2to3 3600 IN TXT two", "grow2to3 3600 IN TXT three",
        "_added 3600 IN TXT added",
    ]

    @Test func findsWhatLDNSFinds() throws {
        let result = ZoneDiffer.diff(
            baseline: try TestRecords.zone("justazone.example.", LDNSCompareZonesCorpusTests.zone1, file: "zone1"),
            current: try TestRecords.zone("justazone.example.", LDNSCompareZonesCorpusTests.zone2, file: "zone2"))
        #expect(result.findings.rules == [
            "delegation.added", "delegation.ns-changed", "delegation.removed",
            "record.added", "record.changed", "record.changed", "record.changed", "record.changed",
            "record.changed", "record.changed", "record.removed", "zone.bulk-change", "zone.soa-serial-unchanged",
        ])
        #expect(try result.findings.only("delegation.ns-changed").owner == (try DomainName("delegation1.justazone.example.")))
        #expect(try result.findings.only("delegation.added").owner == (try DomainName("delegation2.justazone.example.")))
        #expect(try result.findings.only("delegation.removed").owner == (try DomainName("delegation4.justazone.example.")))

        // Owner-level counts in ldns's terms: names only in zone2, only in zone1, changed.
        let added = Set(result.changes.filter(\.isNewOwner).map(\.owner))
        let removed = Set(result.changes.filter(\.isRemovedOwner).map(\.owner))
        let changed = Set(result.changes.map(\.owner)).subtracting(added).subtracting(removed)
        let summary = "\t+\(added.count)\t-\(removed.count)\t~\(changed.count)"

        let diffs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/nlnetlabs-ldns/test/10-ldns-compare-zones.tpkg/10-ldns-compare-zones.diffs")
        guard let expected = try? String(contentsOf: diffs, encoding: .utf8) else {
            // Corpus absent (it lives beside the repository): the transcription alone is checked.
            #expect(summary == "\t+2\t-2\t~7")
            return
        }
        let lastLine = expected.split(separator: "\n").last.map(String.init)
        #expect(lastLine == summary)
    }
}
