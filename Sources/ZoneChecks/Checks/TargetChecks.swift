import ZoneModel

/// MX and SRV targets (RFC 2181 section 10.3, RFC 2782, RFC 5321 section 5.1):
/// a target inside the zone must be a host name with an address, not an alias.
enum TargetChecks {
    static let mailAndServiceMask = NameNode.bit(.mx) | NameNode.bit(.srv)

    static func mailAndService(_ node: NameNode, _ run: inout CheckRun) {
        guard node.isAuthoritative, node.typeMask & mailAndServiceMask != 0 else { return }
        let list = node.list
        for position in node.positions {
            let type = list.type(at: position)
            guard type == .mx || type == .srv else { continue }
            // Targets are read from the zone's table; a record is built only for a finding.
            for index in 0..<list.recordCount(at: position) {
                // "." is "no mail" (RFC 7505) or "no service" (RFC 2782).
                guard let target = list.target(at: position, index), !target.isRoot else { continue }
                // Built only for a finding: most targets are fine.
                func info() -> String { "\(type.mnemonic) \(target.presentation)" }
                if AddressLiteral.isAddress(target, origin: run.zone.origin) {
                    run.report(.targetIsAddress, node: node, type: type, recordAt: position, index,
                               info: info())
                }
                let facts = run.lookup.facts(for: target)
                switch facts.place {
                case .outside, .underCut:
                    // Another zone's data; checking it would need a query.
                    continue
                case .belowDNAME(let dname):
                    run.report(.targetBelowDNAME, node: node, type: type, recordAt: position, index,
                               info: "\(info()), DNAME at \(dname.presentation)")
                case .authoritative:
                    if facts.isCNAME {
                        run.report(.targetIsCNAME, node: node, type: type, recordAt: position, index,
                                   info: info())
                    } else if !facts.hasAddress {
                        run.report(.targetNoAddress, node: node, type: type, recordAt: position, index,
                                   info: info())
                    }
                }
            }
        }
    }
}
