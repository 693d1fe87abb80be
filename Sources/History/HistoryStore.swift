import Foundation
import GRDB
import Reporters
import ZoneModel

/// The cron run's memory: which findings each zone had, since when, and what
/// each run could do with each zone. Every change is one SQLite transaction,
/// so a run killed at any point leaves the database as of its last finished
/// `record` call, and the next run's states are right.
public final class HistoryStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the database, creating and migrating it as needed. A file that is
    /// not a zoneaudit history, or was written by a newer zoneaudit, is an error
    /// and is left as it is.
    public init(path: String) throws(HistoryError) {
        self.path = path
        self.queue = try HistoryDatabase.open(path: path)
    }

    /// Starts a run; the id goes to `record` and `finishRun`.
    public func beginRun(at date: Date) throws(HistoryError) -> Int64 {
        try HistoryDatabase.perform(path) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO run (started) VALUES (?)", arguments: [date.timeIntervalSince1970])
                return db.lastInsertedRowID
            }
        }
    }

    /// Marks a run finished. A run never finished was killed; nothing depends on it.
    public func finishRun(_ run: Int64, at date: Date) throws(HistoryError) {
        try HistoryDatabase.perform(path) {
            try queue.write { db in
                try db.execute(sql: "UPDATE run SET finished = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, run])
                guard db.changesCount == 1 else { throw HistoryError(path: path, "there is no run \(run)") }
            }
        }
    }

    /// One zone's outcome in one transaction.
    ///
    /// For `.audited`, `findings` are all the zone has now. Each (by
    /// `Finding.fingerprint`) is new (first seen now: never seen, or resolved
    /// since) or ongoing (open after the zone's previous audited run); the
    /// findings open before and absent now are resolved and returned as they
    /// were last seen. For `.unreachable` and `.failed` only the outcome is
    /// kept: the zone was not seen, so nothing is resolved and no state moves;
    /// `findings` are not tracked and the result is empty.
    public func record(run: Int64, zone: DomainName, outcome: ZoneOutcome, findings: [Finding], at date: Date)
        throws(HistoryError) -> ZoneHistory {
        try record(run: run, zone: zone, outcome: outcome, findings: findings, at: date, beforeCommit: nil)
    }

    /// `beforeCommit` runs inside the transaction after every write: the crash
    /// test kills the process there.
    func record(run: Int64, zone: DomainName, outcome: ZoneOutcome, findings: [Finding], at date: Date,
                beforeCommit: (@Sendable () -> Void)?) throws(HistoryError) -> ZoneHistory {
        let zoneKey = Data(zone.lowercased.wire)
        let now = date.timeIntervalSince1970
        let path = self.path
        return try HistoryDatabase.perform(path) {
            try queue.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM run WHERE id = ?", arguments: [run]) != nil else {
                    throw HistoryError(path: path, "there is no run \(run)")
                }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM zone_outcome WHERE run = ? AND zone = ?",
                                     arguments: [run, zoneKey]) != nil {
                    throw HistoryError(path: path, "zone \(zone) is already recorded in run \(run)")
                }
                try db.execute(sql: "INSERT INTO zone_outcome (run, zone, outcome, reason, at) VALUES (?, ?, ?, ?, ?)",
                               arguments: [run, zoneKey, outcome.kind, outcome.reason, now])
                var history = ZoneHistory()
                if outcome == .audited {
                    history = try audited(db, run: run, zoneKey: zoneKey, findings: findings, now: now)
                }
                beforeCommit?()
                return history
            }
        }
    }

    private func audited(_ db: Database, run: Int64, zoneKey: Data, findings: [Finding], now: Double) throws -> ZoneHistory {
        var open: [String: Double] = [:]
        let openRows = try Row.fetchCursor(db, sql: "SELECT fingerprint, first_seen FROM finding WHERE zone = ? AND open = 1",
                                           arguments: [zoneKey])
        while let row = try openRows.next() {
            open[row[0]] = row[1]
        }
        var history = ZoneHistory()
        let placeholders = Array(repeating: "?", count: 14).joined(separator: ", ")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO finding (zone, fingerprint, open, first_seen, last_seen, first_run, last_run, resolved_at, \(StoredFinding.columnList))
            VALUES (?, ?, 1, ?, ?, ?, ?, NULL, \(placeholders))
            ON CONFLICT (zone, fingerprint) DO UPDATE SET
                open = 1, first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                first_run = excluded.first_run, last_run = excluded.last_run, resolved_at = NULL,
                rule = excluded.rule, severity = excluded.severity, message = excluded.message,
                finding_zone = excluded.finding_zone, owner = excluded.owner, type = excluded.type,
                before = excluded.before, after = excluded.after, file = excluded.file, line = excluded.line,
                col = excluded.col, authorized = excluded.authorized, policy = excluded.policy,
                techniques = excluded.techniques
            """)
        // Ongoing: keeps its first sighting; the rest of the row is refreshed
        // so a resolved report later shows the finding as last seen.
        let update = try db.cachedStatement(sql: """
            UPDATE finding SET last_seen = ?, last_run = ?,
                (\(StoredFinding.columnList)) = (\(placeholders))
            WHERE zone = ? AND fingerprint = ?
            """)
        for finding in findings {
            let fingerprint = finding.fingerprint
            guard history.states[fingerprint] == nil else { continue }
            let columns = StoredFinding.arguments(finding)
            if let firstSeen = open[fingerprint] {
                history.states[fingerprint] = .ongoing
                history.firstSeen[fingerprint] = Date(timeIntervalSince1970: firstSeen)
                let head: [(any DatabaseValueConvertible)?] = [now, run]
                let key: [(any DatabaseValueConvertible)?] = [zoneKey, fingerprint]
                try update.execute(arguments: StatementArguments(head + columns + key))
            } else {
                history.states[fingerprint] = .new
                history.firstSeen[fingerprint] = Date(timeIntervalSince1970: now)
                let head: [(any DatabaseValueConvertible)?] = [zoneKey, fingerprint, now, now, run, run]
                try insert.execute(arguments: StatementArguments(head + columns))
            }
        }
        let gone = open.keys.filter { history.states[$0] == nil }.sorted()
        let select = try db.cachedStatement(sql: """
            SELECT fingerprint, first_seen, \(StoredFinding.columnList) FROM finding WHERE zone = ? AND fingerprint = ?
            """)
        let resolve = try db.cachedStatement(sql: "UPDATE finding SET open = 0, resolved_at = ? WHERE zone = ? AND fingerprint = ?")
        for fingerprint in gone {
            guard let row = try Row.fetchOne(select, arguments: [zoneKey, fingerprint]) else { continue }
            let finding = try decode(row)
            history.states[fingerprint] = .resolved
            history.firstSeen[fingerprint] = Date(timeIntervalSince1970: row["first_seen"])
            history.resolved.append(finding)
            try resolve.execute(arguments: [now, zoneKey, fingerprint])
        }
        history.resolved.sort(by: Finding.reportOrder)
        return history
    }

    /// A stored finding back as a value; a damaged row is an error naming the file.
    func decode(_ row: Row) throws(HistoryError) -> Finding {
        do {
            return try StoredFinding.finding(from: row)
        } catch {
            throw HistoryError(path: path, "a stored finding has a damaged \(error.column) column")
        }
    }
}

// Reading back, for reports and tests.
extension HistoryStore {
    /// The zone's outcome in its latest recorded run.
    public func lastOutcome(zone: DomainName) throws(HistoryError) -> RecordedOutcome? {
        try outcomes(zone: zone, limit: 1).first
    }

    /// The zone's recorded outcomes, latest first.
    public func outcomes(zone: DomainName, limit: Int = Int.max) throws(HistoryError) -> [RecordedOutcome] {
        let path = self.path
        return try HistoryDatabase.perform(path) {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT run, outcome, reason, at FROM zone_outcome WHERE zone = ? ORDER BY run DESC LIMIT ?
                    """, arguments: [Data(zone.lowercased.wire), Int64(clamping: limit)]).map { row in
                    guard let outcome = ZoneOutcome(kind: row["outcome"], reason: row["reason"]) else {
                        throw HistoryError(path: path, "unknown outcome \(String(describing: row["outcome"] as String?))")
                    }
                    return RecordedOutcome(run: row["run"], outcome: outcome, at: Date(timeIntervalSince1970: row["at"]))
                }
            }
        }
    }

    /// First and last sighting of a finding in a zone; nil if never seen.
    public func sighting(fingerprint: String, zone: DomainName) throws(HistoryError) -> FindingSighting? {
        try HistoryDatabase.perform(path) {
            try queue.read { db in
                try Row.fetchOne(db, sql: """
                    SELECT open, first_seen, last_seen, first_run, last_run, resolved_at FROM finding
                    WHERE zone = ? AND fingerprint = ?
                    """, arguments: [Data(zone.lowercased.wire), fingerprint]).map { row in
                    FindingSighting(
                        firstSeen: Date(timeIntervalSince1970: row["first_seen"]),
                        lastSeen: Date(timeIntervalSince1970: row["last_seen"]),
                        firstRun: row["first_run"], lastRun: row["last_run"],
                        isOpen: row["open"],
                        resolvedAt: (row["resolved_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
                }
            }
        }
    }

    /// The findings open after the zone's latest audited run, in report order.
    public func openFindings(zone: DomainName) throws(HistoryError) -> [Finding] {
        try HistoryDatabase.perform(path) {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT \(StoredFinding.columnList) FROM finding WHERE zone = ? AND open = 1",
                                 arguments: [Data(zone.lowercased.wire)]).map(decode).sorted(by: Finding.reportOrder)
            }
        }
    }

    /// A run as recorded; nil if there is none with that id.
    public func run(_ id: Int64) throws(HistoryError) -> RunRecord? {
        try HistoryDatabase.perform(path) {
            try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT id, started, finished FROM run WHERE id = ?", arguments: [id]).map { row in
                    RunRecord(id: row["id"], started: Date(timeIntervalSince1970: row["started"]),
                              finished: (row["finished"] as Double?).map(Date.init(timeIntervalSince1970:)))
                }
            }
        }
    }

    /// SQLite's own check of the file: "ok" when sound.
    public func integrityCheck() throws(HistoryError) -> String {
        try HistoryDatabase.perform(path) {
            try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
        }
    }
}
