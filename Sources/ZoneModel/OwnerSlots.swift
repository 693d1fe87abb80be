/// The hash table behind `OwnerIndex`: one slot per owner name, holding the
/// position of the owner's first RRset in a zone's RRset list, found by the
/// name's hash. Slots hold positions, not names, so the table costs four
/// octets a slot; a lookup confirms a hit against the list's owner.
///
/// Made either from a finished list (its owners hashed on threads) or from
/// the owners' hashes a `ZoneBuilder` took while it grouped the records, so
/// that a zone can be indexed while its table is still being put in order.
struct OwnerSlots: Sendable {
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
    /// A name's hash is cut to 32 bits: its low `homeBits` pick the home
    /// slot, the bits above them give the tag.
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

        @inline(__always) func tag(_ hash: UInt32) -> UInt32 {
            homeBits >= 32 ? 0 : (hash >> UInt32(homeBits)) & tagMask
        }
    }

    /// A name's hash as the slots use it.
    @inline(__always)
    static func hash(_ owner: UnsafeBufferPointer<UInt8>, _ hasher: NameHasher) -> UInt32 {
        UInt32(truncatingIfNeeded: hasher.hash(owner))
    }

    /// Slots for the owners of a list of `rrsetCount` RRsets whose owner
    /// starts are `ownerStarts` (as `ZoneStorage` holds them): `hashes`, in
    /// parts, are the owners' hashes (`hash(_:_:)` with `hasher`) in list
    /// order. Owners go to their slots in list order, so equal inputs give
    /// equal slots.
    init(hashes: [[UInt32]], ownerStarts: [UInt64], rrsetCount: Int, hasher: NameHasher) {
        let owners = hashes.reduce(0) { $0 + $1.count }
        // At most three quarters full: short probe runs, four octets a slot.
        var capacity = 16
        while capacity * 3 < owners * 4 { capacity <<= 1 }
        let layout = SlotLayout(count: rrsetCount, capacity: capacity)
        let mask = capacity - 1
        // The owners' positions are walked again over the start bits (cheap)
        // rather than kept beside the hashes: four octets an owner less.
        var slots = [UInt32](repeating: 0, count: capacity)
        slots.withUnsafeMutableBufferPointer { slots in
            ownerStarts.withUnsafeBufferPointer { bits in
                var position = 0
                for part in hashes {
                    part.withUnsafeBufferPointer { part in
                        for (index, hash) in part.enumerated() {
                            // Home slots are all over the table: fetched ahead (see `Prefetch`).
                            if index + Prefetch.distance < part.count {
                                Prefetch.fetch(slots.baseAddress! + Int(part[index + Prefetch.distance]) & mask)
                            }
                            var slot = Int(hash) & mask
                            while slots[slot] != 0 { slot = (slot + 1) & mask }
                            slots[slot] = layout.tag(hash) << UInt32(layout.positionBits) | UInt32(position + 1)
                            position = RRsetList.ownerGroupEnd(from: position, bits: bits, end: rrsetCount)
                        }
                    }
                }
                precondition(position == rrsetCount, "owner hashes and owner starts differ in count")
            }
        }
        self.slots = slots
        self.hasher = hasher
        self.layout = layout
    }

    /// Slots for the owners of `list`, hashed with a fresh random key (crafted
    /// names then cannot pile into one probe run). With `jobs` above one, a
    /// large list's names are hashed on that many threads, in parts cut at
    /// owner starts: hashing a million names alone took 90 ms.
    init(_ list: RRsetList, jobs: Int) {
        let hasher = NameHasher()
        let bounds = ParallelChunks.cuts(count: list.count, jobs: jobs, partsPerThread: 4, minimum: 65_536,
                                         keepsWithPrevious: { !list.opensOwner(at: $0) })
        // The threads read the table through pinned buffers (no shared counts).
        let table = list.table, starts = list.starts, ownerStarts = list.ownerStarts, end = list.count
        let hashes = table.entries.withUnsafeBufferPointer { entries in
            table.arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    ownerStarts.withUnsafeBufferPointer { bits in
                        ParallelChunks.collect(count: bounds.count - 1, jobs: jobs) { part -> [UInt32] in
                            var hashes: [UInt32] = []
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
                                hashes.append(OwnerSlots.hash(RecordTable.owner(entries[Int(starts[position])], arena: arena), hasher))
                                position = RRsetList.ownerGroupEnd(from: position, bits: bits, end: end)
                            }
                            return hashes
                        }
                    }
                }
            }
        }
        self.init(hashes: hashes, ownerStarts: ownerStarts, rrsetCount: end, hasher: hasher)
    }

    /// The position of the first RRset owned by `wire` (ignoring case) in
    /// `list`, the list the slots were made for, or nil.
    func firstPosition(of wire: UnsafeBufferPointer<UInt8>, in list: RRsetList) -> Int? {
        let hash = OwnerSlots.hash(wire, hasher)
        let tag = layout.tag(hash), positionBits = UInt32(layout.positionBits)
        let positionMask: UInt32 = positionBits >= 32 ? .max : (1 << positionBits) - 1
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let value = slots[slot]
            if value >> positionBits == tag {
                let position = Int(value & positionMask) - 1
                if list.withOwnerWire(at: position, { DomainName.equalIgnoringCase($0, wire) }) { return position }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
