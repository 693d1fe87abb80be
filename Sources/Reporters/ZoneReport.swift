import ZoneModel

/// What the report says about one zone besides its findings. Every field but
/// the origin is optional: each command knows different things.
public struct ZoneReport: Sendable, Equatable {
    public var origin: DomainName
    /// The zone as it is now: a file path as the user gave it, or a URL such
    /// as `axfr://192.0.2.53/example.com.`.
    public var source: String?
    /// The approved baseline the zone was compared with.
    public var baseline: String?
    /// SOA serial of the baseline (or of the old zone in a diff).
    public var serialBefore: UInt32?
    /// SOA serial of the zone as it is now.
    public var serialAfter: UInt32?
    /// The baseline's seal status in words ("sealed, signature verified",
    /// "unsealed", ...).
    public var seal: String?
    /// Record counts of the baseline (or old zone) and of the zone now.
    public var recordsBefore: Int?
    public var recordsAfter: Int?

    public init(
        origin: DomainName, source: String? = nil, baseline: String? = nil,
        serialBefore: UInt32? = nil, serialAfter: UInt32? = nil, seal: String? = nil,
        recordsBefore: Int? = nil, recordsAfter: Int? = nil
    ) {
        self.origin = origin
        self.source = source
        self.baseline = baseline
        self.serialBefore = serialBefore
        self.serialAfter = serialAfter
        self.seal = seal
        self.recordsBefore = recordsBefore
        self.recordsAfter = recordsAfter
    }
}
