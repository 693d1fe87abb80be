import DNSSEC
import Foundation
import Testing
import ZoneModel
@testable import History

/// The verification cache's storage: per zone, pruned by use.
@Suite struct VerificationCacheTests {
    static func digest(_ seed: UInt8) -> SignatureDigest {
        SignatureDigest(bytes: (0..<32).map { seed &+ UInt8($0) })!
    }

    @Test func savedDigestsLoadBackPerZone() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let cache = try VerificationCache(path: fixture.path("cache.sqlite"))
        #expect(try cache.load(zone: HistoryFixture.zoneA).isEmpty)
        let digests = (0..<50).map { VerificationCacheTests.digest(UInt8($0)) }
        try cache.save(zone: HistoryFixture.zoneA, used: digests)
        try cache.save(zone: HistoryFixture.zoneB, used: [VerificationCacheTests.digest(200)])
        let reopened = try VerificationCache(path: fixture.path("cache.sqlite"))
        // Zone names are compared without case, as DNS does.
        #expect(try reopened.load(zone: try DomainName("EXAMPLE.com.")) == Set(digests))
        #expect(try reopened.load(zone: HistoryFixture.zoneB) == [VerificationCacheTests.digest(200)])
        #expect(digests.allSatisfy { SignatureDigest(bytes: $0.bytes) == $0 })
    }

    @Test func digestsUnusedForThreeUsesArePruned() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let cache = try VerificationCache(path: fixture.path("cache.sqlite"))
        let old = VerificationCacheTests.digest(1)
        let kept = VerificationCacheTests.digest(2)
        try cache.save(zone: HistoryFixture.zoneA, used: [old, kept])
        try cache.save(zone: HistoryFixture.zoneA, used: [kept])
        try cache.save(zone: HistoryFixture.zoneA, used: [kept])
        // Used in one of the last three uses: still there.
        #expect(try cache.load(zone: HistoryFixture.zoneA) == [old, kept])
        try cache.save(zone: HistoryFixture.zoneA, used: [kept])
        #expect(try cache.load(zone: HistoryFixture.zoneA) == [kept])
        #expect(try cache.count(zone: HistoryFixture.zoneA) == 1)
        // Another zone's uses do not age this zone's digests.
        try cache.save(zone: HistoryFixture.zoneB, used: [])
        try cache.save(zone: HistoryFixture.zoneB, used: [])
        try cache.save(zone: HistoryFixture.zoneB, used: [])
        #expect(try cache.load(zone: HistoryFixture.zoneA) == [kept])
    }

    @Test func theCacheSharesTheHistoryFile() throws {
        let fixture = try HistoryFixture()
        defer { fixture.remove() }
        let store = try HistoryStore(path: fixture.databasePath)
        let run = try store.beginRun(at: HistoryFixture.time(1))
        let cache = VerificationCache(store: store)
        try cache.save(zone: HistoryFixture.zoneA, used: [VerificationCacheTests.digest(7)])
        _ = try store.record(run: run, zone: HistoryFixture.zoneA, outcome: .audited, findings: [], at: HistoryFixture.time(1))
        #expect(try VerificationCache(path: fixture.databasePath).load(zone: HistoryFixture.zoneA) == [VerificationCacheTests.digest(7)])
        #expect(try HistoryStore(path: fixture.databasePath).lastOutcome(zone: HistoryFixture.zoneA)?.run == run)
    }

    @Test func aDigestHasExactly32Octets() {
        #expect(SignatureDigest(bytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(SignatureDigest(bytes: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(VerificationCacheTests.digest(0).description == (0..<32).map { String(format: "%02x", $0) }.joined())
    }
}
