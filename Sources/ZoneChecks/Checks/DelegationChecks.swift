import ZoneModel

/// The NS sets at the apex and at each delegation point: every name server
/// inside the zone needs an address the zone serves (Knot `check_delegation`,
/// BIND `check-integrity`).
enum DelegationChecks {
    static func nameServers(_ node: NameNode, _ run: inout CheckRun) {
        guard node.position == .apex || node.position == .delegation,
              let position = node.rrsetPosition(.ns) else { return }
        let list = node.list
        // Targets are read from the zone's table; a record is built only for a finding.
        for index in 0..<list.recordCount(at: position) {
            // The usual NS of a delegation: glue with an address a few owners
            // on, in the delegation point's subtree. Nothing to report then
            // (below this cut the owner index would find the same owner, and
            // the highest cut above the target is this one: none is above a
            // delegation point); anything else takes the full path below.
            if node.position == .delegation, hasGlueAddress(list, position, index) { continue }
            guard let target = list.target(at: position, index) else { continue }
            if AddressLiteral.isAddress(target, origin: run.zone.origin) {
                run.report(.targetIsAddress, node: node, type: .ns, recordAt: position, index,
                           info: "NS \(target.presentation)")
            }
            let facts = run.lookup.facts(for: target)
            switch facts.place {
            case .outside:
                continue
            case .belowDNAME(let dname):
                run.report(.targetBelowDNAME, node: node, type: .ns, recordAt: position, index,
                           info: "NS \(target.presentation), DNAME at \(dname.presentation)")
            case .underCut(let cut):
                // Below another delegation the address is that child's to give
                // (Knot skips these too); below this one it is glue.
                guard list.owner(at: node.positions.lowerBound, equals: cut) else { continue }
                if !facts.hasAddress {
                    run.report(.glueMissing, node: node, type: .ns, recordAt: position, index,
                               info: "NS \(target.presentation)")
                }
            case .authoritative:
                if facts.isCNAME {
                    run.report(.targetIsCNAME, node: node, type: .ns, recordAt: position, index,
                               info: "NS \(target.presentation)")
                } else if !facts.hasAddress {
                    run.report(.glueMissing, node: node, type: .ns, recordAt: position, index,
                               info: "NS \(target.presentation)")
                }
            }
        }
    }

    /// True when the target of NS record `index` at `position` is not an
    /// address literal and lies below the NS owner, where it owns an A or
    /// AAAA RRset found among the next few owners (see
    /// `RRsetList.positions(of:belowOwnerAt:searching:)`).
    private static func hasGlueAddress(_ list: RRsetList, _ position: Int, _ index: Int) -> Bool {
        let glue = list.withTargetWire(at: position, index) { target -> Range<Int>? in
            AddressLiteral.mayBeAddress(target) ? nil : list.positions(of: target, belowOwnerAt: position, searching: 8)
        }
        guard let found = glue ?? nil else { return false }
        return found.contains { list.type(at: $0) == .a || list.type(at: $0) == .aaaa }
    }
}
