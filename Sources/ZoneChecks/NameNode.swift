import ZoneModel

/// One owner name of the zone with its RRsets, as the checks see it (Knot's
/// checks run per node in the same way). The RRsets stay in the zone's
/// compact table: a check materializes only the ones it reads, and most
/// checks look for one type and leave at once on the type mask.
struct NameNode {
    /// Where the name stands, decided top-down during the pass.
    enum Position: Equatable {
        case apex
        /// Ordinary authoritative data.
        case authoritative
        /// A delegation point: NS below the apex (DS and NSEC there are the parent's).
        case delegation
        /// Strictly below the named (highest) delegation point.
        case belowCut(DomainName)
        /// Strictly below the named authoritative DNAME owner (this wins over a cut).
        case belowDNAME(DomainName)
    }

    /// The name, made on access: the pass itself reads owners in the table,
    /// and most names end in no finding.
    var name: DomainName { list.owner(at: positions.lowerBound) }
    /// The zone's RRsets and the positions of this name's, in type order.
    let list: RRsetList
    let positions: Range<Int>
    let position: Position
    /// Bit n set when the name has type n (types 1 to 63), bit 0 for any
    /// other type.
    let typeMask: UInt64

    static func bit(_ type: RRType) -> UInt64 { type.rawValue < 64 ? 1 << UInt64(type.rawValue) : 1 }

    /// The bits of `types`, all below 64 (the checks' fixed sets of types).
    static func mask(_ types: Set<RRType>) -> UInt64 {
        types.reduce(0) { mask, type in
            precondition(type.rawValue > 0 && type.rawValue < 64, "a type mask holds types 1 to 63")
            return mask | bit(type)
        }
    }

    static func typeMask(of list: RRsetList, _ positions: Range<Int>) -> UInt64 {
        var mask: UInt64 = 0
        for position in positions { mask |= bit(list.type(at: position)) }
        return mask
    }

    /// The name's RRsets, every one materialized (for the rare findings about the whole name).
    var rrsets: [RRset] { positions.map { list[$0] } }

    /// The name's RRsets whose type passes `test`, in type order; only those
    /// are materialized (and no array is made when none passes).
    func rrsets(where test: (RRType) -> Bool) -> [RRset] {
        var found: [RRset] = []
        for position in positions where test(list.type(at: position)) { found.append(list[position]) }
        return found
    }

    /// True when every RRset type of the name passes `test`.
    func allTypes(_ test: (RRType) -> Bool) -> Bool {
        for position in positions where !test(list.type(at: position)) { return false }
        return true
    }

    /// True when the name has a type outside `mask` (a `bit(_:)` union of
    /// types below 64): the checks' quick answer before they look at RRsets.
    func hasTypes(outside mask: UInt64) -> Bool { typeMask & ~mask != 0 }

    func has(_ type: RRType) -> Bool { rrsetPosition(type) != nil }

    /// The position in `list` of the name's RRset of this type.
    func rrsetPosition(_ type: RRType) -> Int? {
        guard typeMask & NameNode.bit(type) != 0 else { return nil }
        for position in positions where list.type(at: position) == type { return position }
        return nil
    }

    func rrset(_ type: RRType) -> RRset? { rrsetPosition(type).map { list[$0] } }

    /// Apex or ordinary data: the names whose records the zone really serves.
    var isAuthoritative: Bool {
        switch position {
        case .apex, .authoritative: true
        case .delegation, .belowCut, .belowDNAME: false
        }
    }

    /// The record read first (smallest location), for findings about the whole name.
    var firstRecord: Record? {
        var best: Record?
        for rrset in rrsets {
            for record in rrset.records {
                guard let current = best else { best = record; continue }
                if let location = record.location, current.location.map({ location < $0 }) ?? true {
                    best = record
                }
            }
        }
        return best
    }
}

extension RRset {
    /// The record read last (largest location): where a second, conflicting
    /// record shows up.
    var lastRecord: Record? {
        records.max { left, right in
            switch (left.location, right.location) {
            case let (l?, r?): l < r
            case (nil, _?): true
            default: false
            }
        }
    }
}
