import ZoneModel

/// The semantic checks `named-checkzone` and `kzonecheck` run on a loaded
/// zone, without DNSSEC (the DNSSEC module validates signatures and chains).
///
/// One linear pass over `Zone.rrsets` (canonical order keeps every name's
/// subtree together, so the enclosing cut and DNAME are known on the way),
/// plus hash lookups and binary searches for record targets. Never a DNS query:
/// a name the zone does not hold is not looked up anywhere.
///
/// Records outside the origin, duplicates and TTL mismatches are reported by
/// `ZoneBuilder` (`zone.out-of-zone`, `zone.duplicate-record`, `zone.ttl-mismatch`).
public enum ZoneChecker {
    /// Runs the checks `options` selects; findings come in pass order (zone-wide
    /// findings first, then by owner in canonical order).
    public static func check(zone: Zone, options: ZoneCheckOptions = ZoneCheckOptions()) -> [Finding] {
        var run = CheckRun(zone: zone, options: options)
        guard zone.recordCount > 0 else {
            run.report(.empty, owner: zone.origin, location: nil)
            return run.finish()
        }
        for check in zoneChecks where options.levels.contains(check.level) {
            check.run(&run)
        }
        let nameChecks = self.nameChecks.filter { options.levels.contains($0.level) }
        walkNames(of: zone) { node in
            if case .belowDNAME = node.position {} else {
                run.sawA = run.sawA || node.has(.a)
                run.sawAAAA = run.sawAAAA || node.has(.aaaa)
            }
            for check in nameChecks { check.run(node, &run) }
        }
        for check in closingChecks where options.levels.contains(check.level) {
            check.run(&run)
        }
        return run.finish()
    }

    // MARK: The table (as Knot's CHECK_FUNCTIONS: each check with its level)

    struct ZoneCheck: Sendable {
        let level: ZoneCheckLevel
        let run: @Sendable (inout CheckRun) -> Void
    }

    struct NameCheck: Sendable {
        let level: ZoneCheckLevel
        let run: @Sendable (NameNode, inout CheckRun) -> Void
    }

    /// Before the pass: the apex as a whole.
    static let zoneChecks: [ZoneCheck] = [
        ZoneCheck(level: .mandatory, run: ApexChecks.soaAndNS),
    ]

    /// For every owner name, in canonical order.
    static let nameChecks: [NameCheck] = [
        NameCheck(level: .mandatory, run: ApexChecks.soaBelowApex),
        NameCheck(level: .mandatory, run: AliasChecks.cname),
        NameCheck(level: .mandatory, run: AliasChecks.dname),
        NameCheck(level: .mandatory, run: AliasChecks.belowDNAME),
        NameCheck(level: .mandatory, run: DSChecks.placement),
        NameCheck(level: .optional, run: DSChecks.digests),
        NameCheck(level: .integrity, run: DelegationChecks.nameServers),
        NameCheck(level: .integrity, run: TargetChecks.mailAndService),
        NameCheck(level: .integrity, run: OcclusionChecks.occludedData),
        NameCheck(level: .advisory, run: AdvisoryChecks.spf),
    ]

    /// After the pass, when zone-wide facts (A/AAAA seen) are known.
    static let closingChecks: [ZoneCheck] = [
        ZoneCheck(level: .advisory, run: AdvisoryChecks.nameServerAddressFamilies),
    ]

    // MARK: The pass

    /// Calls `body` once per owner name, with the name's position worked out
    /// from the cut and DNAME above it (the highest one wins).
    static func walkNames(of zone: Zone, _ body: (NameNode) -> Void) {
        let rrsets = zone.rrsets
        let origin = zone.origin
        var cut: DomainName?
        var dname: DomainName?
        // Names are read from the zone's compact table; RRsets are left there
        // for the checks to materialize the few they read.
        var start = rrsets.startIndex
        while start < rrsets.endIndex {
            let end = rrsets.ownerGroupEnd(from: start)
            let positions = start..<end
            start = end
            guard rrsets.owner(at: positions.lowerBound, isSubdomainOf: origin) else { continue }
            let name = rrsets.owner(at: positions.lowerBound)
            let mask = NameNode.typeMask(of: rrsets, positions)
            if let current = cut, !name.isSubdomain(of: current) { cut = nil }
            if let current = dname, !name.isSubdomain(of: current) { dname = nil }

            let position: NameNode.Position
            if let owner = dname {
                position = .belowDNAME(owner)
            } else if let owner = cut {
                position = .belowCut(owner)
            } else if name == origin {
                position = .apex
            } else if mask & NameNode.bit(.ns) != 0 {
                position = .delegation
                cut = name
            } else {
                position = .authoritative
            }
            // Only an authoritative DNAME rewrites the names below it; one at a
            // cut is the child zone's (RFC 6672 section 2.3 keeps it off cuts anyway).
            if position == .apex || position == .authoritative, mask & NameNode.bit(.dname) != 0 {
                dname = name
            }
            body(NameNode(name: name, list: rrsets, positions: positions, position: position, typeMask: mask))
        }
    }
}
