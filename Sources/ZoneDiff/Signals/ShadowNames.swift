import ZoneModel

/// `record.shadow-names` by count: many owner names appearing at once is the
/// mark of domain shadowing (ATT&CK T1584.001). The address-range variant
/// needs a policy and lives in ZonePolicy.
struct ShadowNameCount: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        var names: [DomainName] = []
        var indices: [Int] = []
        for index in context.indices(where: { $0.kind == .added && $0.isNewOwner }) {
            indices.append(index)
            let owner = context.changes[index].owner
            if names.last != owner { names.append(owner) }
        }
        let threshold = context.options.thresholds.shadowNameCount
        guard threshold > 0, names.count >= threshold else { return [] }
        return [context.zoneSignal(
            AuditRules.shadowNames,
            "\(names.count) new owner names appeared at once (threshold \(threshold)): \(RecordSummary.names(names, limit: 5))",
            changes: indices)]
    }
}
