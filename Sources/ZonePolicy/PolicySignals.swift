import ZoneDiff
import ZoneModel

/// The signals only a policy can raise: `delegation.ns-outside`, the
/// address-range form of `record.shadow-names` and `record.ttl-below-minimum`.
struct PolicySignals {
    let entry: Policy.ZoneEntry

    func detect(in diff: ZoneDiffResult) -> [Signal] {
        var signals: [Signal] = []
        let addressRule = entry.addresses.map { AddressRangeRule(ranges: $0, path: "\(entry.path).addresses") }
        for (index, change) in diff.changes.enumerated() where change.kind != .removed {
            if change.type == .ns, change.kind != .ttlChanged,
               change.role == .apexNameservers || change.role == .delegation,
               let allowed = NameserverRule.allowedTargets(at: change.owner, in: entry) {
                let outside = change.after.compactMap(\.nameTarget).filter { target in
                    !allowed.contains { $0.matches(target) }
                }
                if !outside.isEmpty {
                    let subject = change.role == .apexNameservers ? "the zone \(change.owner)" : "the delegation \(change.owner)"
                    signals.append(signal(
                        AuditRules.nsOutside, index, change, diff,
                        "NS of \(subject) points outside the policy's nameservers: \(RecordSummary.names(outside))"))
                }
            }
            if let addressRule, change.kind == .added, change.isNewOwner, change.type == .a || change.type == .aaaa {
                let outside = change.after.filter { !addressRule.contains($0.address) }
                if !outside.isEmpty {
                    signals.append(signal(
                        AuditRules.shadowNames, index, change, diff,
                        "new name \(change.owner) points outside the allowed address ranges: \(RecordSummary.values(outside))"))
                }
            }
            if let minimum = entry.minimumTTL, let ttl = change.ttlAfter, ttl < minimum {
                signals.append(signal(
                    AuditRules.ttlBelowMinimum, index, change, diff,
                    "\(change.owner) \(change.type) has TTL \(ttl), below the policy's min-ttl of \(minimum)"))
            }
        }
        return signals
    }

    private func signal(_ rule: AuditRule, _ index: Int, _ change: RRsetChange, _ diff: ZoneDiffResult,
                        _ message: String) -> Signal {
        Signal(finding: rule.finding(message, zone: diff.origin, owner: change.owner, type: change.type,
                                     before: change.before, after: change.after, location: change.location),
               changeIndices: [index])
    }
}
