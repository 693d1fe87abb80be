/// How much a finding matters. Ordered: `critical` is the highest.
public enum Severity: String, Sendable, CaseIterable, Comparable, Codable {
    case info, low, medium, high, critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The compiler-style level a diagnostic printer shows: `high` and
    /// `critical` are errors, `medium` and `low` warnings, `info` notes.
    public var level: DiagnosticLevel {
        switch self {
        case .critical, .high: .error
        case .medium, .low: .warning
        case .info: .note
        }
    }
}

/// The compiler-style level (`file:line:col: error: ...`).
public enum DiagnosticLevel: String, Sendable, Comparable {
    case note, warning, error

    public static func < (lhs: DiagnosticLevel, rhs: DiagnosticLevel) -> Bool {
        let order: [DiagnosticLevel] = [.note, .warning, .error]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}

/// A stable rule identifier such as `delegation.ns-changed` or `syntax.bad-ttl`.
/// Rule ids are part of the interface: policies, SARIF and history key on them.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The part before the first dot: `syntax`, `zone`, `record`, `delegation`, ...
    public var category: Substring { rawValue.prefix { $0 != "." } }
}

/// One thing zoneaudit has to say about a zone. Every command produces these
/// and every reporter renders them; nothing else carries results.
public struct Finding: Sendable, Hashable {
    public var rule: RuleID
    public var severity: Severity
    public var message: String
    /// The zone the finding is about, when there is one.
    public var zone: DomainName?
    public var owner: DomainName?
    public var type: RRType?
    /// Records as they were approved (baseline side of a diff).
    public var before: [Record]
    /// Records as they are now.
    public var after: [Record]
    public var location: SourceLocation?
    /// For changes judged by a policy: whether the policy allowed it. Nil when
    /// the finding is not a change (a syntax error, a DNSSEC failure).
    public var authorized: Bool?
    /// The policy entry that authorized the change, when one did.
    public var policy: String?
    /// MITRE ATT&CK technique ids (e.g. `T1584.002`).
    public var techniques: [String]

    public init(
        rule: RuleID, severity: Severity, message: String,
        zone: DomainName? = nil, owner: DomainName? = nil, type: RRType? = nil,
        before: [Record] = [], after: [Record] = [], location: SourceLocation? = nil,
        authorized: Bool? = nil, policy: String? = nil, techniques: [String] = []
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.zone = zone
        self.owner = owner
        self.type = type
        self.before = before
        self.after = after
        self.location = location
        self.authorized = authorized
        self.policy = policy
        self.techniques = techniques
    }

    public var level: DiagnosticLevel { severity.level }
}

extension Finding {
    /// The order reports use: by zone, then severity (highest first), then
    /// location, then owner in canonical order, then rule.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.zone != rhs.zone {
            return (lhs.zone ?? .root) < (rhs.zone ?? .root)
        }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if lhs.owner != rhs.owner { return (lhs.owner ?? .root) < (rhs.owner ?? .root) }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.message < rhs.message
    }
}
