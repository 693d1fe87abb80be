/// An authoritative zone: RRsets in canonical order, with the apex, the zone
/// cuts (delegation points) and the names below them identified.
public struct Zone: Sendable {
    public let origin: DomainName
    public let rrClass: RRClass
    /// RRsets sorted by owner (RFC 4034 canonical order), then type number.
    public let rrsets: [RRset]
    /// Names below the apex that carry an NS RRset: the delegation points.
    public let cuts: Set<DomainName>
    private let index: [RRsetKey: Int]

    /// What a name is, relative to this zone's cuts.
    public enum NameKind: Sendable, Equatable {
        case apex
        /// A delegation point (the NS, DS and NSEC there belong to the cut).
        case delegation
        /// At or below a cut: glue when it is an address, occluded data otherwise.
        case belowCut(DomainName)
        /// Ordinary authoritative data.
        case authoritative
        case outside
    }

    /// Builds from RRsets that are already grouped and sorted (see `ZoneBuilder`).
    public init(origin: DomainName, rrClass: RRClass = .in, sortedRRsets: [RRset]) {
        self.origin = origin
        self.rrClass = rrClass
        self.rrsets = sortedRRsets
        var index: [RRsetKey: Int] = [:]
        index.reserveCapacity(sortedRRsets.count)
        var cuts = Set<DomainName>()
        for (position, rrset) in sortedRRsets.enumerated() {
            index[rrset.key] = position
            if rrset.type == .ns && rrset.owner != origin { cuts.insert(rrset.owner) }
        }
        self.index = index
        self.cuts = cuts
    }

    public func rrset(_ owner: DomainName, _ type: RRType) -> RRset? {
        index[RRsetKey(owner: owner, type: type)].map { rrsets[$0] }
    }

    public var soa: SOAData? { rrset(origin, .soa)?.records.first?.soa }

    public var apexNS: RRset? { rrset(origin, .ns) }

    /// All records in canonical order.
    public var records: some Sequence<Record> { rrsets.lazy.flatMap(\.records) }

    public var recordCount: Int { rrsets.reduce(0) { $0 + $1.records.count } }

    /// True when the zone carries DNSKEY at the apex and RRSIGs.
    public var isSigned: Bool { rrset(origin, .dnskey) != nil && rrsets.contains { $0.type == .rrsig } }

    /// Classifies a name against the apex and the cuts.
    public func kind(of name: DomainName) -> NameKind {
        guard name.isSubdomain(of: origin) else { return .outside }
        if name == origin { return .apex }
        if cuts.isEmpty { return .authoritative }
        // Walk up from the name to the apex; the highest cut wins (everything
        // below the highest cut is occluded, even other NS sets).
        var highestCut: DomainName?
        var current = name
        while current != origin {
            if cuts.contains(current) { highestCut = current }
            guard let parent = current.parent else { break }
            current = parent
        }
        guard let cut = highestCut else { return .authoritative }
        return cut == name ? .delegation : .belowCut(cut)
    }

    /// True when the RRset holds authoritative data (RFC 4035 section 2.2):
    /// not below a cut, and at a cut only DS and NSEC (and their RRSIGs).
    public func isAuthoritative(_ rrset: RRset) -> Bool {
        switch kind(of: rrset.owner) {
        case .apex, .authoritative: true
        case .delegation: rrset.type == .ds || rrset.type == .nsec || (rrset.type == .rrsig)
        case .belowCut, .outside: false
        }
    }

    /// The distinct owner names in canonical order.
    public var ownerNames: [DomainName] {
        var names: [DomainName] = []
        for rrset in rrsets where names.last != rrset.owner { names.append(rrset.owner) }
        return names
    }
}
