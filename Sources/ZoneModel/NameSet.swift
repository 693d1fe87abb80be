/// A set of domain names (compared ignoring case, RFC 4343) kept as their
/// wire octets back to back with a hash table of their positions: no object
/// per name. A large zone's delegation points are one: the checks ask it,
/// for every ancestor of every NS, MX and SRV target, whether that ancestor
/// is a cut, on the target's own octets, and a `Set<DomainName>` of 60,000
/// cuts took 20 ms to build and 5 ms to free, and another set of their
/// hashes 13 ms more.
public struct NameSet: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The names' wire octets, back to back, case as given.
    private let octets: [UInt8]
    /// Where each name starts in `octets`, plus the end.
    private let starts: [UInt32]
    /// Index + 1 of a name in each slot, 0 when empty (at most half full).
    private let slots: [UInt32]
    /// Random key per set: names come from untrusted zone files.
    private let hasher: NameHasher

    /// The set of the names whose wire forms `body` hands to `add`, each
    /// a valid name (`count` of them at most, a sizing hint); a name given
    /// twice (in any case) is kept once.
    public init(capacity count: Int, _ body: (_ add: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        let hasher = NameHasher()
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        var octets: [UInt8] = []
        var starts: [UInt32] = [0]
        var slots = [UInt32](repeating: 0, count: capacity)
        starts.reserveCapacity(count + 1)
        body { wire in
            precondition(octets.count + wire.count < Int(UInt32.max), "name set larger than 32-bit offsets allow")
            let (slot, known) = NameSet.probe(wire, slots: slots, octets: octets, starts: starts, hasher: hasher)
            if known { return }
            octets.append(contentsOf: wire)
            starts.append(UInt32(octets.count))
            slots[slot] = UInt32(starts.count - 1)
            // At most half full: past that, twice the slots, every name placed again.
            if (starts.count - 1) * 2 > slots.count {
                slots = NameSet.placed(count: starts.count - 1, capacity: slots.count * 2, hasher: hasher,
                                       octets: octets, starts: starts)
            }
        }
        self.octets = octets
        self.starts = starts
        self.slots = slots
        self.hasher = hasher
    }

    /// A set of `names`.
    public init(_ names: some Collection<DomainName>) {
        self.init(capacity: names.count) { add in
            for name in names { name.wire.withUnsafeBufferPointer(add) }
        }
    }

    /// The empty set.
    public init() { self.init([DomainName]()) }

    public init(arrayLiteral names: DomainName...) { self.init(names) }

    private static func placed(count: Int, capacity: Int, hasher: NameHasher, octets: [UInt8], starts: [UInt32]) -> [UInt32] {
        var slots = [UInt32](repeating: 0, count: capacity)
        let mask = capacity - 1
        octets.withUnsafeBufferPointer { octets in
            for index in 0..<count {
                let wire = UnsafeBufferPointer(rebasing: octets[Int(starts[index])..<Int(starts[index + 1])])
                var slot = Int(truncatingIfNeeded: hasher.hash(wire)) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = UInt32(index + 1)
            }
        }
        return slots
    }

    public var count: Int { starts.count - 1 }
    public var isEmpty: Bool { starts.count == 1 }

    /// True when the name whose wire form is `wire` is in the set.
    public func contains(wire: UnsafeBufferPointer<UInt8>) -> Bool {
        !isEmpty && NameSet.probe(wire, slots: slots, octets: octets, starts: starts, hasher: hasher).found
    }

    /// The slot of the name `wire` (ignoring case): where it is, or the
    /// empty slot that ends its probe run, where it would go.
    @inline(__always)
    private static func probe(_ wire: UnsafeBufferPointer<UInt8>, slots: [UInt32], octets: [UInt8], starts: [UInt32],
                              hasher: NameHasher) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hasher.hash(wire)) & mask
        return octets.withUnsafeBufferPointer { octets in
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                let name = UnsafeBufferPointer(rebasing: octets[Int(starts[index])..<Int(starts[index + 1])])
                if DomainName.equalIgnoringCase(name, wire) { return (slot, true) }
                slot = (slot + 1) & mask
            }
            return (slot, false)
        }
    }

    public func contains(_ name: DomainName) -> Bool {
        name.wire.withUnsafeBufferPointer { contains(wire: $0) }
    }

    /// The names, as they were first given.
    public var names: Set<DomainName> {
        Set((0..<count).map { DomainName(uncheckedWire: Array(octets[Int(starts[$0])..<Int(starts[$0 + 1])])) })
    }

    /// Two sets are equal when they hold the same names (ignoring case).
    public static func == (lhs: NameSet, rhs: NameSet) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.octets.withUnsafeBufferPointer { octets in
            (0..<lhs.count).allSatisfy { index in
                rhs.contains(wire: UnsafeBufferPointer(rebasing: octets[Int(lhs.starts[index])..<Int(lhs.starts[index + 1])]))
            }
        }
    }
}
