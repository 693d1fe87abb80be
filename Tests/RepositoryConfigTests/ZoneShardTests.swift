import Testing
import ZoneModel
@testable import RepositoryConfig

@Suite struct ZoneShardTests {
    @Test func parsesKOverN() {
        #expect(ZoneShard("0/4") == ZoneShard(index: 0, count: 4))
        #expect(ZoneShard("3/4")?.description == "3/4")
        for bad in ["4/4", "-1/4", "1/0", "1", "a/b", "1/2/3", ""] {
            #expect(ZoneShard(bad) == nil, "\(bad)")
        }
    }

    /// Every zone lands in exactly one shard, the shards are roughly even, and
    /// a zone's shard depends on its name only (case-insensitively).
    @Test func shardsPartitionTheZones() throws {
        let zones = try (0..<2000).map { try DomainName("zone\($0).example.") }
        let shards = (0..<4).map { ZoneShard(index: $0, count: 4)! }
        var sizes = [0, 0, 0, 0]
        for zone in zones {
            let owners = shards.indices.filter { shards[$0].contains(zone) }
            #expect(owners.count == 1)
            sizes[owners[0]] += 1
        }
        #expect(sizes.allSatisfy { $0 > 400 && $0 < 600 }, "\(sizes)")
        let upper = try DomainName("ZONE7.Example.")
        #expect(shards.map { $0.contains(upper) } == shards.map { $0.contains(zones[7]) })
        #expect(ZoneShard(index: 0, count: 1)!.contains(zones[0]))
    }
}
