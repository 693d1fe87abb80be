import ZoneModel

/// One rule the diff and the policy can raise: its stable id, its default
/// severity, the ATT&CK techniques it maps to and whether authorizing the
/// changes it points at also authorizes it.
public struct AuditRule: Sendable, Hashable {
    public let id: RuleID
    public let severity: Severity
    public let techniques: [String]
    /// True for rules that describe a change (or a pattern in changes) which a
    /// policy can approve; false for safety rails and policy violations that
    /// stand whatever else was approved.
    public let followsAuthorization: Bool
    /// One line for documentation and `--list-rules` style output.
    public let summary: String

    public init(_ id: RuleID, _ severity: Severity, followsAuthorization: Bool,
                techniques: [String] = AuditRule.infrastructure, summary: String) {
        self.id = id
        self.severity = severity
        self.techniques = techniques
        self.followsAuthorization = followsAuthorization
        self.summary = summary
    }

    /// MITRE ATT&CK T1584.002: Compromise Infrastructure: DNS Server.
    public static let infrastructure = ["T1584.002"]
    /// Plus T1584.001 (Domains), for shadowed names.
    public static let shadowing = ["T1584.002", "T1584.001"]

    /// A finding of this rule at its default severity.
    public func finding(
        _ message: String, zone: DomainName, owner: DomainName?, type: RRType?,
        before: [Record] = [], after: [Record] = [], location: SourceLocation?,
        severity: Severity? = nil
    ) -> Finding {
        Finding(rule: id, severity: severity ?? self.severity, message: message,
                zone: zone, owner: owner, type: type, before: before, after: after,
                location: location, authorized: false, techniques: techniques)
    }
}

/// Every rule the diff, the delegation analysis, the hijack signals and the
/// policy raise. Policies may only name these in `severity:`.
public enum AuditRules {
    // Change findings: exactly one for every changed RRset.
    public static let recordAdded = AuditRule("record.added", .high, followsAuthorization: true,
        summary: "an RRset that the baseline does not have")
    public static let recordRemoved = AuditRule("record.removed", .high, followsAuthorization: true,
        summary: "an RRset of the baseline is gone")
    public static let recordChanged = AuditRule("record.changed", .high, followsAuthorization: true,
        summary: "an RRset holds other data than in the baseline")
    public static let recordTTLChanged = AuditRule("record.ttl-changed", .low, followsAuthorization: true,
        summary: "same data, different TTL")
    public static let apexNSChanged = AuditRule("delegation.apex-ns-changed", .critical, followsAuthorization: true,
        summary: "the zone's own NS set changed")
    public static let delegationAdded = AuditRule("delegation.added", .high, followsAuthorization: true,
        summary: "a new child delegation (NS at a zone cut)")
    public static let delegationRemoved = AuditRule("delegation.removed", .high, followsAuthorization: true,
        summary: "a child delegation is gone")
    public static let delegationNSChanged = AuditRule("delegation.ns-changed", .critical, followsAuthorization: true,
        summary: "the NS set of a child delegation changed")
    public static let glueChanged = AuditRule("delegation.glue-changed", .high, followsAuthorization: true,
        summary: "glue (A/AAAA below a zone cut) added, removed or changed")
    public static let dsChanged = AuditRule("delegation.ds-changed", .high, followsAuthorization: true,
        summary: "DS at a zone cut added or changed (removal: critical, a DNSSEC downgrade)")

    // Zone-level consistency.
    public static let soaSerialUnchanged = AuditRule("zone.soa-serial-unchanged", .medium, followsAuthorization: false,
        summary: "content changed but the SOA serial did not; secondaries will not transfer it")
    public static let soaSerialDecreased = AuditRule("zone.soa-serial-decreased", .high, followsAuthorization: false,
        summary: "the SOA serial went backwards (RFC 1982)")
    public static let bulkChange = AuditRule("zone.bulk-change", .high, followsAuthorization: false,
        summary: "the change touches more than the allowed share of the zone's RRsets")

    // Hijack signals.
    public static let ttlLowered = AuditRule("record.ttl-lowered", .medium, followsAuthorization: true,
        summary: "TTL of an existing RRset lowered sharply")
    public static let shadowNames = AuditRule("record.shadow-names", .high, followsAuthorization: true,
        techniques: AuditRule.shadowing,
        summary: "many new owner names, or new names pointing outside the allowed address ranges")
    public static let wildcardAdded = AuditRule("record.wildcard-added", .high, followsAuthorization: true,
        summary: "a wildcard RRset was added")
    public static let certificateControl = AuditRule("record.certificate-control", .high, followsAuthorization: true,
        summary: "_acme-challenge TXT added, or CAA removed or loosened")
    public static let mailRedirect = AuditRule("record.mail-redirect", .high, followsAuthorization: true,
        summary: "MX changed, or the address of a mail host changed")
    public static let dnskeyChanged = AuditRule("dnssec.dnskey-changed", .high, followsAuthorization: true,
        summary: "DNSKEY added or removed")
    public static let signingRemoved = AuditRule("dnssec.signing-removed", .critical, followsAuthorization: false,
        summary: "the baseline was signed, the zone is not")
    public static let lookalikeNS = AuditRule("delegation.lookalike-ns", .critical, followsAuthorization: false,
        summary: "a new NS target resembles a known nameserver name but is not it")

    // Raised only with a policy.
    public static let nsOutside = AuditRule("delegation.ns-outside", .critical, followsAuthorization: false,
        summary: "an NS target outside the policy's nameservers")
    public static let ttlBelowMinimum = AuditRule("record.ttl-below-minimum", .medium, followsAuthorization: false,
        summary: "a changed RRset has a TTL below the policy's min-ttl")

    public static let all: [AuditRule] = [
        recordAdded, recordRemoved, recordChanged, recordTTLChanged,
        apexNSChanged, delegationAdded, delegationRemoved, delegationNSChanged, glueChanged, dsChanged,
        soaSerialUnchanged, soaSerialDecreased, bulkChange,
        ttlLowered, shadowNames, wildcardAdded, certificateControl, mailRedirect,
        dnskeyChanged, signingRemoved, lookalikeNS, nsOutside, ttlBelowMinimum,
    ]

    private static let byID: [RuleID: AuditRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func rule(_ id: RuleID) -> AuditRule? { byID[id] }
}
