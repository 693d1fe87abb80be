import ZoneModel

/// MX and SRV targets (RFC 2181 section 10.3, RFC 2782, RFC 5321 section 5.1):
/// a target inside the zone must be a host name with an address, not an alias.
enum TargetChecks {
    static func mailAndService(_ node: NameNode, _ run: inout CheckRun) {
        guard node.isAuthoritative, node.has(.mx) || node.has(.srv) else { return }
        for rrset in node.rrsets(where: { $0 == .mx || $0 == .srv }) {
            for record in rrset.records {
                // "." is "no mail" (RFC 7505) or "no service" (RFC 2782).
                guard let target = record.target, !target.isRoot else { continue }
                // Built only for a finding: most targets are fine.
                func info() -> String { "\(rrset.type.mnemonic) \(target.presentation)" }
                if AddressLiteral.isAddress(target, origin: run.zone.origin) {
                    run.report(.targetIsAddress, owner: node.name, type: rrset.type, records: [record],
                               location: record.location, info: info())
                }
                let facts = run.lookup.facts(for: target)
                switch facts.place {
                case .outside, .underCut:
                    // Another zone's data; checking it would need a query.
                    continue
                case .belowDNAME(let dname):
                    run.report(.targetBelowDNAME, owner: node.name, type: rrset.type, records: [record],
                               location: record.location, info: "\(info()), DNAME at \(dname.presentation)")
                case .authoritative:
                    if facts.isCNAME {
                        run.report(.targetIsCNAME, owner: node.name, type: rrset.type, records: [record],
                                   location: record.location, info: info())
                    } else if !facts.hasAddress {
                        run.report(.targetNoAddress, owner: node.name, type: rrset.type, records: [record],
                                   location: record.location, info: info())
                    }
                }
            }
        }
    }
}
