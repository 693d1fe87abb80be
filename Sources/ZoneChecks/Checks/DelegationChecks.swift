import ZoneModel

/// The NS sets at the apex and at each delegation point: every name server
/// inside the zone needs an address the zone serves (Knot `check_delegation`,
/// BIND `check-integrity`).
enum DelegationChecks {
    static func nameServers(_ node: NameNode, _ run: inout CheckRun) {
        guard node.position == .apex || node.position == .delegation, let ns = node.rrset(.ns) else { return }
        for record in ns.records {
            guard let target = record.nameTarget else { continue }
            if AddressLiteral.isAddress(target, origin: run.zone.origin) {
                run.report(.targetIsAddress, owner: node.name, type: .ns, records: [record],
                           location: record.location, info: "NS \(target.presentation)")
            }
            let facts = run.lookup.facts(for: target)
            switch facts.place {
            case .outside:
                continue
            case .belowDNAME(let dname):
                run.report(.targetBelowDNAME, owner: node.name, type: .ns, records: [record], location: record.location,
                           info: "NS \(target.presentation), DNAME at \(dname.presentation)")
            case .underCut(let cut):
                // Below another delegation the address is that child's to give
                // (Knot skips these too); below this one it is glue.
                guard cut == node.name else { continue }
                if !facts.hasAddress {
                    run.report(.glueMissing, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                }
            case .authoritative:
                if facts.isCNAME {
                    run.report(.targetIsCNAME, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                } else if !facts.hasAddress {
                    run.report(.glueMissing, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                }
            }
        }
    }
}
