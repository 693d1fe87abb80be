import ZoneModel

/// CNAME and DNAME rules (RFC 1034 section 3.6.2, RFC 2181 section 10.1,
/// RFC 4035 section 2.5, RFC 6672 sections 2.3 and 2.4).
enum AliasChecks {
    /// The types a CNAME may share its name with: its signatures and the NSEC
    /// that proves nothing else is there (RFC 4035 section 2.5).
    static let allowedBesideCNAME: Set<RRType> = [.cname, .rrsig, .nsec]
    static let allowedBesideCNAMEMask = NameNode.mask(allowedBesideCNAME)

    static func cname(_ node: NameNode, _ run: inout CheckRun) {
        guard let position = node.rrsetPosition(.cname) else { return }
        // The CNAME RRset is materialized only for a finding.
        if node.hasTypes(outside: allowedBesideCNAMEMask) {
            let others = node.rrsets(where: { !allowedBesideCNAME.contains($0) })
            if !others.isEmpty {
                let cname = node.list[position]
                let types = others.map(\.type.mnemonic).joined(separator: ", ")
                run.report(.cnameAndOtherData, owner: node.name, type: .cname,
                           records: cname.records + others.flatMap(\.records),
                           location: cname.location, info: "also \(types)")
            }
        }
        if node.list.recordCount(at: position) > 1 {
            let cname = node.list[position]
            run.report(.cnameMultiple, owner: node.name, type: .cname, records: cname.records,
                       location: cname.lastRecord?.location, info: "\(cname.records.count) CNAME records")
        }
    }

    static func dname(_ node: NameNode, _ run: inout CheckRun) {
        guard let dname = node.rrset(.dname) else { return }
        if dname.records.count > 1 {
            run.report(.dnameMultiple, owner: node.name, type: .dname, records: dname.records,
                       location: dname.lastRecord?.location, info: "\(dname.records.count) DNAME records")
        }
        if node.position != .apex, let ns = node.rrset(.ns) {
            run.report(.dnameAndNS, owner: node.name, type: .dname, records: dname.records + ns.records,
                       location: dname.location)
        }
    }

    /// Types an NSEC3 owner holds. Such a name sits one label below the apex
    /// even when the apex has a DNAME, and that is allowed (RFC 5155 section 7.1;
    /// Knot counts the apex NSEC3 node as the one permitted child).
    static let nsec3Types: Set<RRType> = [.nsec3, .rrsig]

    static func belowDNAME(_ node: NameNode, _ run: inout CheckRun) {
        guard case .belowDNAME(let owner) = node.position else { return }
        if node.allTypes({ nsec3Types.contains($0) }) && node.has(.nsec3) { return }
        let first = node.firstRecord
        run.report(.belowDNAME, owner: node.name, type: first?.type, records: first.map { [$0] } ?? [],
                   location: first?.location, info: "DNAME at \(owner.presentation)")
    }
}
