import ZoneModel

/// A set of names that can tell which ancestors of a name are members without
/// building a `DomainName` per ancestor: members are also kept as a 64-bit hash
/// of their lower-cased wire form, and only a hash hit builds the name to
/// confirm. Target lookups walk every ancestor of every NS, MX and SRV target,
/// so this keeps a million-record zone free of per-label allocations.
struct NameSuffixSet {
    let names: Set<DomainName>
    private let hashes: Set<UInt64>

    init(_ names: Set<DomainName>) {
        self.names = names
        var hashes = Set<UInt64>()
        hashes.reserveCapacity(names.count)
        for name in names {
            _ = name.wire.withUnsafeBufferPointer { hashes.insert(NameSuffixSet.hash($0[...])) }
        }
        self.hashes = hashes
    }

    var isEmpty: Bool { names.isEmpty }

    /// True when the name whose wire form is `wire[offset...]` is a member.
    func contains(suffixOf wire: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard hashes.contains(NameSuffixSet.hash(wire[offset...])) else { return false }
        return names.contains(DomainName(uncheckedWire: Array(wire[offset...])))
    }

    /// FNV-1a over the lower-cased octets (length octets are below "A", so
    /// lowering them changes nothing).
    static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            value = (value ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
        }
        return value
    }
}
