import ZoneModel

/// `record.wildcard-added`: a wildcard answers for every name below it,
/// including names nobody approved.
struct WildcardAdded: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        var signals: [Signal] = []
        for index in context.indices(where: { $0.kind == .added && $0.isWildcard }) {
            let change = context.changes[index]
            signals.append(context.signal(
                AuditRules.wildcardAdded,
                "wildcard \(change.owner) \(change.type) added: every name below \(change.owner.parent?.presentation ?? ".") without its own data now resolves to \(RecordSummary.values(change.after))",
                changes: [index]))
        }
        return signals
    }
}
