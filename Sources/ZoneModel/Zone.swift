/// An authoritative zone: RRsets in canonical order, with the apex, the zone
/// cuts (delegation points) and the names below them identified.
///
/// Records live in a compact `RecordTable`; `rrsets` materializes `RRset`
/// values on access, so a pass over a large zone holds one RRset at a time.
public struct Zone: Sendable {
    public let origin: DomainName
    public let rrClass: RRClass
    /// Names below the apex that carry an NS RRset: the delegation points.
    public let cuts: NameSet
    /// Every owner is the origin or below it (a zone from `ZoneBuilder`
    /// always: it leaves the others out), so passes need not ask per name.
    public let ownersInside: Bool
    /// The records and the RRset and owner boundaries, behind one reference.
    let storage: ZoneStorage
    var table: RecordTable { _read { yield storage.table } }
    var rrsetStarts: [UInt32] { _read { yield storage.starts } }

    /// What a name is, relative to this zone's cuts.
    public enum NameKind: Sendable, Equatable {
        case apex
        /// A delegation point (the NS, DS and NSEC there belong to the cut).
        case delegation
        /// At or below a cut: glue when it is an address, occluded data otherwise.
        case belowCut(DomainName)
        /// Ordinary authoritative data.
        case authoritative
        case outside
    }

    /// Builds from a table whose entries are sorted and grouped, with the
    /// owner boundaries and the cuts already found (ZoneBuilder's output).
    init(origin: DomainName, rrClass: RRClass, table: RecordTable, rrsetStarts: [UInt32], ownerStarts: [UInt64],
         cuts: NameSet, ownersInside: Bool, ownerSlots: OwnerSlots? = nil) {
        self.origin = origin
        self.rrClass = rrClass
        self.storage = ZoneStorage(table: table, starts: rrsetStarts, ownerStarts: ownerStarts, ownerSlots: ownerSlots)
        self.cuts = cuts
        self.ownersInside = ownersInside
    }

    private init(sharingRecordsOf zone: Zone) {
        origin = zone.origin.separateCopy
        rrClass = zone.rrClass
        storage = ZoneStorage(table: zone.storage.table.separatingFileNames(), starts: zone.storage.starts,
                              ownerStarts: zone.storage.ownerStarts, ownerSlots: zone.storage.ownerSlots)
        cuts = zone.cuts
        ownersInside = zone.ownersInside
    }

    /// The same zone for another thread to read beside this one: it shares
    /// the record arrays (never copied) but not the objects whose reference
    /// counts a pass touches per name or record (the storage object, the
    /// origin's bytes, the file names each materialized record's location
    /// holds). Two threads reading one `Zone` value keep bouncing those
    /// counts between cores: on a million names, the two halves of the
    /// checks' name pass each took up to 1.7 times as long as alone.
    public func forAnotherThread() -> Zone { Zone(sharingRecordsOf: self) }

    /// Builds from RRsets that are already grouped and sorted.
    public init(origin: DomainName, rrClass: RRClass = .in, sortedRRsets: [RRset]) {
        var table = RecordTable()
        var starts: [UInt32] = []
        for rrset in sortedRRsets {
            starts.append(UInt32(table.count))
            for record in rrset.records { table.append(record) }
        }
        starts.append(UInt32(table.count))
        let cuts = NameSet(sortedRRsets.filter { $0.type == .ns && $0.owner != origin }.map(\.owner))
        self.init(origin: origin, rrClass: rrClass, table: table, rrsetStarts: starts,
                  ownerStarts: Zone.markOwnerStarts(table, starts), cuts: cuts,
                  ownersInside: sortedRRsets.allSatisfy { $0.owner.isSubdomain(of: origin) })
    }

    private static func markOwnerStarts(_ table: RecordTable, _ starts: [UInt32]) -> [UInt64] {
        let count = starts.count - 1
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        table.entries.withUnsafeBufferPointer { entries in
            for position in 0..<count {
                if position == 0 || !table.sameOwner(entries[Int(starts[position - 1])], entries[Int(starts[position])]) {
                    bits[position >> 6] |= 1 << UInt64(position & 63)
                }
            }
        }
        return bits
    }

    /// RRsets sorted by owner (RFC 4034 canonical order), then type number.
    public var rrsets: RRsetList { RRsetList(storage: storage) }

    /// The RRset with this owner and type, by binary search.
    public func rrset(_ owner: DomainName, _ type: RRType) -> RRset? {
        guard let position = position(of: owner, type) else { return nil }
        return rrsets[position]
    }

