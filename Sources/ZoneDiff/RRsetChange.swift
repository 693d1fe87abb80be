import ZoneModel

/// One RRset that differs between the baseline and the current zone.
public struct RRsetChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case added, removed, changed
        /// Same data (canonical RDATA), different TTL.
        case ttlChanged = "ttl-changed"
    }

    /// What the RRset is in the zone's structure; decides the change rule.
    public enum Role: Sendable, Hashable {
        /// The zone's own NS set.
        case apexNameservers
        /// The NS set at a zone cut.
        case delegation
        /// DS at a zone cut.
        case delegationSigner
        /// A or AAAA at or below the cut named.
        case glue(cut: DomainName)
        /// The apex SOA.
        case soa
        /// Anything else.
        case data
    }

    public var kind: Kind
    public var role: Role
    public var owner: DomainName
    public var type: RRType
    /// Records as in the baseline (empty when added).
    public var before: [Record]
    /// Records as now (empty when removed).
    public var after: [Record]
    /// The owner name has no RRset at all in the baseline.
    public var isNewOwner: Bool
    /// The owner name has no RRset at all in the current zone.
    public var isRemovedOwner: Bool
    /// An SOA whose serial alone moved: normal, so no change finding.
    public var isRoutineSerialChange: Bool
    /// The change finding (`record.*` or `delegation.*`); nil only for a
    /// routine serial change.
    public var finding: Finding?

    public init(kind: Kind, role: Role, owner: DomainName, type: RRType, before: [Record], after: [Record],
                isNewOwner: Bool = false, isRemovedOwner: Bool = false,
                isRoutineSerialChange: Bool = false, finding: Finding? = nil) {
        self.kind = kind
        self.role = role
        self.owner = owner
        self.type = type
        self.before = before
        self.after = after
        self.isNewOwner = isNewOwner
        self.isRemovedOwner = isRemovedOwner
        self.isRoutineSerialChange = isRoutineSerialChange
        self.finding = finding
    }

    /// The current record's location, else the baseline's.
    public var location: SourceLocation? {
        after.lazy.compactMap(\.location).min() ?? before.lazy.compactMap(\.location).min()
    }

    /// The lowest TTL of the records before and after (resolvers keep the lowest).
    public var ttlBefore: UInt32? { before.lazy.map(\.ttl).min() }
    public var ttlAfter: UInt32? { after.lazy.map(\.ttl).min() }

    /// The records that remain (after), or for a removal the ones that went.
    public var resultingRecords: [Record] { kind == .removed ? before : after }

    /// Canonical RDATA present after but not before.
    public var addedRData: [[UInt8]] {
        let old = Set(before.map(\.canonicalRData))
        return after.map(\.canonicalRData).filter { !old.contains($0) }
    }

    /// Canonical RDATA present before but not after.
    public var removedRData: [[UInt8]] {
        let new = Set(after.map(\.canonicalRData))
        return before.map(\.canonicalRData).filter { !new.contains($0) }
    }
}

/// A further finding that points at changes: a hijack signal, a policy
/// violation or a zone-level consistency finding.
public struct Signal: Sendable, Hashable {
    public var finding: Finding
    /// Indices into `ZoneDiffResult.changes`; empty for zone-level findings.
    public var changeIndices: [Int]

    public init(finding: Finding, changeIndices: [Int]) {
        self.finding = finding
        self.changeIndices = changeIndices
    }
}

/// What `ZoneDiffer.diff` found.
public struct ZoneDiffResult: Sendable {
    public var origin: DomainName
    /// In canonical order of (owner, type).
    public var changes: [RRsetChange]
    public var signals: [Signal]
    /// RRsets compared on each side (signature types excluded unless included).
    public var baselineRRsetCount: Int
    public var currentRRsetCount: Int

    public init(origin: DomainName, changes: [RRsetChange], signals: [Signal],
                baselineRRsetCount: Int, currentRRsetCount: Int) {
        self.origin = origin
        self.changes = changes
        self.signals = signals
        self.baselineRRsetCount = baselineRRsetCount
        self.currentRRsetCount = currentRRsetCount
    }

    /// Change findings in canonical order, then the signals.
    public var findings: [Finding] {
        changes.compactMap(\.finding) + signals.map(\.finding)
    }

    /// Changes that are more than a routine serial increment.
    public var substantiveChanges: some Collection<RRsetChange> {
        changes.lazy.filter { !$0.isRoutineSerialChange }
    }
}
