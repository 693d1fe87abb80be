import Foundation
import Reporters
import Testing
import ZoneModel
@testable import History

/// A resolved finding comes back from the database as it was recorded, so its
/// fingerprint (and its report) match the run that saw it open.
@Suite struct ResolvedFindingTests {
    static let zone = try! DomainName("Example.ORG.")

    /// Findings that use every stored field: mixed-case names, several record
    /// types (names inside RDATA, binary RDATA, an unknown type, a class other
    /// than IN), no owner at all, a policy verdict and techniques.
    static var findings: [Finding] {
        let owner = try! DomainName("Delegated.Example.ORG.")
        let ns1 = Record(owner: owner, type: .ns, ttl: 3600, rdata: try! DomainName("NS1.Provider.NET.").wire)
        let ns2 = Record(owner: owner, type: .ns, ttl: 86400, rdata: try! DomainName("ns.attacker.example.").wire)
        let mx = Record(owner: zone, type: .mx, ttl: 300, rdata: [0, 10] + (try! DomainName("Mail.Example.ORG.").wire))
        let opaque = Record(owner: zone, type: RRType(65280), rrClass: RRClass(3), ttl: 0, rdata: [0, 255, 1, 2, 0])
        let empty = Record(owner: zone, type: RRType(65281), ttl: 1, rdata: [])
        return [
            Finding(rule: "delegation.ns-changed", severity: .critical, message: "NS of \(owner) changed",
                    zone: zone, owner: owner, type: .ns, before: [ns1], after: [ns2, ns1],
                    location: SourceLocation(file: "zones/example.org", line: 42, column: 17),
                    authorized: false, policy: nil, techniques: ["T1584.002", "T1557"]),
            Finding(rule: "record.added", severity: .low, message: "records added at the apex",
                    zone: zone, owner: zone, type: nil, before: [], after: [mx, opaque, empty],
                    authorized: true, policy: "mail-migration"),
            Finding(rule: "syntax.bad-ttl", severity: .medium, message: "a file-level problem with\nno owner",
                    location: SourceLocation(file: "zones/ü.zone", line: 1, column: 1)),
            Finding(rule: "zone.note", severity: .info, message: "no zone field", owner: owner),
        ]
    }

    @Test func resolvedFindingsEqualTheOriginalsAndKeepTheirFingerprints() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let originals = ResolvedFindingTests.findings
        let run1 = try store.beginRun(at: HistoryFixture.time(1))
        let opened = try store.record(run: run1, zone: ResolvedFindingTests.zone, outcome: .audited, findings: originals,
                                      at: HistoryFixture.time(1))
        #expect(Set(opened.states.values) == [.new])
        #expect(opened.states.count == originals.count)

        // Reopened, as the next cron run would.
        let reopened = try HistoryStore(path: fixture.databasePath)
        let run2 = try reopened.beginRun(at: HistoryFixture.time(2))
        let history = try reopened.record(run: run2, zone: ResolvedFindingTests.zone, outcome: .audited, findings: [],
                                          at: HistoryFixture.time(2))
        #expect(history.resolved.count == originals.count)
        #expect(Set(history.resolved.map(\.fingerprint)) == Set(originals.map(\.fingerprint)))
        #expect(history.states == Dictionary(uniqueKeysWithValues: originals.map { ($0.fingerprint, FindingState.resolved) }))
        for original in originals {
            let resolved = try #require(history.resolved.first { $0.fingerprint == original.fingerprint })
            #expect(resolved == original)
            // Record equality ignores owner case; the stored wire form keeps it.
            #expect(resolved.after.map(\.owner.wire) == original.after.map(\.owner.wire))
            #expect(resolved.zone?.wire == original.zone?.wire)
        }
        #expect(history.resolved == originals.sorted(by: Finding.reportOrder))
    }

    @Test func anOngoingFindingIsStoredAsLastSeen() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        var finding = HistoryFixture.changed("www", in: HistoryFixture.zoneA, address: 9)
        let run1 = try store.beginRun(at: HistoryFixture.time(1))
        _ = try store.record(run: run1, zone: HistoryFixture.zoneA, outcome: .audited, findings: [finding], at: HistoryFixture.time(1))
        // Same problem (same fingerprint), moved in the file and reworded.
        finding.location = SourceLocation(file: "zones/moved.zone", line: 99, column: 3)
        finding.message = "reworded"
        let run2 = try store.beginRun(at: HistoryFixture.time(2))
        let second = try store.record(run: run2, zone: HistoryFixture.zoneA, outcome: .audited, findings: [finding],
                                      at: HistoryFixture.time(2))
        #expect(second.states == [finding.fingerprint: .ongoing])
        let run3 = try store.beginRun(at: HistoryFixture.time(3))
        let third = try store.record(run: run3, zone: HistoryFixture.zoneA, outcome: .audited, findings: [], at: HistoryFixture.time(3))
        #expect(third.resolved == [finding])
        #expect(third.firstSeen[finding.fingerprint] == HistoryFixture.time(1))
    }
}
