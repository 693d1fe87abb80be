import GRDB

/// The tables of the history database and how each version of zoneaudit
/// brings an older file up to date. Migrations are only ever appended: a
/// released identifier never changes meaning.
enum HistorySchema {
    /// `PRAGMA application_id` of a zoneaudit history database ("zAHD"), so
    /// that another program's SQLite file is refused rather than written into.
    static let applicationID: Int32 = 0x7A41_4844

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-history") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            // One row per cron run; `finished` stays NULL for a run that was killed.
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started REAL NOT NULL,
                    finished REAL
                )
                """)
            // What happened to each zone in each run (audited, unreachable, failed).
            try db.execute(sql: """
                CREATE TABLE zone_outcome (
                    run INTEGER NOT NULL REFERENCES run(id),
                    zone BLOB NOT NULL,
                    outcome TEXT NOT NULL,
                    reason TEXT,
                    at REAL NOT NULL,
                    PRIMARY KEY (run, zone)
                )
                """)
            try db.execute(sql: "CREATE INDEX zone_outcome_by_zone ON zone_outcome (zone, run)")
            // Every finding ever seen per zone, keyed by fingerprint. `open` is
            // 1 while it was present in the zone's latest audited run. The
            // finding itself is kept whole so that a resolved finding can be
            // reported (and fingerprinted) as it was last seen.
            try db.execute(sql: """
                CREATE TABLE finding (
                    zone BLOB NOT NULL,
                    fingerprint TEXT NOT NULL,
                    open INTEGER NOT NULL,
                    first_seen REAL NOT NULL,
                    last_seen REAL NOT NULL,
                    first_run INTEGER NOT NULL,
                    last_run INTEGER NOT NULL,
                    resolved_at REAL,
                    rule TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    message TEXT NOT NULL,
                    finding_zone BLOB,
                    owner BLOB,
                    type INTEGER,
                    before BLOB NOT NULL,
                    after BLOB NOT NULL,
                    file TEXT,
                    line INTEGER,
                    col INTEGER,
                    authorized INTEGER,
                    policy TEXT,
                    techniques TEXT NOT NULL,
                    PRIMARY KEY (zone, fingerprint)
                ) WITHOUT ROWID
                """)
            try db.execute(sql: "CREATE INDEX finding_open ON finding (zone, open)")
        }
        migrator.registerMigration("v1-signature-cache") { db in
            // Signatures known to verify, per zone, with the zone's use
            // counter at their last use; old ones are pruned.
            try db.execute(sql: """
                CREATE TABLE verified_signature (
                    zone BLOB NOT NULL,
                    digest BLOB NOT NULL,
                    last_use INTEGER NOT NULL,
                    PRIMARY KEY (zone, digest)
                ) WITHOUT ROWID
                """)
            try db.execute(sql: "CREATE TABLE signature_cache_use (zone BLOB PRIMARY KEY, uses INTEGER NOT NULL)")
        }
        return migrator
    }
}
