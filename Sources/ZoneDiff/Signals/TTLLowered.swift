import ZoneModel

/// `record.ttl-lowered`: an existing RRset's TTL cut sharply, the usual
/// preparation for a short-lived redirection (caches let go quickly).
struct TTLLowered: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        let thresholds = context.options.thresholds
        var signals: [Signal] = []
        for index in context.indices(where: { $0.kind == .changed || $0.kind == .ttlChanged }) {
            let change = context.changes[index]
            guard let old = change.ttlBefore, let new = change.ttlAfter,
                  new <= thresholds.ttlLoweredFloor,
                  Double(new) < Double(old) * thresholds.ttlLoweredRatio else { continue }
            signals.append(context.signal(
                AuditRules.ttlLowered,
                "\(change.owner) \(change.type) TTL lowered sharply from \(old) to \(new) seconds",
                changes: [index]))
        }
        return signals
    }
}
