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
            guard let target = list.target(at: position, index) else { continue }
            if AddressLiteral.isAddress(target, origin: run.zone.origin) {
                let record = list.record(at: position, index)
                run.report(.targetIsAddress, owner: node.name, type: .ns, records: [record],
                           location: record.location, info: "NS \(target.presentation)")
            }
            let facts = run.lookup.facts(for: target)
            switch facts.place {
            case .outside:
                continue
            case .belowDNAME(let dname):
                let record = list.record(at: position, index)
                run.report(.targetBelowDNAME, owner: node.name, type: .ns, records: [record], location: record.location,
                           info: "NS \(target.presentation), DNAME at \(dname.presentation)")
            case .underCut(let cut):
                // Below another delegation the address is that child's to give
                // (Knot skips these too); below this one it is glue.
                guard list.owner(at: node.positions.lowerBound, equals: cut) else { continue }
                if !facts.hasAddress {
                    let record = list.record(at: position, index)
                    run.report(.glueMissing, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                }
            case .authoritative:
                if facts.isCNAME {
                    let record = list.record(at: position, index)
                    run.report(.targetIsCNAME, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                } else if !facts.hasAddress {
                    let record = list.record(at: position, index)
                    run.report(.glueMissing, owner: node.name, type: .ns, records: [record], location: record.location,
                               info: "NS \(target.presentation)")
                }
            }
        }
    }
}
