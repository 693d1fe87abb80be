import ZoneModel

/// What the name pass carries from name to name: the highest delegation point
/// and the authoritative DNAME owner above the current name.
struct WalkState: Sendable {
    var cut: DomainName?
    var dname: DomainName?

    /// The state the pass has on reaching the owner of the RRset at
    /// `position`, worked out from that name's ancestors, top-down, as the
    /// pass would have set it on the way: a cut at the first ancestor with NS
    /// (below the apex), a DNAME at the first apex or ordinary ancestor with
    /// one; either ends the search, as nothing below them changes the state.
    static func at(_ position: Int, in zone: Zone, owners: OwnerIndex) -> WalkState {
        let rrsets = zone.rrsets
        var state = WalkState()
        var ancestors: [DomainName] = []
        var current = rrsets.owner(at: position).parent
        while let name = current, name.isSubdomain(of: zone.origin) {
            ancestors.append(name)
            current = name.parent
        }
        for name in ancestors.reversed() {
            guard let positions = owners.positions(of: name) else { continue }
            let types = positions.map { rrsets.type(at: $0) }
            if name == zone.origin {
                if types.contains(.dname) { state.dname = name }
            } else if types.contains(.ns) {
                state.cut = name
            } else if types.contains(.dname) {
                state.dname = name
            }
            if state.cut != nil || state.dname != nil { break }
        }
        return state
    }
}
