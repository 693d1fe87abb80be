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
/// settled by one suffix comparison; the rest by a few hash lookups (no cache:
/// it would cost as much as it saves on zones whose targets are all distinct).
struct ZoneLookup {
    let zone: Zone
    private let cuts: NameSuffixSet
    private let dnames: NameSuffixSet

    init(zone: Zone) {
        self.zone = zone
        self.cuts = NameSuffixSet(zone.cuts)
        var dnames = Set<DomainName>()
        for rrset in zone.rrsets where rrset.type == .dname { dnames.insert(rrset.owner) }
        self.dnames = NameSuffixSet(dnames)
    }

    func facts(for target: DomainName) -> TargetFacts {
        guard target.isSubdomain(of: zone.origin) else {
            return TargetFacts(place: .outside, hasAddress: false, isCNAME: false, answeringName: target)
        }
        let place = self.place(of: target)
        // Fewest lookups first: most targets have an A record.
        func answer(_ name: DomainName) -> (hasAddress: Bool, isCNAME: Bool) {
            if zone.rrset(name, .a) != nil || zone.rrset(name, .aaaa) != nil { return (true, false) }
            return (false, zone.rrset(name, .cname) != nil)
        }
        var answering = target
        var found = answer(target)
        if !found.hasAddress && !found.isCNAME && !exists(target), let wildcard = wildcardCovering(target) {
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
                    if offset != originOffset, cuts.contains(suffixOf: wire, at: offset) {
                        return .underCut(DomainName(uncheckedWire: Array(wire[offset...])))
                    }
                    if offset != 0, dnames.contains(suffixOf: wire, at: offset) {
                        return .belowDNAME(DomainName(uncheckedWire: Array(wire[offset...])))
                    }
                }
                return .authoritative
            }
        }
    }

    /// Index of the first RRset whose owner is not before `name` in canonical order.
    func lowerBound(_ name: DomainName) -> Int {
        var low = 0, high = zone.rrsets.count
        while low < high {
            let middle = (low + high) / 2
            if DomainName.canonicalCompare(zone.rrsets.owner(at: middle), name) < 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    /// True when the name owns records or is an empty non-terminal: in
    /// canonical order a name's subtree follows it directly.
    func exists(_ name: DomainName) -> Bool {
        let index = lowerBound(name)
        return index < zone.rrsets.count && zone.rrsets.owner(at: index).isSubdomain(of: name)
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
