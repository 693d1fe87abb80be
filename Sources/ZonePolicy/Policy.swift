import ZoneDiff
import ZoneModel

/// An authorization policy (zoneaudit-policy(5)): per zone, which changes
/// need no approval and how severe the rest are.
public struct Policy: Sendable {
    /// The only format version this build reads.
    public static let supportedVersion = 1
    /// Policies are small; anything larger is refused before YAML sees it.
    public static let maximumSize = 1 << 20

    public var version: Int
    /// The file the policy was read from, for messages.
    public var file: String
    /// In the order the file lists them.
    public var zones: [ZoneEntry]

    public init(version: Int = Policy.supportedVersion, file: String, zones: [ZoneEntry]) {
        self.version = version
        self.file = file
        self.zones = zones
    }

    /// The entry for a zone origin, if the policy has one.
    public func entry(for origin: DomainName) -> ZoneEntry? {
        zones.first { $0.origin == origin }
    }

    /// One zone's rules (`zones: <origin>:`).
    public struct ZoneEntry: Sendable {
        public var origin: DomainName
        /// `zones.<origin>`, the prefix of every policy path this entry reports.
        public var path: String
        /// Allowed apex and delegation NS targets; nil when not given.
        public var nameservers: [NamePattern]?
        /// Allowed child delegations and their NS targets.
        public var delegations: [Delegation]
        /// A/AAAA values that need no approval; nil when not given.
        public var addresses: [AddressRange]?
        /// Allowed CNAME/DNAME/MX/SRV target suffixes; nil when not given.
        public var targets: [DomainName]?
        /// Names and types free to change.
        public var mutable: [MutableEntry]
        public var minimumTTL: UInt32?
        /// Severity overrides for unauthorized findings, per rule.
        public var severity: [RuleID: Severity]
        public var thresholds: ThresholdOverrides

        public init(origin: DomainName, path: String? = nil, nameservers: [NamePattern]? = nil,
                    delegations: [Delegation] = [], addresses: [AddressRange]? = nil,
                    targets: [DomainName]? = nil, mutable: [MutableEntry] = [], minimumTTL: UInt32? = nil,
                    severity: [RuleID: Severity] = [:], thresholds: ThresholdOverrides = ThresholdOverrides()) {
            self.origin = origin
            self.path = path ?? "zones[\"\(origin.presentation)\"]"
            self.nameservers = nameservers
            self.delegations = delegations
            self.addresses = addresses
            self.targets = targets
            self.mutable = mutable
            self.minimumTTL = minimumTTL
            self.severity = severity
            self.thresholds = thresholds
        }

        public func delegation(at cut: DomainName) -> Delegation? {
            delegations.first { $0.cut == cut }
        }

        /// The nameserver names a look-alike is measured against.
        public var knownNameservers: [DomainName] {
            (nameservers ?? []).compactMap(\.exactName) + delegations.flatMap { $0.nameservers.compactMap(\.exactName) }
        }
    }

    public struct Delegation: Sendable, Hashable {
        public var cut: DomainName
        public var nameservers: [NamePattern]
        /// `zones.<origin>.delegations.<cut>`
        public var path: String

        public init(cut: DomainName, nameservers: [NamePattern], path: String) {
            self.cut = cut
            self.nameservers = nameservers
            self.path = path
        }
    }

    public struct MutableEntry: Sendable, Hashable {
        public var name: NamePattern
        public var types: Set<RRType>
        /// `zones.<origin>.mutable[<index>]`
        public var path: String

        public init(name: NamePattern, types: Set<RRType>, path: String) {
            self.name = name
            self.types = types
            self.path = path
        }
    }

    /// `thresholds:`: each replaces the `DiffThresholds` default when given.
    public struct ThresholdOverrides: Sendable, Hashable {
        public var bulkChangeShare: Double?
        public var bulkChangeMinimumRRsets: Int?
        public var shadowNameCount: Int?
        public var ttlLoweredRatio: Double?
        public var ttlLoweredFloor: UInt32?

        public init(bulkChangeShare: Double? = nil, bulkChangeMinimumRRsets: Int? = nil, shadowNameCount: Int? = nil,
                    ttlLoweredRatio: Double? = nil, ttlLoweredFloor: UInt32? = nil) {
            self.bulkChangeShare = bulkChangeShare
            self.bulkChangeMinimumRRsets = bulkChangeMinimumRRsets
            self.shadowNameCount = shadowNameCount
            self.ttlLoweredRatio = ttlLoweredRatio
            self.ttlLoweredFloor = ttlLoweredFloor
        }

        public func applied(to base: DiffThresholds) -> DiffThresholds {
            var result = base
            if let bulkChangeShare { result.bulkChangeShare = bulkChangeShare }
            if let bulkChangeMinimumRRsets { result.bulkChangeMinimumRRsets = bulkChangeMinimumRRsets }
            if let shadowNameCount { result.shadowNameCount = shadowNameCount }
            if let ttlLoweredRatio { result.ttlLoweredRatio = ttlLoweredRatio }
            if let ttlLoweredFloor { result.ttlLoweredFloor = ttlLoweredFloor }
            return result
        }
    }
}
