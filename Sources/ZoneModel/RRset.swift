/// The records that share owner, class and type (RFC 2181 section 5).
public struct RRset: Sendable, Hashable {
    public var owner: DomainName
    public var type: RRType
    public var rrClass: RRClass
    /// Records in canonical RDATA order, duplicates removed.
    public var records: [Record]

    public init(owner: DomainName, type: RRType, rrClass: RRClass = .in, records: [Record]) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.records = records
    }

    /// The RRset's TTL: the first record's (the zone builder warns when they differ).
    public var ttl: UInt32 { records.first?.ttl ?? 0 }

    public var key: RRsetKey { RRsetKey(owner: owner, type: type) }

    /// The canonical RDATA of every record, sorted: what two RRsets must share
    /// to hold the same data.
    public var canonicalRData: [[UInt8]] {
        records.map(\.canonicalRData).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Where the RRset was read: its first record's location.
    public var location: SourceLocation? { records.lazy.compactMap(\.location).min() }
}

/// Identifies an RRset inside one zone (the zone has one class).
public struct RRsetKey: Hashable, Sendable, Comparable {
    public var owner: DomainName
    public var type: RRType

    public init(owner: DomainName, type: RRType) {
        self.owner = owner
        self.type = type
    }

    public static func < (lhs: RRsetKey, rhs: RRsetKey) -> Bool {
        let order = DomainName.canonicalCompare(lhs.owner, rhs.owner)
        return order != 0 ? order < 0 : lhs.type < rhs.type
    }
}
