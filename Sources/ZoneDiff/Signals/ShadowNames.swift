import ZoneModel

/// `record.shadow-names` by count: many owner names appearing at once is the
/// mark of domain shadowing (ATT&CK T1584.001). The address-range variant
/// needs a policy and lives in ZonePolicy.
struct ShadowNameCount: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        var names: [DomainName] = []
        var indices: [Int] = []
        for (index, change) in context.changes.enumerated() where change.kind == .added && change.isNewOwner {
            indices.append(index)
            if names.last != change.owner { names.append(change.owner) }
        }
        let threshold = context.options.thresholds.shadowNameCount
        guard threshold > 0, names.count >= threshold else { return [] }
        return [context.zoneSignal(
            AuditRules.shadowNames,
            "\(names.count) new owner names appeared at once (threshold \(threshold)): \(RecordSummary.names(names, limit: 5))",
            changes: indices)]
    }
}