    /// The index in `rrsets` of the RRset with this owner and type.
    public func position(of owner: DomainName, _ type: RRType) -> Int? {
        var low = 0, high = rrsetStarts.count - 1
        while low < high {
            let middle = (low + high) / 2
            let order = compare(rrsetAt: middle, owner, type)
            if order == 0 { return middle }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Canonical order of the RRset at `position` against (owner, type).
    private func compare(rrsetAt position: Int, _ owner: DomainName, _ type: RRType) -> Int {
        let entry = table.entries[Int(rrsetStarts[position])]
        let names = table.arena.withUnsafeBufferPointer { arena in
            owner.wire.withUnsafeBufferPointer { name in
                DomainName.canonicalCompare(
                    UnsafeBufferPointer(rebasing: arena[Int(entry.ownerOffset)..<(Int(entry.ownerOffset) + Int(entry.ownerLength))]),
                    name)
            }
        }
        if names != 0 { return names }
        if entry.type != type.rawValue { return entry.type < type.rawValue ? -1 : 1 }
        return 0
    }

    public var soa: SOAData? { rrset(origin, .soa)?.records.first?.soa }

    public var apexNS: RRset? { rrset(origin, .ns) }

    /// All records in canonical order.
    public var records: some Sequence<Record> { rrsets.lazy.flatMap(\.records) }

    public var recordCount: Int { table.count }

    /// True when the zone carries DNSKEY at the apex and RRSIGs.
    public var isSigned: Bool {
        rrset(origin, .dnskey) != nil && table.entries.contains { $0.type == RRType.rrsig.rawValue }
    }

    /// Classifies a name against the apex and the cuts.
    public func kind(of name: DomainName) -> NameKind {
        guard name.isSubdomain(of: origin) else { return .outside }
        if name == origin { return .apex }
        if cuts.isEmpty { return .authoritative }
        // Walk up from the name to the apex; the highest cut wins (everything
        // below the highest cut is occluded, even other NS sets).
        var highestCut: DomainName?
        var current = name
        while current != origin {
            if cuts.contains(current) { highestCut = current }
            guard let parent = current.parent else { break }
            current = parent
        }
        guard let cut = highestCut else { return .authoritative }
        return cut == name ? .delegation : .belowCut(cut)
    }

    /// True when the RRset holds authoritative data (RFC 4035 section 2.2):
    /// not below a cut, and at a cut only DS and NSEC (and their RRSIGs).
    public func isAuthoritative(_ rrset: RRset) -> Bool {
        switch kind(of: rrset.owner) {
        case .apex, .authoritative: true
        case .delegation:
            rrset.type == .ds || rrset.type == .nsec
                || (rrset.type == .rrsig && rrset.records.allSatisfy { $0.coveredType == .ds || $0.coveredType == .nsec })
        case .belowCut, .outside: false
        }
    }

    /// The distinct owner names in canonical order.
    public var ownerNames: [DomainName] {
        var names: [DomainName] = []
        for position in 0..<(rrsetStarts.count - 1) {
            let start = Int(rrsetStarts[position])
            if position > 0 {
                let previous = table.entries[Int(rrsetStarts[position - 1])]
                let entry = table.entries[start]
                if table.sameOwner(previous, entry) { continue }
            }
            names.append(table.owner(at: start))
        }
        return names
    }
}

/// The RRsets of a zone in canonical order, materialized one at a time.
public struct RRsetList: RandomAccessCollection, Sendable {
    /// One reference: copies of the list (one per name in the checks' pass)
    /// cost one retain, not one per array of the table.
    let storage: ZoneStorage
    var table: RecordTable { _read { yield storage.table } }
    var starts: [UInt32] { _read { yield storage.starts } }
    var ownerStarts: [UInt64] { _read { yield storage.ownerStarts } }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(position: Int) -> RRset {
        precondition(position >= 0 && position < endIndex, "RRset index out of range")
        return rrset(at: position, owner: table.owner(at: Int(starts[position])))
    }

    /// The owner and type of the RRset at `position`, without materializing records.
    public func key(at position: Int) -> RRsetKey {
        let entry = table.entries[Int(starts[position])]
        return RRsetKey(owner: table.owner(at: Int(starts[position])), type: RRType(entry.type))
    }

    /// The owner of the RRset at `position`, without materializing records.
    public func owner(at position: Int) -> DomainName {
        table.owner(at: Int(starts[position]))
    }

    /// The type of the RRset at `position`, without materializing anything.
    public func type(at position: Int) -> RRType {
        RRType(table.entries[Int(starts[position])].type)
    }

    /// Number of records in the RRset at `position`.
    public func recordCount(at position: Int) -> Int {
        Int(starts[position + 1] - starts[position])
    }
}
