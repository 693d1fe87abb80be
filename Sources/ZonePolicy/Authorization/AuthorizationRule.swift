import ZoneDiff
import ZoneModel

/// What one rule says about one change.
public enum AuthorizationResult: Sendable, Hashable {
    /// Allowed by the policy entry at this path (e.g. `zones["example.com."].mutable[0]`).
    case authorized(by: String)
    /// This rule does not allow it (another rule still may).
    case notAuthorized
}

/// One small way a policy can allow a change. Rules are combined with
/// `AnyOfRules`; none of them knows about the others.
public protocol AuthorizationRule: Sendable {
    func evaluate(_ change: RRsetChange) -> AuthorizationResult
}

/// Authorized when any rule authorizes; the first one (in order) names the entry.
public struct AnyOfRules: AuthorizationRule {
    public var rules: [any AuthorizationRule]

    public init(_ rules: [any AuthorizationRule]) { self.rules = rules }

    public func evaluate(_ change: RRsetChange) -> AuthorizationResult {
        for rule in rules {
            let result = rule.evaluate(change)
            if case .authorized = result { return result }
        }
        return .notAuthorized
    }
}

extension AnyOfRules {
    /// The rules a zone entry stands for, most specific first: mutable
    /// entries, then nameservers and delegations, addresses, targets.
    public init(entry: Policy.ZoneEntry) {
        var rules: [any AuthorizationRule] = entry.mutable.map(MutableNameRule.init)
        rules.append(NameserverRule(entry: entry))
        if let addresses = entry.addresses {
            rules.append(AddressRangeRule(ranges: addresses, path: "\(entry.path).addresses"))
        }
        if let targets = entry.targets {
            rules.append(TargetSuffixRule(suffixes: targets, path: "\(entry.path).targets"))
        }
        self.init(rules)
    }
}
