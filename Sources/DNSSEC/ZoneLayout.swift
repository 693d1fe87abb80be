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
    /// The zone's RRsets, read from its compact table: the checks read
    /// records in place (`RRsetList.withOctets`) and make records only for
    /// findings. Materializing a whole signed zone cost more than its
    /// classification, doubled the peak memory, and freeing it afterwards took
    /// a serial quarter of a second on 100k names.
    let list: RRsetList
    let owners: [Owner]

    init(zone: Zone) {
        self.zone = zone
        let list = zone.rrsets
        self.list = list
        let origin = zone.origin
        var owners: [Owner] = []
        var currentCut: DomainName?
        var start = 0
        while start < list.count {
            let end = list.ownerGroupEnd(from: start)
            let kind: Kind
            if !zone.ownersInside && !list.owner(at: start, isSubdomainOf: origin) {
                kind = .outside
            } else if list.owner(at: start, equals: origin) {
                kind = .apex
            } else if let cut = currentCut, list.owner(at: start, isSubdomainOf: cut), !list.owner(at: start, equals: cut) {
                kind = .belowCut
            } else if (start..<end).contains(where: { list.type(at: $0) == .ns }) {
                kind = .delegation
                currentCut = list.owner(at: start)
            } else {
                kind = .authoritative
            }
            owners.append(Owner(range: start..<end, kind: kind))
            start = end
        }
        self.owners = owners
    }

    private init(zone: Zone, owners: [Owner]) {
        self.zone = zone
        self.list = zone.rrsets
        self.owners = owners
    }

    /// The same layout for another thread to read beside this one (see
    /// `Zone.forAnotherThread`); the owner list is shared.
    func forAnotherThread() -> ZoneLayout { ZoneLayout(zone: zone.forAnotherThread(), owners: owners) }

    func name(_ owner: Owner) -> DomainName { list.owner(at: owner.range.lowerBound) }

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
        for position in owner.range {
            let type = list.type(at: position)
            switch type {
            case .nsec3:
                continue
            case .rrsig:
                let count = list.recordCount(at: position)
                if (0..<count).contains(where: { list.coveredType(at: position, $0) != .nsec3 }) { types.insert(.rrsig) }
            default:
                if owner.kind == .delegation && type != .ns && type != .ds && type != .nsec {
                    continue
                }
                types.insert(type)
            }
        }
        return types
    }

    /// True when the owner carries an RRset of `type`.
    func has(_ owner: Owner, _ type: RRType) -> Bool {
        owner.range.contains { list.type(at: $0) == type }
    }

    /// True when some RRset of the zone has `type`.
    func contains(_ type: RRType) -> Bool {
        list.indices.contains { list.type(at: $0) == type }
    }
}
