/// Finds the RRsets of an owner name by hash, not by binary search: checks
/// that follow every NS, MX and SRV target of a large zone ask this a few
/// times per record. Slots hold RRset positions into the zone's compact
/// table, so the index costs four octets a slot and no names.
public struct OwnerIndex: Sendable {
    let list: RRsetList
    /// Position + 1 of each owner's first RRset; 0 marks an empty slot.
    private let slots: [UInt32]
    private let seed: Hasher

    public init(_ list: RRsetList) {
        self.list = list
        let owners = list.ownerCount
        var position = 0
        // At most three quarters full: short probe runs, four octets a slot.
        var capacity = 16
        while capacity * 3 < owners * 4 { capacity <<= 1 }
        // A per-index random seed keeps crafted names from piling into one chain.
        var seed = Hasher()
        seed.combine(capacity)
        self.seed = seed
        var slots = [UInt32](repeating: 0, count: capacity)
        position = 0
        while position < list.count {
            var slot = list.withOwnerWire(at: position) { OwnerIndex.hash($0, seed) } & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = UInt32(position + 1)
            position = list.ownerGroupEnd(from: position)
        }
        self.slots = slots
    }

    /// This index over `list`, the same RRsets held through another
    /// reference (`Zone.forAnotherThread`); the slots are shared, not copied.
    public func over(_ list: RRsetList) -> OwnerIndex {
        OwnerIndex(list: list, slots: slots, seed: seed)
    }

    private init(list: RRsetList, slots: [UInt32], seed: Hasher) {
        self.list = list
        self.slots = slots
        self.seed = seed
    }

    /// The positions of the RRsets owned by `name` (ignoring case), or nil.
    public func positions(of name: DomainName) -> Range<Int>? {
        name.wire.withUnsafeBufferPointer { wire -> Range<Int>? in
            var slot = OwnerIndex.hash(wire, seed) & (slots.count - 1)
            while slots[slot] != 0 {
                let position = Int(slots[slot] - 1)
                let same = list.withOwnerWire(at: position) { DomainName.equalIgnoringCase($0, wire) }
                if same { return position..<list.ownerGroupEnd(from: position) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    private static func hash(_ wire: UnsafeBufferPointer<UInt8>, _ seed: Hasher) -> Int {
        var hasher = seed
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: wire.count) { lowered in
            for index in 0..<wire.count { lowered[index] = asciiLower(wire[index]) }
            hasher.combine(bytes: UnsafeRawBufferPointer(lowered))
        }
        return hasher.finalize()
    }
}
