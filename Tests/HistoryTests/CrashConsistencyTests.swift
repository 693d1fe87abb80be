import Foundation
import GRDB
import Reporters
import Testing
import ZoneModel
@testable import History

/// A run killed half-way leaves the database as of its last finished `record`.
///
/// The kill is real: the test binary starts itself again (the same
/// executable, with `--testing-library swift-testing --filter` naming
/// `recordWritesStayInvisibleUntilCommit` and an environment variable giving
/// the database). In that child the test records one zone, then SIGKILLs its
/// own process inside the transaction of the next `record`, after its writes
/// and before its commit. Re-entering the test binary rather than `fork()`ing
/// keeps SQLite and the Swift runtime out of a forked multithreaded process,
/// and needs no second executable.
@Suite struct CrashConsistencyTests {
    static let databaseVariable = "ZONEAUDIT_HISTORY_CRASH_DATABASE"

    static let a = HistoryFixture.zoneA
    static let b = HistoryFixture.zoneB
    static let a1 = HistoryFixture.changed("www", in: a, address: 1)
    static let a2 = HistoryFixture.changed("www", in: a, address: 2)
    static let a3 = HistoryFixture.changed("www", in: a, address: 3)
    static let b1 = HistoryFixture.changed("mail", in: b, address: 1)
    static let b2 = HistoryFixture.changed("mail", in: b, address: 2)
    static let b3 = HistoryFixture.changed("mail", in: b, address: 3)

    /// What `record` writes stays invisible to other connections until it
    /// commits: a reader opened inside the transaction sees nothing of it.
    /// Started by `killedRunLeavesConsistentHistory` (the crash variable set),
    /// the same test is the child: it SIGKILLs itself at that point instead.
    @Test func recordWritesStayInvisibleUntilCommit() throws {
        if let path = ProcessInfo.processInfo.environment[CrashConsistencyTests.databaseVariable] {
            try CrashConsistencyTests.recordThenDieInsideTheNextRecord(path)
            return
        }
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let path = fixture.databasePath
        let store = try HistoryStore(path: path)
        let run = try store.beginRun(at: HistoryFixture.time(1))
        let seen = SeenInsideTransaction()
        _ = try store.record(run: run, zone: CrashConsistencyTests.a, outcome: .audited,
                             findings: [CrashConsistencyTests.a1], at: HistoryFixture.time(1),
                             beforeCommit: {
                                 var configuration = Configuration()
                                 configuration.readonly = true
                                 seen.set(try? DatabaseQueue(path: path, configuration: configuration).read { db in
                                     try Int.fetchOne(db, sql: "SELECT count(*) FROM zone_outcome") ?? -1
                                 })
                             })
        #expect(seen.value == 0, "a reader inside the transaction saw \(String(describing: seen.value)) outcomes")
        #expect(try store.lastOutcome(zone: CrashConsistencyTests.a)?.run == run)
    }

    /// The child's work: zone A completes (a1 resolved, a2 ongoing, a3 new);
    /// zone B (b1 would be resolved, b3 new) dies before its commit.
    static func recordThenDieInsideTheNextRecord(_ path: String) throws {
        let store = try HistoryStore(path: path)
        let run = try store.beginRun(at: HistoryFixture.time(2))
        _ = try store.record(run: run, zone: a, outcome: .audited, findings: [a2, a3], at: HistoryFixture.time(2))
        _ = try store.record(run: run, zone: b, outcome: .audited, findings: [b2, b3], at: HistoryFixture.time(2),
                             beforeCommit: { kill(getpid(), SIGKILL) })
        Issue.record("the child went past a record call it should have died in")
    }

    // Re-entry finds the running test binary through /proc (Linux, where CI runs).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe"), "needs /proc/self/exe to re-enter the test binary"))
    func killedRunLeavesConsistentHistory() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let (a, b) = (CrashConsistencyTests.a, CrashConsistencyTests.b)
        let (a1, a2, a3) = (CrashConsistencyTests.a1, CrashConsistencyTests.a2, CrashConsistencyTests.a3)
        let (b1, b2, b3) = (CrashConsistencyTests.b1, CrashConsistencyTests.b2, CrashConsistencyTests.b3)
        do {
            let store = try HistoryStore(path: fixture.databasePath)
            let run = try store.beginRun(at: HistoryFixture.time(1))
            _ = try store.record(run: run, zone: a, outcome: .audited, findings: [a1, a2], at: HistoryFixture.time(1))
            _ = try store.record(run: run, zone: b, outcome: .audited, findings: [b1, b2], at: HistoryFixture.time(1))
            try store.finishRun(run, at: HistoryFixture.time(1))
        }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", "recordWritesStayInvisibleUntilCommit"]
        var environment = ProcessInfo.processInfo.environment
        environment[CrashConsistencyTests.databaseVariable] = fixture.databasePath
        child.environment = environment
        let log = fixture.path("child.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let logHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        child.standardOutput = logHandle
        child.standardError = logHandle
        try child.run()
        // The child kills itself inside the transaction; a child that hangs
        // instead is killed after two minutes and fails below.
        let deadline = Date().addingTimeInterval(120)
        while child.isRunning && Date() < deadline { usleep(20_000) }
        if child.isRunning { kill(child.processIdentifier, SIGTERM) }
        child.waitUntilExit()
        try logHandle.close()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL, "\(output)")
        // The killed process left its WAL (and shared memory) behind, as a crash does.
        #expect(FileManager.default.fileExists(atPath: fixture.databasePath + "-wal"))

        let store = try HistoryStore(path: fixture.databasePath)
        #expect(try store.integrityCheck() == "ok")
        // Run 2 began and recorded zone A; zone B's record never committed.
        #expect(try store.run(2)?.finished == nil)
        #expect(try store.lastOutcome(zone: a)?.run == 2)
        #expect(try store.lastOutcome(zone: b)?.run == 1)
        #expect(Set(try store.openFindings(zone: a).map(\.fingerprint)) == [a2.fingerprint, a3.fingerprint])
        #expect(Set(try store.openFindings(zone: b).map(\.fingerprint)) == [b1.fingerprint, b2.fingerprint])
        #expect(try store.sighting(fingerprint: b3.fingerprint, zone: b) == nil)

        // The next run works, and its states compare with what was committed.
        let run = try store.beginRun(at: HistoryFixture.time(3))
        #expect(run == 3)
        let historyA = try store.record(run: run, zone: a, outcome: .audited, findings: [a3], at: HistoryFixture.time(3))
        #expect(historyA.states == [a2.fingerprint: .resolved, a3.fingerprint: .ongoing])
        #expect(historyA.firstSeen[a3.fingerprint] == HistoryFixture.time(2))
        let historyB = try store.record(run: run, zone: b, outcome: .audited, findings: [b2, b3], at: HistoryFixture.time(3))
        #expect(historyB.states == [b1.fingerprint: .resolved, b2.fingerprint: .ongoing, b3.fingerprint: .new])
        #expect(historyB.firstSeen[b2.fingerprint] == HistoryFixture.time(1))
        #expect(historyB.resolved == [b1])
        try store.finishRun(run, at: HistoryFixture.time(3))
        #expect(try store.integrityCheck() == "ok")
    }
}

/// What the reader inside the transaction counted, handed out of the
/// `@Sendable` hook.
private final class SeenInsideTransaction: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int?

    func set(_ value: Int?) {
        lock.lock()
        count = value
        lock.unlock()
    }

    var value: Int? {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
