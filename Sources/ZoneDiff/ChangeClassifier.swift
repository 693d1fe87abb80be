import ZoneModel

/// Gives each change its structural role (apex NS, delegation, glue, DS at a
/// cut, SOA, data) and its one change finding.
struct ChangeClassifier {
    let baseline: Zone
    let current: Zone

    func classify(_ change: inout RRsetChange) {
        change.role = role(of: change)
        if change.role == .soa { refineSOA(&change) }
        if !change.isRoutineSerialChange { change.finding = finding(for: change) }
    }

    private func role(of change: RRsetChange) -> RRsetChange.Role {
        let owner = change.owner
        // Look in the zone that has the RRset first: a removed delegation is
        // only a delegation in the baseline.
        let zones = change.after.isEmpty ? [baseline, current] : [current, baseline]
        switch change.type {
        case .soa where owner == current.origin:
            return .soa
        case .ns:
            if owner == current.origin { return .apexNameservers }
            return zones.contains { $0.kind(of: owner) == .delegation } ? .delegation : .data
        case .ds:
            return zones.contains { $0.kind(of: owner) == .delegation } ? .delegationSigner : .data
        case .a, .aaaa:
            // Addresses at a cut (a nameserver named like the cut) or below it are glue.
            for zone in zones {
                switch zone.kind(of: owner) {
                case .delegation: return .glue(cut: owner)
                case let .belowCut(cut): return .glue(cut: cut)
                default: continue
                }
            }
            return .data
        default:
            return .data
        }
    }

    /// An SOA that differs only in its serial is routine; one that differs
    /// besides the serial only in TTL is a TTL change.
    private func refineSOA(_ change: inout RRsetChange) {
        guard change.kind == .changed, change.before.count == 1, change.after.count == 1,
              var old = change.before[0].soa, let new = change.after[0].soa else { return }
        old.serial = new.serial
        guard old == new else { return }
        if change.before[0].ttl != change.after[0].ttl {
            change.kind = .ttlChanged
        } else {
            change.isRoutineSerialChange = true
        }
    }

    func finding(for change: RRsetChange) -> Finding {
        let (rule, message, severity) = describe(change)
        return rule.finding(message, zone: current.origin, owner: change.owner, type: change.type,
                            before: change.before, after: change.after, location: change.location,
                            severity: severity)
    }

    private func describe(_ change: RRsetChange) -> (AuditRule, String, Severity?) {
        let owner = change.owner.presentation, type = change.type.mnemonic
        let before = RecordSummary.values(change.before), after = RecordSummary.values(change.after)
        if change.kind == .ttlChanged {
            return (AuditRules.recordTTLChanged,
                    "\(owner) \(type) TTL changed from \(change.ttlBefore ?? 0) to \(change.ttlAfter ?? 0)", nil)
        }
        switch change.role {
        case .apexNameservers:
            return (AuditRules.apexNSChanged, "NS set of the zone \(owner) changed: \(before) -> \(after)", nil)
        case .delegation:
            switch change.kind {
            case .added: return (AuditRules.delegationAdded, "new delegation \(owner) to \(after)", nil)
            case .removed: return (AuditRules.delegationRemoved, "delegation \(owner) removed (was \(before))", nil)
            default: return (AuditRules.delegationNSChanged, "delegation \(owner) NS changed: \(before) -> \(after)", nil)
            }
        case let .glue(cut):
            let subject = "glue \(owner) \(type) for the delegation \(cut.presentation)"
            switch change.kind {
            case .added: return (AuditRules.glueChanged, "\(subject) added: \(after)", nil)
            case .removed: return (AuditRules.glueChanged, "\(subject) removed (was \(before))", nil)
            default: return (AuditRules.glueChanged, "\(subject) changed: \(before) -> \(after)", nil)
            }
        case .delegationSigner:
            switch change.kind {
            case .added: return (AuditRules.dsChanged, "DS added at the delegation \(owner): \(after)", nil)
            case .removed:
                return (AuditRules.dsChanged,
                        "DS removed at the delegation \(owner) (was \(before)): DNSSEC downgrade, the child is no longer validated",
                        .critical)
            default: return (AuditRules.dsChanged, "DS at the delegation \(owner) changed: \(before) -> \(after)", nil)
            }
        case .soa, .data:
            switch change.kind {
            case .added: return (AuditRules.recordAdded, "\(owner) \(type) added: \(after)", nil)
            case .removed: return (AuditRules.recordRemoved, "\(owner) \(type) removed (was \(before))", nil)
            default:
                var message = "\(owner) \(type) changed: \(before) -> \(after)"
                if let old = change.ttlBefore, let new = change.ttlAfter, old != new {
                    message += " (TTL \(old) -> \(new))"
                }
                return (AuditRules.recordChanged, message, nil)
            }
        }
    }
}
