import ZoneModel

/// Data a server never returns because a referral answers first (RFC 2181
/// section 6, RFC 4035 section 2.2): anything below a cut but glue addresses,
/// and at the cut anything but NS, DS, NSEC, their signatures and glue.
enum OcclusionChecks {
    /// Kept below a cut: glue. SOA has its own rule (`zone.soa-not-at-apex`).
    static let allowedBelowCut: Set<RRType> = [.a, .aaaa, .soa]
    /// Kept at a cut. CNAME and DNAME there have their own rules.
    static let allowedAtCut: Set<RRType> = [.ns, .ds, .nsec, .rrsig, .a, .aaaa, .soa, .cname, .dname]
    /// The same sets as type masks: most names hold nothing else, and leave on one test.
    static let allowedBelowCutMask = NameNode.mask(allowedBelowCut)
    static let allowedAtCutMask = NameNode.mask(allowedAtCut)

    static func occludedData(_ node: NameNode, _ run: inout CheckRun) {
        let allowed: Set<RRType>
        let info: String
        switch node.position {
        case .belowCut(let cut):
            guard node.hasTypes(outside: allowedBelowCutMask) else { return }
            allowed = allowedBelowCut
            info = "below the delegation point \(cut.presentation)"
        case .delegation:
            guard node.hasTypes(outside: allowedAtCutMask) else { return }
            allowed = allowedAtCut
            info = "at a delegation point"
        case .apex, .authoritative, .belowDNAME:
            return
        }
        for rrset in node.rrsets(where: { !allowed.contains($0) }) {
            run.report(.occludedData, owner: node.name, type: rrset.type, records: rrset.records,
                       location: rrset.location, info: "\(rrset.type.mnemonic) \(info)")
        }
    }
}
