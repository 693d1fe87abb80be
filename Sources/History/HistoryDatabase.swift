import Foundation
import GRDB

/// Opens (creating when absent) and migrates a history database. The history
/// store and the verification cache share it, so one file or two are both fine.
enum HistoryDatabase {
    /// How long a writer waits for another process's transaction (a second
    /// cron run, a report reader) before giving up.
    static let busyTimeout: TimeInterval = 10

    static func open(path: String) throws(HistoryError) -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        // WAL: readers (a report job) never block the run, and a process
        // killed mid-transaction leaves the last commit intact.
        config.journalMode = .wal
        config.foreignKeysEnabled = true
        config.label = "zoneaudit-history"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw HistoryError(path: path, describe(error, path: path))
        }
        do {
            let migrator = HistorySchema.migrator
            try queue.writeWithoutTransaction { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if application != HistorySchema.applicationID && (application != 0 || tables > 0) {
                    throw HistoryError(path: path, "is an SQLite database of another program, not a zoneaudit history; it was left untouched")
                }
                if try migrator.hasBeenSuperseded(db) {
                    let unknown = try migrator.appliedIdentifiers(db)
                        .subtracting(migrator.migrations).sorted().joined(separator: ", ")
                    throw HistoryError(path: path,
                                       "was written by a newer zoneaudit (schema \(unknown)); upgrade zoneaudit instead of downgrading the file")
                }
            }
            try migrator.migrate(queue)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(path: path, describe(error, path: path))
        }
        return queue
    }

    /// SQLite's message, with the cases people meet in a cron mail spelled out.
    static func describe(_ error: any Error, path: String) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return "is not a usable SQLite database (\(error.message ?? "corrupt")); it was left untouched: move it aside to start a new history"
        case .SQLITE_CANTOPEN:
            return "cannot be opened (\(error.message ?? "cannot open")); does its folder exist and is it writable?"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "is busy: another process held it for more than \(Int(busyTimeout)) seconds"
        case .SQLITE_READONLY:
            return "is read-only"
        case .SQLITE_FULL:
            return "the disk is full"
        default:
            return error.message ?? "\(error)"
        }
    }

    /// Runs `body`, turning database errors into a HistoryError naming the file.
    static func perform<T>(_ path: String, _ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch {
            throw HistoryError(path: path, describe(error, path: path))
        }
    }
}
