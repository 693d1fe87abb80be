import ZoneDiff
import ZoneModel

/// `nameservers:` and `delegations:`: an apex or delegation NS set that is
/// added or changed and whose every target is allowed needs no approval.
/// For a delegation, its `delegations` entry's names are allowed besides
/// `nameservers`. A removed delegation is never authorized by these (only
/// by `mutable`): nothing about its targets says it should go.
public struct NameserverRule: AuthorizationRule {
    public var entry: Policy.ZoneEntry

    public init(entry: Policy.ZoneEntry) { self.entry = entry }

    public func evaluate(_ change: RRsetChange) -> AuthorizationResult {
        guard change.type == .ns, change.kind != .removed else { return .notAuthorized }
        let targets = change.after.compactMap(\.nameTarget)
        guard targets.count == change.after.count, !targets.isEmpty else { return .notAuthorized }
        let general = entry.nameservers ?? []
        switch change.role {
        case .apexNameservers:
            guard entry.nameservers != nil, targets.allSatisfy({ target in general.contains { $0.matches(target) } })
            else { return .notAuthorized }
            return .authorized(by: "\(entry.path).nameservers")
        case .delegation:
            let specific = entry.delegation(at: change.owner)
            var usedSpecific = false
            for target in targets {
                if let specific, specific.nameservers.contains(where: { $0.matches(target) }) {
                    usedSpecific = true
                } else if !general.contains(where: { $0.matches(target) }) {
                    return .notAuthorized
                }
            }
            if usedSpecific, let specific { return .authorized(by: specific.path) }
            return .authorized(by: "\(entry.path).nameservers")
        default:
            return .notAuthorized
        }
    }

    /// The NS targets allowed at `owner` (apex or a cut); nil when the policy
    /// says nothing about it.
    public static func allowedTargets(at owner: DomainName, in entry: Policy.ZoneEntry) -> [NamePattern]? {
        let specific = owner == entry.origin ? nil : entry.delegation(at: owner)
        if entry.nameservers == nil && specific == nil { return nil }
        return (entry.nameservers ?? []) + (specific?.nameservers ?? [])
    }
}
