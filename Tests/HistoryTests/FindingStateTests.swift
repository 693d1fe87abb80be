import Foundation
import Reporters
import Testing
import ZoneModel
@testable import History

/// New, ongoing and resolved across runs, per zone, from the database alone.
@Suite struct FindingStateTests {
    let a = HistoryFixture.zoneA
    let b = HistoryFixture.zoneB

    /// Runs one audited run of `zone` with `findings` and returns its history.
    func audit(_ store: HistoryStore, _ zone: DomainName, _ findings: [Finding], hour: Int) throws -> ZoneHistory {
        let run = try store.beginRun(at: HistoryFixture.time(hour))
        let history = try store.record(run: run, zone: zone, outcome: .audited, findings: findings, at: HistoryFixture.time(hour))
        try store.finishRun(run, at: HistoryFixture.time(hour))
        return history
    }

    @Test func newThenOngoingThenResolvedThenNewAgain() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let x = HistoryFixture.changed("www", in: a, address: 9)
        let y = HistoryFixture.changed("mail", in: a, address: 10)

        let first = try audit(store, a, [x], hour: 1)
        #expect(first.states == [x.fingerprint: .new])
        #expect(first.firstSeen[x.fingerprint] == HistoryFixture.time(1))
        #expect(first.resolved.isEmpty)

        let second = try audit(store, a, [x, y], hour: 2)
        #expect(second.states == [x.fingerprint: .ongoing, y.fingerprint: .new])
        #expect(second.firstSeen[x.fingerprint] == HistoryFixture.time(1))
        #expect(second.firstSeen[y.fingerprint] == HistoryFixture.time(2))

        let third = try audit(store, a, [y], hour: 3)
        #expect(third.states == [x.fingerprint: .resolved, y.fingerprint: .ongoing])
        #expect(third.resolved == [x])
        let gone = try #require(try store.sighting(fingerprint: x.fingerprint, zone: a))
        #expect(!gone.isOpen)
        #expect(gone.resolvedAt == HistoryFixture.time(3))
        #expect(gone.lastSeen == HistoryFixture.time(2))

        // Gone stays gone: not reported as resolved a second time.
        let fourth = try audit(store, a, [y], hour: 4)
        #expect(fourth.states == [y.fingerprint: .ongoing])

        // Back after being resolved: new again, with a new first sighting.
        let fifth = try audit(store, a, [x, y], hour: 5)
        #expect(fifth.states == [x.fingerprint: .new, y.fingerprint: .ongoing])
        #expect(fifth.firstSeen[x.fingerprint] == HistoryFixture.time(5))
        let back = try #require(try store.sighting(fingerprint: x.fingerprint, zone: a))
        #expect(back.isOpen && back.resolvedAt == nil && back.firstRun == back.lastRun)
        #expect(try store.openFindings(zone: a).count == 2)
    }

    @Test func unreachableAndFailedRunsChangeNoState() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let x = HistoryFixture.changed("www", in: a, address: 9)
        _ = try audit(store, a, [x], hour: 1)

        let run = try store.beginRun(at: HistoryFixture.time(2))
        let unreachable = try store.record(run: run, zone: a, outcome: .unreachable("ns1: connection refused"),
                                           findings: [], at: HistoryFixture.time(2))
        #expect(unreachable == ZoneHistory())
        #expect(try store.lastOutcome(zone: a) == RecordedOutcome(run: run, outcome: .unreachable("ns1: connection refused"),
                                                                   at: HistoryFixture.time(2)))
        let run3 = try store.beginRun(at: HistoryFixture.time(3))
        _ = try store.record(run: run3, zone: a, outcome: .failed("seal does not verify"),
                             findings: [HistoryFixture.changed("other", in: a, address: 7)], at: HistoryFixture.time(3))
        // The finding was not resolved by the runs that could not see the zone,
        // and the failed run's finding was not tracked.
        let sighting = try #require(try store.sighting(fingerprint: x.fingerprint, zone: a))
        #expect(sighting.isOpen && sighting.lastSeen == HistoryFixture.time(1))
        #expect(try store.sighting(fingerprint: HistoryFixture.changed("other", in: a, address: 7).fingerprint, zone: a) == nil)

        // The next audited run compares with the last audited one (hour 1).
        let next = try audit(store, a, [x], hour: 4)
        #expect(next.states == [x.fingerprint: .ongoing])
        #expect(next.firstSeen[x.fingerprint] == HistoryFixture.time(1))
        #expect(try store.outcomes(zone: a).map(\.outcome) == [.audited, .failed("seal does not verify"),
                                                               .unreachable("ns1: connection refused"), .audited])
    }

    @Test func zonesAreIndependent() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        // The same finding value recorded under two zones is two histories.
        let shared = HistoryFixture.changed("www", in: a, address: 9)
        let onlyB = HistoryFixture.changed("www", in: b, address: 9)

        let run1 = try store.beginRun(at: HistoryFixture.time(1))
        _ = try store.record(run: run1, zone: a, outcome: .audited, findings: [shared], at: HistoryFixture.time(1))
        _ = try store.record(run: run1, zone: b, outcome: .audited, findings: [shared, onlyB], at: HistoryFixture.time(1))
        try store.finishRun(run1, at: HistoryFixture.time(1))

        let run2 = try store.beginRun(at: HistoryFixture.time(2))
        let historyA = try store.record(run: run2, zone: a, outcome: .audited, findings: [], at: HistoryFixture.time(2))
        #expect(historyA.states == [shared.fingerprint: .resolved])
        // Zone B not recorded yet in run 2: its findings are untouched by A's.
        #expect(try store.sighting(fingerprint: shared.fingerprint, zone: b)?.isOpen == true)
        let historyB = try store.record(run: run2, zone: b, outcome: .audited, findings: [shared, onlyB], at: HistoryFixture.time(2))
        #expect(historyB.states == [shared.fingerprint: .ongoing, onlyB.fingerprint: .ongoing])
        #expect(try store.openFindings(zone: a).isEmpty)
        #expect(try store.openFindings(zone: b).count == 2)
    }

    @Test func aZoneIsRecordedOncePerRunAndRunsMustExist() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let run = try store.beginRun(at: HistoryFixture.time(1))
        _ = try store.record(run: run, zone: a, outcome: .audited, findings: [], at: HistoryFixture.time(1))
        #expect(throws: HistoryError.self) {
            try store.record(run: run, zone: a, outcome: .audited, findings: [], at: HistoryFixture.time(1))
        }
        #expect(throws: HistoryError.self) {
            try store.record(run: run + 1, zone: a, outcome: .audited, findings: [], at: HistoryFixture.time(1))
        }
        #expect(throws: HistoryError.self) { try store.finishRun(run + 1, at: HistoryFixture.time(1)) }
        #expect(try store.run(run)?.finished == nil)
        try store.finishRun(run, at: HistoryFixture.time(2))
        #expect(try store.run(run) == RunRecord(id: run, started: HistoryFixture.time(1), finished: HistoryFixture.time(2)))
    }

    @Test func duplicateFindingsInOneRunCountOnce() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let x = HistoryFixture.changed("www", in: a, address: 9)
        let history = try audit(store, a, [x, x], hour: 1)
        #expect(history.states == [x.fingerprint: .new])
        #expect(try store.openFindings(zone: a) == [x])
    }
}
