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

    func rrset(_ type: RRType) -> RRset? { rrsets.first { $0.type == type } }

    func has(_ type: RRType) -> Bool { rrsets.contains { $0.type == type } }

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
