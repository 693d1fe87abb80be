import ZoneModel

/// `--shard K/N`: a stable share of the zones, so that N machines (a
/// Kubernetes Indexed Job, a CI matrix) each audit their own 1/N.
///
/// Membership depends on the zone's name only (FNV-1a over its lower-cased
/// wire form), never on the order or number of zones in the configuration,
/// so adding a zone does not move the others between shards.
public struct ZoneShard: Sendable, Equatable, CustomStringConvertible {
    /// 0-based, like a Kubernetes `JOB_COMPLETION_INDEX`.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= 1_000_000, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 <= K < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public func contains(_ zone: DomainName) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in zone.lowercased.wire {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
