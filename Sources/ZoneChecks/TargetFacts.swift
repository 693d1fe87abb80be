import ZoneModel

/// Where a name that a record points at (NS, MX or SRV target) lies, relative
/// to this zone, and what the zone holds for it. Found with hash lookups and
/// one binary search, never a DNS query.
struct TargetFacts: Sendable {
    enum Place: Sendable, Equatable {
        /// Not below the origin: another zone's business.
        case outside
        /// At or below the named delegation point: data for it is glue at best.
        case underCut(DomainName)
        /// Strictly below the named authoritative DNAME: rewritten, never served.
        case belowDNAME(DomainName)
        /// Apex or ordinary authoritative name.
        case authoritative
    }

    var place: Place
    /// The name (or the wildcard that answers for it) has an A or AAAA record.
    var hasAddress: Bool
    /// The name (or its wildcard) owns a CNAME; only looked for when there is
    /// no address (a CNAME beside an address is `zone.cname-and-other-data`).
    var isCNAME: Bool
    /// The name that answers: the target itself, or the wildcard covering it.
    var answeringName: DomainName
}

/// Lookups in one zone that the checks share. Targets outside the zone are
/// settled by one suffix comparison; the rest by a few hash lookups, behind a
/// small direct-mapped cache: thousands of MX records often name the same
/// two mail hosts, while a dictionary cache would cost more than it saves on
/// zones whose targets are all distinct.
struct ZoneLookup {
    let zone: Zone
    let owners: OwnerIndex
    /// The zone's delegation points and its DNAME owners, asked
    /// about each ancestor of a target on the target's own octets.
    private let cuts: NameSet
    private let dnames: NameSet
    /// Some owner has a `*` label: without one no wildcard exists (not even
    /// as an empty non-terminal), and a target with no data of its own needs
    /// neither the search for its closest encloser nor the wildcard's.
    private let hasWildcard: Bool
    private static let cacheSlots = 1024
    private var cache: [(wire: [UInt8], facts: TargetFacts)?]

    /// The owner index is built on two threads for a zone large enough that
    /// the name pass is split too, the DNAME set beside it.
    init(zone: Zone) {
        self.zone = zone
        let rrsets = zone.rrsets
        let jobs = rrsets.count > ZoneChecker.splitMinimum ? 2 : 1
        let (owners, sets) = ParallelChunks.alongside(jobs: jobs, {
            OwnerIndex(rrsets, jobs: jobs)
        }, background: {
            let dnames = rrsets.indices.filter { rrsets.type(at: $0) == .dname }.map { rrsets.owner(at: $0) }
            return (dnames: NameSet(dnames), hasWildcard: rrsets.anyOwnerHasWildcardLabel)
        })
        self.owners = owners
        self.cuts = zone.cuts
        self.dnames = sets.dnames
        self.hasWildcard = sets.hasWildcard
        self.cache = Array(repeating: nil, count: ZoneLookup.cacheSlots)
    }

    private init(zone: Zone, owners: OwnerIndex, cuts: NameSet, dnames: NameSet, hasWildcard: Bool) {
        self.zone = zone
        self.owners = owners
        self.cuts = cuts
        self.dnames = dnames
        self.hasWildcard = hasWildcard
        self.cache = Array(repeating: nil, count: ZoneLookup.cacheSlots)
    }

    /// These lookups over `zone` (this one's zone, `forAnotherThread`). The
    /// index slots and the suffix sets stay shared: copying the sets costs
    /// more memory than their counts cost time.
    func forAnotherThread(_ zone: Zone) -> ZoneLookup {
        ZoneLookup(zone: zone, owners: owners.over(zone.rrsets), cuts: cuts, dnames: dnames, hasWildcard: hasWildcard)
    }

