import ZoneModel

/// What a signal detector sees: both zones, the options and the classified changes.
struct SignalContext {
    let baseline: Zone
    let current: Zone
    let options: DiffOptions
    let changes: [RRsetChange]
    /// The fields detectors select on, without the records: filtering over
    /// these does not copy (and retain) every change for every detector.
    let traits: [ChangeTraits]

    init(baseline: Zone, current: Zone, options: DiffOptions, changes: [RRsetChange]) {
        self.baseline = baseline
        self.current = current
        self.options = options
        self.changes = changes
        var traits: [ChangeTraits] = []
        traits.reserveCapacity(changes.count)
        for index in changes.indices {
            traits.append(ChangeTraits(
                kind: changes[index].kind, type: changes[index].type, isNewOwner: changes[index].isNewOwner,
                isRoutineSerialChange: changes[index].isRoutineSerialChange,
                isWildcard: changes[index].owner.isWildcard))
        }
        self.traits = traits
    }

    var origin: DomainName { current.origin }

    /// Indices of the changes whose traits pass `test`.
    func indices(where test: (ChangeTraits) -> Bool) -> [Int] {
        traits.indices.filter { test(traits[$0]) }
    }

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

    /// A zone-level signal at the apex, located at the current SOA.
    func zoneSignal(_ rule: AuditRule, _ message: String, type: RRType? = nil, changes indices: [Int] = [],
                    before: [Record] = [], after: [Record] = []) -> Signal {
        let soa = current.rrset(origin, .soa)?.records ?? []
        let location = soa.first?.location ?? baseline.rrset(baseline.origin, .soa)?.records.first?.location
        let finding = rule.finding(message, zone: origin, owner: origin, type: type,
                                   before: before, after: after, location: location)
        return Signal(finding: finding, changeIndices: indices)
    }
}

/// One kind of further finding computed from the changes.
protocol SignalDetector: Sendable {
    func detect(_ context: SignalContext) -> [Signal]
}

/// A change's selection fields.
struct ChangeTraits {
    var kind: RRsetChange.Kind
    var type: RRType
    var isNewOwner: Bool
    var isRoutineSerialChange: Bool
    var isWildcard: Bool
}
