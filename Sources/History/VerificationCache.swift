import DNSSEC
import Foundation
import GRDB
import ZoneModel

/// DNSSEC signatures known to verify, per zone, so that an unchanged signed
/// zone re-audits without redoing the cryptography (see `SignatureDigest`:
/// a changed RRset, signature or key misses the cache).
///
/// Each `save` is one use of the zone's cache and counts up the zone's use
/// counter; a digest not used in the last `keptUses` uses is pruned, so the
/// table stays the size of the zone however often it is re-signed. The
/// tables live in the history database schema: the cache can share the
/// cron run's history file or have a file of its own.
public final class VerificationCache: Sendable {
    /// Uses of a zone's cache after which an unused digest is dropped.
    public static let keptUses: Int64 = 3

    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating) a cache file, or a history file holding the cache.
    public init(path: String) throws(HistoryError) {
        self.path = path
        self.queue = try HistoryDatabase.open(path: path)
    }

    /// The cache inside a history store's database.
    public init(store: HistoryStore) {
        self.path = store.path
        self.queue = store.queue
    }

    /// The digests to hand to `DNSSECOptions.verifiedSignatures`.
    public func load(zone: DomainName) throws(HistoryError) -> Set<SignatureDigest> {
        let zoneKey = Data(zone.lowercased.wire)
        return try HistoryDatabase.perform(path) {
            try queue.read { db in
                var digests = Set<SignatureDigest>()
                let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM verified_signature WHERE zone = ?",
                                             arguments: [zoneKey]) ?? 0
                digests.reserveCapacity(count)
                let rows = try Data.fetchCursor(db, sql: "SELECT digest FROM verified_signature WHERE zone = ?",
                                                arguments: [zoneKey])
                while let data = try rows.next() {
                    // A damaged entry only costs a verification; it is skipped.
                    if let digest = SignatureDigest(bytes: data) { digests.insert(digest) }
                }
                return digests
            }
        }
    }

    /// Records one validation of the zone: the signatures it verified and the
    /// ones it took from the cache. One transaction; prunes what has not been
    /// used in the last `keptUses` saves.
    public func save(zone: DomainName, report: DNSSECReport) throws(HistoryError) {
        try save(zone: zone, used: report.newlyVerified + report.reusedVerified)
    }

    /// Records one use of the zone's cache with the digests it relied on.
    public func save(zone: DomainName, used: [SignatureDigest]) throws(HistoryError) {
        let zoneKey = Data(zone.lowercased.wire)
        try HistoryDatabase.perform(path) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO signature_cache_use (zone, uses) VALUES (?, 1)
                    ON CONFLICT (zone) DO UPDATE SET uses = uses + 1
                    """, arguments: [zoneKey])
                let use = try Int64.fetchOne(db, sql: "SELECT uses FROM signature_cache_use WHERE zone = ?",
                                             arguments: [zoneKey]) ?? 1
                let upsert = try db.makeStatement(sql: """
                    INSERT INTO verified_signature (zone, digest, last_use) VALUES (?, ?, ?)
                    ON CONFLICT (zone, digest) DO UPDATE SET last_use = excluded.last_use
                    """)
                for digest in used {
                    try upsert.execute(arguments: [zoneKey, Data(digest.bytes), use])
                }
                try db.execute(sql: "DELETE FROM verified_signature WHERE zone = ? AND last_use <= ?",
                               arguments: [zoneKey, use - VerificationCache.keptUses])
            }
        }
    }

    /// How many digests the zone's cache holds.
    public func count(zone: DomainName) throws(HistoryError) -> Int {
        try HistoryDatabase.perform(path) {
            try queue.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM verified_signature WHERE zone = ?",
                                 arguments: [Data(zone.lowercased.wire)]) ?? 0
            }
        }
    }
}
