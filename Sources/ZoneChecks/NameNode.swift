import ZoneModel

/// One owner name of the zone with its RRsets, as the checks see it (Knot's
/// checks run per node in the same way).
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
    let rrsets: ArraySlice<RRset>
    let position: Position
    /// Bit n set when the name has type n (types 1 to 63), bit 0 for any
    /// other type: most checks look for one type and leave at once.
    let typeMask: UInt64

    static func bit(_ type: RRType) -> UInt64 { type.rawValue < 64 ? 1 << UInt64(type.rawValue) : 1 }

    static func typeMask(of rrsets: ArraySlice<RRset>) -> UInt64 {
        var mask: UInt64 = 0
        for rrset in rrsets { mask |= bit(rrset.type) }
        return mask
    }

    func has(_ type: RRType) -> Bool {
        guard typeMask & NameNode.bit(type) != 0 else { return false }
        return type.rawValue < 64 || rrsets.contains { $0.type == type }
    }

    func rrset(_ type: RRType) -> RRset? {
        guard typeMask & NameNode.bit(type) != 0 else { return nil }
        return rrsets.first { $0.type == type }
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
