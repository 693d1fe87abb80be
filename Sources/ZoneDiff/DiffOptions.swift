import ZoneModel

/// How a diff is taken and when the hijack signals fire.
public struct DiffOptions: Sendable, Hashable {
    /// Compare RRSIG, NSEC and NSEC3 too. Off by default: they churn on every
    /// re-signing. DNSKEY, CDS, CDNSKEY, DS, NSEC3PARAM and ZONEMD always count.
    public var includeSignatures: Bool
    public var thresholds: DiffThresholds
    /// Nameserver names known to be legitimate beyond the baseline's own (a
    /// policy's `nameservers` and `delegations`): references for
    /// `delegation.lookalike-ns`, never reported as look-alikes themselves.
    public var knownNameservers: [DomainName]

    public init(includeSignatures: Bool = false, thresholds: DiffThresholds = DiffThresholds(),
                knownNameservers: [DomainName] = []) {
        self.includeSignatures = includeSignatures
        self.thresholds = thresholds
        self.knownNameservers = knownNameservers
    }

    /// The types a diff leaves out unless `includeSignatures` is set.
    public static func isSignatureChurn(_ type: RRType) -> Bool {
        type == .rrsig || type == .nsec || type == .nsec3
    }
}

/// When the signals fire. The defaults are documented in zoneaudit-policy(5).
public struct DiffThresholds: Sendable, Hashable {
    /// `record.ttl-lowered`: the new TTL is below this share of the old one...
    public var ttlLoweredRatio: Double
    /// ...and at most this many seconds.
    public var ttlLoweredFloor: UInt32
    /// `record.shadow-names`: this many new owner names in one change.
    public var shadowNameCount: Int
    /// `zone.bulk-change`: more than this share of the baseline's RRsets touched...
    public var bulkChangeShare: Double
    /// ...in a baseline of at least this many RRsets (OctoDNS's rail has the same floor).
    public var bulkChangeMinimumRRsets: Int

    public init(ttlLoweredRatio: Double = 0.25, ttlLoweredFloor: UInt32 = 300, shadowNameCount: Int = 10,
                bulkChangeShare: Double = 0.30, bulkChangeMinimumRRsets: Int = 10) {
        self.ttlLoweredRatio = ttlLoweredRatio
        self.ttlLoweredFloor = ttlLoweredFloor
        self.shadowNameCount = shadowNameCount
        self.bulkChangeShare = bulkChangeShare
        self.bulkChangeMinimumRRsets = bulkChangeMinimumRRsets
    }
}
