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
    /// A zone of more than 50,000 RRsets has its name pass run in 32
    /// parts on two threads, with the same findings in the same order.
    public static func check(zone: Zone, options: ZoneCheckOptions = ZoneCheckOptions()) -> [Finding] {
        let rrsets = zone.rrsets
        return check(zone: zone, options: options, splits: rrsets.count > splitMinimum ? splits(rrsets, parts: splitParts) : [])
    }

    /// RRsets above which the name pass runs on two threads.
    static let splitMinimum = 50_000
    /// Parts of a split name pass: many more than the two threads, so that
    /// the thread that finishes first takes the next part and the other is
    /// left alone with a small one at the end (names with many targets to
    /// look up bunch up in some parts of a zone). With 8 parts a 1M-record
    /// zone's pass ended on one thread for about 50 ms; 96 gained nothing
    /// over 32 and held 7 MB more.
    static let splitParts = 32

    /// Positions that cut `rrsets` into about `parts` equal parts, each at
    /// the start of an owner, in increasing order.
    static func splits(_ rrsets: RRsetList, parts: Int) -> [Int] {
        var splits: [Int] = []
        for part in 1..<max(1, parts) {
            let split = rrsets.ownerGroupEnd(from: max(rrsets.count * part / parts - 1, splits.last ?? 0))
            if split > (splits.last ?? 0) && split < rrsets.count { splits.append(split) }
        }
        return splits
    }

    /// As `check(zone:options:)`, with the name pass split at `splitAt` (an
    /// RRset position where an owner starts), or not split when nil; tests
    /// split small zones everywhere and compare.
    static func check(zone: Zone, options: ZoneCheckOptions, splitAt: Int?) -> [Finding] {
        check(zone: zone, options: options, splits: splitAt.map { [$0] } ?? [])
    }

    /// As `check(zone:options:)`, with the name pass split at `splits`
    /// (increasing RRset positions where owners start); the parts run on
    /// two threads and are joined in order.
    static func check(zone: Zone, options: ZoneCheckOptions, splits: [Int]) -> [Finding] {
        var run = CheckRun(zone: zone, options: options)
        guard zone.recordCount > 0 else {
            run.report(.empty, owner: zone.origin, location: nil)
            return run.finish()
        }
        for check in zoneChecks where options.levels.contains(check.level) {
            check.run(&run)
        }
        let nameChecks = self.nameChecks.filter { options.levels.contains($0.level) }
        let rrsets = zone.rrsets
        let splits = splits.filter { $0 > 0 && $0 < rrsets.count }
        if !splits.isEmpty {
            let bounds = [0] + splits + [rrsets.count]
            let starts = [WalkState()] + splits.map { WalkState.at($0, in: zone, owners: run.lookup.owners) }
            let lookup = run.lookup
            let parts = ParallelChunks.map(count: bounds.count - 1, jobs: 2, makeScratch: { () }) { part, _ in
                // Every part but the first reads the zone through objects of
                // its own (see `Zone.forAnotherThread`).
                let zone = part == 0 ? zone : zone.forAnotherThread()
                var partRun = CheckRun(zone: zone, options: options, lookup: part == 0 ? lookup : lookup.forAnotherThread(zone))
                nameChecks.withUnsafeBufferPointer { nameChecks in
                    walkNames(of: zone, bounds[part]..<bounds[part + 1], from: starts[part]) { node in
                        visit(node, nameChecks, &partRun)
                    }
                }
                return partRun
            }
            for part in parts { run.absorb(part) }
        } else {
            nameChecks.withUnsafeBufferPointer { nameChecks in
                walkNames(of: zone, 0..<rrsets.count, from: WalkState()) { node in
                    visit(node, nameChecks, &run)
                }
            }
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

    /// A check run on every owner name. Named by a case, not held as a
    /// closure: the pass makes ten calls per name, and each call through a
    /// closure loaded from the table retained and released its context
    /// (a seventh of a million-record zone's pass).
    struct NameCheck: Sendable {
        enum Kind: Sendable {
            case soaBelowApex, cname, dname, belowDNAME, dsPlacement, dsDigests, nameServers, mailAndService,
                 occludedData, spf
        }

        let level: ZoneCheckLevel
        let kind: Kind

        init(level: ZoneCheckLevel, _ kind: Kind) {
            self.level = level
            self.kind = kind
        }

        @inline(__always)
        func run(_ node: NameNode, _ run: inout CheckRun) {
            switch kind {
            case .soaBelowApex: ApexChecks.soaBelowApex(node, &run)
            case .cname: AliasChecks.cname(node, &run)
            case .dname: AliasChecks.dname(node, &run)
            case .belowDNAME: AliasChecks.belowDNAME(node, &run)
            case .dsPlacement: DSChecks.placement(node, &run)
            case .dsDigests: DSChecks.digests(node, &run)
            case .nameServers: DelegationChecks.nameServers(node, &run)
            case .mailAndService: TargetChecks.mailAndService(node, &run)
            case .occludedData: OcclusionChecks.occludedData(node, &run)
            case .spf: AdvisoryChecks.spf(node, &run)
            }
        }
    }

    /// Before the pass: the apex as a whole.
    static let zoneChecks: [ZoneCheck] = [
        ZoneCheck(level: .mandatory, run: ApexChecks.soaAndNS),
    ]

    /// For every owner name, in canonical order.
    static let nameChecks: [NameCheck] = [
        NameCheck(level: .mandatory, .soaBelowApex),
        NameCheck(level: .mandatory, .cname),
        NameCheck(level: .mandatory, .dname),
        NameCheck(level: .mandatory, .belowDNAME),
        NameCheck(level: .mandatory, .dsPlacement),
        NameCheck(level: .optional, .dsDigests),
        NameCheck(level: .integrity, .nameServers),
        NameCheck(level: .integrity, .mailAndService),
        NameCheck(level: .integrity, .occludedData),
        NameCheck(level: .advisory, .spf),
    ]

    /// After the pass, when zone-wide facts (A/AAAA seen) are known.
    static let closingChecks: [ZoneCheck] = [
        ZoneCheck(level: .advisory, run: AdvisoryChecks.nameServerAddressFamilies),
    ]

    // MARK: The pass

    private static func visit(_ node: NameNode, _ nameChecks: UnsafeBufferPointer<NameCheck>, _ run: inout CheckRun) {
        if case .belowDNAME = node.position {} else {
            run.sawA = run.sawA || node.has(.a)
            run.sawAAAA = run.sawAAAA || node.has(.aaaa)
        }
        for check in nameChecks { check.run(node, &run) }
    }

    /// Calls `body` once per owner name of the RRsets at `positions` (which
    /// start at an owner), with the name's position worked out from the cut
    /// and DNAME above it (the highest one wins), starting from `state`.
    static func walkNames(of zone: Zone, _ positions: Range<Int>, from state: WalkState, _ body: (NameNode) -> Void) {
        let rrsets = zone.rrsets
        let origin = zone.origin
        var cut = state.cut
        var dname = state.dname
        // Names are read in the zone's compact table (a DomainName is made
        // only for a new cut or DNAME); RRsets are left there for the checks
        // to materialize the few they read.
        var start = positions.lowerBound
        while start < positions.upperBound {
            let end = rrsets.ownerGroupEnd(from: start)
            let positions = start..<end
            // The owners and RDATA the checks read lie in file order, the
            // RRsets in canonical order: fetched ahead (see `Prefetch`), the
            // misses overlap (1M records: 149 -> 135 ms of CPU).
            for ahead in (start + Prefetch.distance)..<(end + Prefetch.distance) { rrsets.prefetch(at: ahead) }
            let first = start
            start = end
            guard zone.ownersInside || rrsets.owner(at: first, isSubdomainOf: origin) else { continue }
            let mask = NameNode.typeMask(of: rrsets, positions)
            if let current = cut, !rrsets.owner(at: first, isSubdomainOf: current) { cut = nil }
            if let current = dname, !rrsets.owner(at: first, isSubdomainOf: current) { dname = nil }

            let position: NameNode.Position
            if let owner = dname {
                position = .belowDNAME(owner)
            } else if let owner = cut {
                position = .belowCut(owner)
            } else if rrsets.owner(at: first, equals: origin) {
                position = .apex
            } else if mask & NameNode.bit(.ns) != 0 {
                position = .delegation
                cut = rrsets.owner(at: first)
            } else {
                position = .authoritative
            }
            // Only an authoritative DNAME rewrites the names below it; one at a
            // cut is the child zone's (RFC 6672 section 2.3 keeps it off cuts anyway).
            if mask & NameNode.bit(.dname) != 0, position == .apex || position == .authoritative {
                dname = rrsets.owner(at: first)
            }
            body(NameNode(list: rrsets, positions: positions, position: position, typeMask: mask))
        }
    }
}
