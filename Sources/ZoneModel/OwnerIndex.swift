/// Finds the RRsets of an owner name by hash, not by binary search: checks
/// that follow every NS, MX and SRV target of a large zone ask this a few
/// times per record. Slots hold RRset positions into the zone's compact
/// table, so the index costs four octets a slot and no names.
public struct OwnerIndex: Sendable {
    let list: RRsetList
    /// Position + 1 of each owner's first RRset in the low `layout.positionBits`
    /// bits, a tag (more bits of the name's hash) above them; 0 marks an
    /// empty slot. A probe whose tag differs passes on without reading the
    /// owner's name, which takes three dependent loads (the slot table is
    /// at most three quarters full: probe runs are short, but a lookup
    /// often meets other names' slots before its own).
    private let slots: [UInt32]
    private let hasher: NameHasher
    private let layout: SlotLayout

    /// How a slot's 32 bits are shared: as many for the position as the
    /// list needs, the rest (a million-RRset zone: 11 bits) for the tag.
    private struct SlotLayout: Sendable {
        let positionBits: Int
        let homeBits: Int
        let tagMask: UInt32

        init(count: Int, capacity: Int) {
            positionBits = Int.bitWidth - count.leadingZeroBitCount
            homeBits = capacity.trailingZeroBitCount
            let tagBits = max(0, 32 - max(positionBits, homeBits))
            tagMask = tagBits == 0 ? 0 : UInt32.max >> UInt32(32 - tagBits)
        }

        /// The tag of a name whose hash is `hash`: bits the home slot does not use.
        @inline(__always) func tag(_ hash: Int) -> UInt32 {
            UInt32(truncatingIfNeeded: UInt64(bitPattern: Int64(hash)) >> 40) & tagMask
        }
    }

    /// With `jobs` above one, a large zone's names are hashed on that many
    /// threads (in parts cut at owner starts) before they are put in their
    /// slots in zone order: hashing a million names alone took 90 ms.
    public init(_ list: RRsetList, jobs: Int = 1) {
        self.list = list
        let owners = list.ownerCount
        // At most three quarters full: short probe runs, four octets a slot.
        var capacity = 16
        while capacity * 3 < owners * 4 { capacity <<= 1 }
        // A per-index random key keeps crafted names from piling into one chain.
        let hasher = NameHasher()
        self.hasher = hasher
        let layout = SlotLayout(count: list.count, capacity: capacity)
        self.layout = layout
        let mask = capacity - 1
        let bounds = ParallelChunks.cuts(count: list.count, jobs: jobs, partsPerThread: 4, minimum: 65_536,
                                         keepsWithPrevious: { !list.opensOwner(at: $0) })
        // Each owner's home slot, part by part, in zone order. The threads
        // read the table through pinned buffers (no shared counts).
        let table = list.table, starts = list.starts, ownerStarts = list.ownerStarts, end = list.count
        let homes = table.entries.withUnsafeBufferPointer { entries in
            table.arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    ownerStarts.withUnsafeBufferPointer { bits in
                        ParallelChunks.collect(count: bounds.count - 1, jobs: jobs) { part -> [UInt32] in
                            var homes: [UInt32] = []
                            var position = bounds[part]
                            // Owners fetched ahead (see `Prefetch`).
                            var ahead = position
                            func fetchAhead() {
                                guard ahead < bounds[part + 1] else { return }
                                Prefetch.fetch(RecordTable.owner(entries[Int(starts[ahead])], arena: arena).baseAddress)
                                ahead = RRsetList.ownerGroupEnd(from: ahead, bits: bits, end: end)
                            }
                            for _ in 0..<Prefetch.distance { fetchAhead() }
                            while position < bounds[part + 1] {
                                fetchAhead()
                                let owner = RecordTable.owner(entries[Int(starts[position])], arena: arena)
                                // Home slot and tag in one word: both fit in 32 bits.
                                let hash = Int(truncatingIfNeeded: hasher.hash(owner))
                                homes.append(layout.tag(hash) << UInt32(layout.homeBits) | UInt32(hash & mask))
                                position = RRsetList.ownerGroupEnd(from: position, bits: bits, end: end)
                            }
                            return homes
                        }
                    }
                }
            }
        }
        // The owners' positions are walked again (cheap, over the start
        // bits) rather than kept beside the homes: four octets an owner less.
        var slots = [UInt32](repeating: 0, count: capacity)
        slots.withUnsafeMutableBufferPointer { slots in
            ownerStarts.withUnsafeBufferPointer { bits in
                var position = 0
                for part in homes {
                    part.withUnsafeBufferPointer { part in
                        for (index, home) in part.enumerated() {
                            // Home slots are all over the table: fetched ahead (see `Prefetch`).
                            if index + Prefetch.distance < part.count {
                                Prefetch.fetch(slots.baseAddress! + Int(part[index + Prefetch.distance]) & mask)
                            }
                            var slot = Int(home) & mask
                            while slots[slot] != 0 { slot = (slot + 1) & mask }
                            slots[slot] = (home >> UInt32(layout.homeBits)) << UInt32(layout.positionBits) | UInt32(position + 1)
                            position = RRsetList.ownerGroupEnd(from: position, bits: bits, end: end)
                        }
                    }
                }
            }
        }
        self.slots = slots
    }

    /// This index over `list`, the same RRsets held through another
    /// reference (`Zone.forAnotherThread`); the slots are shared, not copied.
    public func over(_ list: RRsetList) -> OwnerIndex {
        OwnerIndex(list: list, slots: slots, hasher: hasher, layout: layout)
    }

    private init(list: RRsetList, slots: [UInt32], hasher: NameHasher, layout: SlotLayout) {
        self.list = list
        self.slots = slots
        self.hasher = hasher
        self.layout = layout
    }

    /// The positions of the RRsets owned by `name` (ignoring case), or nil.
    public func positions(of name: DomainName) -> Range<Int>? {
        name.wire.withUnsafeBufferPointer { wire -> Range<Int>? in
            let hash = Int(truncatingIfNeeded: hasher.hash(wire))
            let tag = layout.tag(hash), positionBits = UInt32(layout.positionBits)
            let positionMask: UInt32 = positionBits >= 32 ? .max : (1 << positionBits) - 1
            let mask = slots.count - 1
            var slot = hash & mask
            while slots[slot] != 0 {
                let value = slots[slot]
                if value >> positionBits == tag {
                    let position = Int(value & positionMask) - 1
                    let same = list.withOwnerWire(at: position) { DomainName.equalIgnoringCase($0, wire) }
                    if same { return position..<list.ownerGroupEnd(from: position) }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
