import ZoneModel

/// The zone's RRsets grouped by owner name, each owner classified against the
/// apex and the cuts, in one linear pass.
///
/// Canonical order (RFC 4034 section 6.1) puts every name directly after its
/// closest ancestor's subtree begins, so the names below a cut follow the cut
/// immediately; tracking the current cut while scanning classifies every owner
/// without walking up the tree.
struct ZoneLayout: Sendable {
    enum Kind: Sendable, Equatable {
        case apex
        case authoritative
        /// A delegation point: its NS (and any glue) is not signed; DS and NSEC are.
        case delegation
        /// Below a cut: glue or occluded data.
        case belowCut
        /// Not under the apex (a Zone made without ZoneBuilder may hold these).
        case outside
    }

    struct Owner: Sendable {
        /// Indices of the owner's RRsets in `zone.rrsets`.
        let range: Range<Int>
        let kind: Kind
    }

    let zone: Zone
    let owners: [Owner]
    /// The zone's RRsets, materialized once: the zone stores records compactly
    /// and builds RRset values on access, and validation visits each many times.
    let all: [RRset]

    /// `jobs` threads materialize the RRsets (most of the work of a layout).
    init(zone: Zone, jobs: Int = 1) {
        self.zone = zone
        let rrsets = ZoneLayout.materialize(zone.rrsets, jobs: jobs)
        self.all = rrsets
        var owners: [Owner] = []
        owners.reserveCapacity(rrsets.count / 2 + 1)
        var currentCut: DomainName?
        var start = 0
        while start < rrsets.count {
            let owner = rrsets[start].owner
            var end = start + 1
            while end < rrsets.count && rrsets[end].owner == owner { end += 1 }
            let kind: Kind
            if !owner.isSubdomain(of: zone.origin) {
                kind = .outside
            } else if owner == zone.origin {
                kind = .apex
            } else if let cut = currentCut, owner.isStrictSubdomain(of: cut) {
                kind = .belowCut
            } else if rrsets[start..<end].contains(where: { $0.type == .ns }) {
                kind = .delegation
                currentCut = owner
            } else {
                kind = .authoritative
            }
            owners.append(Owner(range: start..<end, kind: kind))
            start = end
        }
        self.owners = owners
    }

    /// Every RRset of `list`, in order, made on `jobs` threads into disjoint
    /// parts of one array.
    private static func materialize(_ list: RRsetList, jobs: Int) -> [RRset] {
        let count = list.count
        let pieces = ParallelChunks.pieces(count: count, size: 4096)
        guard jobs > 1, pieces.count > 1 else { return Array(list) }
        return [RRset](unsafeUninitializedCapacity: count) { buffer, initialized in
            ParallelChunks.forEach(count: pieces.count, jobs: jobs) { piece in
                for index in pieces[piece] {
                    (buffer.baseAddress! + index).initialize(to: list[index])
                }
            }
            initialized = count
        }
    }

    func name(_ owner: Owner) -> DomainName { all[owner.range.lowerBound].owner }

    func rrsets(_ owner: Owner) -> ArraySlice<RRset> { all[owner.range] }

    /// True for names that hold data of this zone: the apex, authoritative
    /// names and delegation points (not glue, not occluded data).
    static func isZoneName(_ kind: Kind) -> Bool {
        kind == .apex || kind == .authoritative || kind == .delegation
    }

    /// The types at an owner that the denial records must list, leaving out
    /// what belongs to an NSEC3 chain sharing the owner name (NSEC3 and the
    /// RRSIGs over it, RFC 5155 Appendix A shows such a collision). RRSIG is
    /// listed when a signature covers any other type there. At a delegation
    /// only NS, DS and the DNSSEC records belong to this zone.
    func dataTypes(_ owner: Owner) -> TypeSet {
        var types = TypeSet()
        for rrset in rrsets(owner) {
            switch rrset.type {
            case .nsec3:
                continue
            case .rrsig:
                if rrset.records.contains(where: { $0.coveredType != .nsec3 }) { types.insert(.rrsig) }
            default:
                if owner.kind == .delegation && rrset.type != .ns && rrset.type != .ds && rrset.type != .nsec {
                    continue
                }
                types.insert(rrset.type)
            }
        }
        return types
    }

    /// True when the owner carries an RRset of `type`.
    func has(_ owner: Owner, _ type: RRType) -> Bool {
        rrsets(owner).contains { $0.type == type }
    }

    func rrset(_ owner: Owner, _ type: RRType) -> RRset? {
        rrsets(owner).first { $0.type == type }
    }
}
