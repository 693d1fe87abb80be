import ZoneModel

/// What a signal detector sees: both zones, the options and the classified changes.
struct SignalContext {
    let baseline: Zone
    let current: Zone
    let options: DiffOptions
    let changes: [RRsetChange]

    var origin: DomainName { current.origin }

    /// A signal about the changes at `indices` (the first gives owner, type,
    /// records and location).
    func signal(_ rule: AuditRule, _ message: String, changes indices: [Int],
                before: [Record]? = nil, after: [Record]? = nil) -> Signal {
        let first = indices.first.map { changes[$0] }
        let finding = rule.finding(
            message, zone: origin, owner: first?.owner, type: first?.type,
            before: before ?? first?.before ?? [], after: after ?? first?.after ?? [],
            location: first?.location)
        return Signal(finding: finding, changeIndices: indices)
    }

    /// A zone-level signal, located at the current SOA.
    func zoneSignal(_ rule: AuditRule, _ message: String, changes indices: [Int] = [],
                    before: [Record] = [], after: [Record] = []) -> Signal {
        let soa = current.rrset(origin, .soa)?.records ?? []
        let location = soa.first?.location ?? baseline.rrset(baseline.origin, .soa)?.records.first?.location
        let finding = rule.finding(message, zone: origin, owner: origin, type: .soa,
                                   before: before, after: after, location: location)
        return Signal(finding: finding, changeIndices: indices)
    }
}

/// One kind of further finding computed from the changes.
protocol SignalDetector: Sendable {
    func detect(_ context: SignalContext) -> [Signal]
}
