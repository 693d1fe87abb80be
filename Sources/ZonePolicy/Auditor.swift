import ZoneDiff
import ZoneModel

/// The audit: the diff, the signals, and the policy's verdict on each.
///
/// Change findings a policy rule allows become `authorized`, severity `info`,
/// with `policy` naming the entry. Everything else is `authorized == false`
/// at its rule's severity, or the policy's `severity:` override for the rule.
/// A signal is authorized when its rule follows authorization and every
/// change it points at is authorized. Without a policy, or for a zone the
/// policy does not list, nothing is authorized.
public enum Auditor {
    public static func audit(baseline: Zone, current: Zone, policy: Policy?,
                             options: DiffOptions = DiffOptions()) -> [Finding] {
        auditedDiff(baseline: baseline, current: current, policy: policy, options: options).findings
    }

    /// The diff with the policy's signals added and its authorization applied.
    public static func auditedDiff(baseline: Zone, current: Zone, policy: Policy?,
                                   options: DiffOptions = DiffOptions()) -> ZoneDiffResult {
        let entry = policy?.entry(for: current.origin)
        var options = options
        if let entry {
            options.thresholds = entry.thresholds.applied(to: options.thresholds)
            options.knownNameservers += entry.knownNameservers
        }
        var diff = ZoneDiffer.diff(baseline: baseline, current: current, options: options)
        guard let entry else { return diff }
        diff.signals += PolicySignals(entry: entry).detect(in: diff)
        authorize(&diff, entry: entry)
        return diff
    }

    static func authorize(_ diff: inout ZoneDiffResult, entry: Policy.ZoneEntry) {
        let rules = AnyOfRules(entry: entry)
        var verdicts: [AuthorizationResult] = []
        verdicts.reserveCapacity(diff.changes.count)
        for index in diff.changes.indices {
            let verdict: AuthorizationResult = diff.changes[index].isRoutineSerialChange
                ? .authorized(by: "routine serial change")
                : rules.evaluate(diff.changes[index])
            verdicts.append(verdict)
            guard var finding = diff.changes[index].finding else { continue }
            apply(verdict, to: &finding, entry: entry)
            diff.changes[index].finding = finding
        }
        for index in diff.signals.indices {
            let signal = diff.signals[index]
            var verdict = AuthorizationResult.notAuthorized
            if AuditRules.rule(signal.finding.rule)?.followsAuthorization == true, !signal.changeIndices.isEmpty {
                var entries: [String] = []
                for changeIndex in signal.changeIndices {
                    guard case let .authorized(by) = verdicts[changeIndex] else {
                        entries = []
                        break
                    }
                    if !entries.contains(by) { entries.append(by) }
                }
                if !entries.isEmpty { verdict = .authorized(by: entries.joined(separator: ", ")) }
            }
            apply(verdict, to: &diff.signals[index].finding, entry: entry)
        }
    }

    private static func apply(_ verdict: AuthorizationResult, to finding: inout Finding, entry: Policy.ZoneEntry) {
        switch verdict {
        case let .authorized(by):
            finding.authorized = true
            finding.severity = .info
            finding.policy = by
        case .notAuthorized:
            finding.authorized = false
            if let override = entry.severity[finding.rule] { finding.severity = override }
        }
    }
}
