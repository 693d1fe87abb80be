/// Finds the RRsets of an owner name by hash, not by binary search: checks
/// that follow every NS, MX and SRV target of a large zone ask this a few
/// times per record. The slots (see `OwnerSlots`) hold RRset positions into
/// the zone's compact table, so the index costs four octets a slot and no
/// names.
public struct OwnerIndex: Sendable {
    let list: RRsetList
    private let slots: OwnerSlots

    /// The index of `list`'s owners: the one its zone's builder made beside
    /// the records (`ZoneBuilder.build(indexingOwners:)`), or else one made
    /// now, its names hashed on `jobs` threads.
    public init(_ list: RRsetList, jobs: Int = 1) {
        self.list = list
        self.slots = list.storage.ownerSlots ?? OwnerSlots(list, jobs: jobs)
    }

    /// This index over `list`, the same RRsets held through another
    /// reference (`Zone.forAnotherThread`); the slots are shared, not copied.
    public func over(_ list: RRsetList) -> OwnerIndex {
        OwnerIndex(list: list, slots: slots)
    }

    private init(list: RRsetList, slots: OwnerSlots) {
        self.list = list
        self.slots = slots
    }

    /// The positions of the RRsets owned by `name` (ignoring case), or nil.
    public func positions(of name: DomainName) -> Range<Int>? {
        name.wire.withUnsafeBufferPointer { wire -> Range<Int>? in
            slots.firstPosition(of: wire, in: list).map { $0..<list.ownerGroupEnd(from: $0) }
        }
    }
}
