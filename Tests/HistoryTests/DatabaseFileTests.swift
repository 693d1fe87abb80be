import Foundation
import GRDB
import Testing
import ZoneModel
@testable import History

/// What the store does with files it did not write, or that a newer
/// zoneaudit wrote: refuse them by name and leave them alone.
@Suite struct DatabaseFileTests {
    @Test func aFutureSchemaIsRefusedNotMigratedDown() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        do {
            let store = try HistoryStore(path: fixture.databasePath)
            _ = try store.beginRun(at: HistoryFixture.time(1))
        }
        // A newer zoneaudit would have added a migration this one does not know.
        let queue = try DatabaseQueue(path: fixture.databasePath)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2-future-history')")
        }
        try queue.close()
        let error = try #require(throws: HistoryError.self) { try HistoryStore(path: fixture.databasePath) }
        #expect(error.path == fixture.databasePath)
        #expect(error.description.contains(fixture.databasePath))
        #expect(error.reason.contains("newer zoneaudit"))
        #expect(error.reason.contains("v2-future-history"))
        // The file was not touched: the future migration and the run are still there.
        let check = try DatabaseQueue(path: fixture.databasePath)
        #expect(try check.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            .contains("v2-future-history"))
        #expect(try check.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM run") } == 1)
        #expect(throws: HistoryError.self) { try VerificationCache(path: fixture.databasePath) }
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndKept() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let content = Data(String(repeating: "this is a zone file, not a database\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: fixture.databasePath))
        let error = try #require(throws: HistoryError.self) { try HistoryStore(path: fixture.databasePath) }
        #expect(error.description.contains(fixture.databasePath))
        #expect(error.reason.contains("not a usable SQLite database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.databasePath)) == content)
        #expect(!FileManager.default.fileExists(atPath: fixture.databasePath + "-wal"))
    }

    @Test func aDamagedDatabaseIsRefusedAndKept() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        do {
            let store = try HistoryStore(path: fixture.databasePath)
            let run = try store.beginRun(at: HistoryFixture.time(1))
            _ = try store.record(run: run, zone: HistoryFixture.zoneA, outcome: .audited,
                                 findings: [HistoryFixture.changed("www", in: HistoryFixture.zoneA, address: 9)],
                                 at: HistoryFixture.time(1))
        }
        // Fold the WAL into the file, then overwrite the page after the header.
        let queue = try DatabaseQueue(path: fixture.databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.databasePath))
        #expect(bytes.count > 200)
        for index in 16..<min(bytes.count, 200) { bytes[index] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: fixture.databasePath))
        let error = try #require(throws: HistoryError.self) { try HistoryStore(path: fixture.databasePath) }
        #expect(error.description.contains(fixture.databasePath))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.databasePath)) == bytes)
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let queue = try DatabaseQueue(path: fixture.databasePath)
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)") }
        try queue.close()
        let error = try #require(throws: HistoryError.self) { try HistoryStore(path: fixture.databasePath) }
        #expect(error.reason.contains("another program"))
        let check = try DatabaseQueue(path: fixture.databasePath)
        #expect(try check.read { db in try db.tableExists("run") } == false)
    }

    @Test func aMissingFolderIsAnErrorNamingThePath() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let path = fixture.path("no/such/folder/history.sqlite")
        let error = try #require(throws: HistoryError.self) { try HistoryStore(path: path) }
        #expect(error.description.contains(path))
    }

    @Test func theDatabaseIsInWALMode() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        #expect(try store.queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.integrityCheck() == "ok")
    }
}