    /// FNV-1a over the octets as written: the cache keys exact octets (a
    /// name written in another case takes the slow path), and a collision
    /// only costs a miss.
    private static func cacheHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return value
    }

    mutating func facts(for target: DomainName) -> TargetFacts {
        guard target.isSubdomain(of: zone.origin) else {
            return TargetFacts(place: .outside, hasAddress: false, isCNAME: false, answeringName: target)
        }
        let slot = target.wire.withUnsafeBufferPointer {
            Int(truncatingIfNeeded: ZoneLookup.cacheHash($0)) & (ZoneLookup.cacheSlots - 1)
        }
        // Exact octets only: a name written in another case takes the slow path.
        if let entry = cache[slot], entry.wire == target.wire { return entry.facts }
        let facts = computeFacts(for: target)
        cache[slot] = (target.wire, facts)
        return facts
    }

    /// For a target below the origin.
    private func computeFacts(for target: DomainName) -> TargetFacts {
        let place = self.place(of: target)
        // Fewest lookups first: most targets have an A record.
        func answer(_ name: DomainName) -> (hasAddress: Bool, isCNAME: Bool) {
            guard let positions = owners.positions(of: name) else { return (false, false) }
            let rrsets = zone.rrsets
            var isCNAME = false
            for position in positions {
                let type = rrsets.type(at: position)
                if type == .a || type == .aaaa { return (true, false) }
                if type == .cname { isCNAME = true }
            }
            return (false, isCNAME)
        }
        var answering = target
        var found = answer(target)
        if hasWildcard, !found.hasAddress && !found.isCNAME && !exists(target), let wildcard = wildcardCovering(target) {
            answering = wildcard
            found = answer(wildcard)
        }
        return TargetFacts(place: place, hasAddress: found.hasAddress, isCNAME: found.isCNAME, answeringName: answering)
    }

    /// Judges the ancestors top-down, from the origin to the target: the
    /// highest cut or DNAME decides (a DNAME at a cut is the child's data).
    private func place(of target: DomainName) -> TargetFacts.Place {
        if cuts.isEmpty && dnames.isEmpty { return .authoritative }
        return target.wire.withUnsafeBufferPointer { wire -> TargetFacts.Place in
            // Where each ancestor's octets start, top-down: the origin first
            // (its suffix is the last origin.wire.count octets), the target last.
            let originOffset = wire.count - zone.origin.wire.count
            // A name has at most 127 labels.
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { offsets in
                var count = 0
                var index = 0
                while index < originOffset {
                    offsets[count] = index
                    count += 1
                    index += 1 + Int(wire[index])
                }
                offsets[count] = originOffset
                count += 1
                for position in stride(from: count - 1, through: 0, by: -1) {
                    let offset = offsets[position]
                    let ancestor = UnsafeBufferPointer(rebasing: wire[offset...])
                    if offset != originOffset, cuts.contains(wire: ancestor) {
                        return .underCut(DomainName(uncheckedWire: Array(wire[offset...])))
                    }
                    if offset != 0, dnames.contains(wire: ancestor) {
                        return .belowDNAME(DomainName(uncheckedWire: Array(wire[offset...])))
                    }
                }
                return .authoritative
            }
        }
    }

    /// True when the name owns records or is an empty non-terminal: in
    /// canonical order a name's subtree follows it directly.
    func exists(_ name: DomainName) -> Bool {
        if owners.positions(of: name) != nil { return true }
        let rrsets = zone.rrsets
        let index = rrsets.firstPosition(notBefore: name)
        return index < rrsets.count && rrsets.owner(at: index, isSubdomainOf: name)
    }

    /// `*.<closest encloser>` when the zone has that wildcard (RFC 4592 section 3.3.1).
    func wildcardCovering(_ name: DomainName) -> DomainName? {
        var current = name.parent
        while let candidate = current, candidate.isSubdomain(of: zone.origin) {
            if exists(candidate) {
                guard let wildcard = try? candidate.prepending(label: [UInt8(ascii: "*")]),
                      exists(wildcard) else { return nil }
                return wildcard
            }
            current = candidate.parent
        }
        return nil
    }
}
