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

    let name: DomainName
    /// The zone's RRsets and the positions of this name's, in type order.
    let list: RRsetList
    let positions: Range<Int>
    let position: Position
    /// Bit n set when the name has type n (types 1 to 63), bit 0 for any
    /// other type.
    let typeMask: UInt64

    static func bit(_ type: RRType) -> UInt64 { type.rawValue < 64 ? 1 << UInt64(type.rawValue) : 1 }

    static func typeMask(of list: RRsetList, _ positions: Range<Int>) -> UInt64 {
        var mask: UInt64 = 0
        for position in positions { mask |= bit(list.type(at: position)) }
        return mask
    }

    /// The name's RRsets, every one materialized (for the rare findings about the whole name).
    var rrsets: [RRset] { positions.map { list[$0] } }

    /// The name's RRsets whose type passes `test`, in type order; only those are materialized.
    func rrsets(where test: (RRType) -> Bool) -> [RRset] {
        positions.filter { test(list.type(at: $0)) }.map { list[$0] }
    }

    /// True when every RRset type of the name passes `test`.
    func allTypes(_ test: (RRType) -> Bool) -> Bool {
        positions.allSatisfy { test(list.type(at: $0)) }
    }

    func has(_ type: RRType) -> Bool {
        guard typeMask & NameNode.bit(type) != 0 else { return false }
        return type.rawValue < 64 || positions.contains { list.type(at: $0) == type }
    }

    func rrset(_ type: RRType) -> RRset? {
        guard typeMask & NameNode.bit(type) != 0 else { return nil }
        return positions.first { list.type(at: $0) == type }.map { list[$0] }
    }

    /// Apex or ordinary data: the names whose records the zone really serves.
    var isAuthoritative: Bool { position == .apex || position == .authoritative }

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
