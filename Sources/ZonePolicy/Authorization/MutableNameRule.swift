import ZoneDiff
import ZoneModel

/// `mutable: - { name, types }`: the named RRsets may change in any way.
public struct MutableNameRule: AuthorizationRule {
    public var entry: Policy.MutableEntry

    public init(_ entry: Policy.MutableEntry) { self.entry = entry }

    public func evaluate(_ change: RRsetChange) -> AuthorizationResult {
        entry.types.contains(change.type) && entry.name.matches(change.owner) ? .authorized(by: entry.path) : .notAuthorized
    }
}
