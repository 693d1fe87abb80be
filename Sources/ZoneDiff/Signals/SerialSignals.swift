import ZoneModel

/// `zone.soa-serial-unchanged` and `zone.soa-serial-decreased`.
struct SerialSignals: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        guard let oldRecord = context.baseline.rrset(context.baseline.origin, .soa)?.records.first,
              let newRecord = context.current.rrset(context.origin, .soa)?.records.first,
              let old = oldRecord.soa, let new = newRecord.soa else { return [] }
        switch SerialNumber.compare(old: old.serial, new: new.serial) {
        case .increased:
            return []
        case .decreased, .undefined:
            return [context.zoneSignal(
                AuditRules.soaSerialDecreased,
                "SOA serial went backwards from \(old.serial) to \(new.serial) (RFC 1982); secondaries keep the old zone",
                type: .soa, before: [oldRecord], after: [newRecord])]
        case .equal:
            let changed = context.indices(where: { !$0.isRoutineSerialChange }).count
            guard changed > 0 else { return [] }
            return [context.zoneSignal(
                AuditRules.soaSerialUnchanged,
                "\(changed) RRset\(changed == 1 ? "" : "s") changed but the SOA serial is still \(new.serial); secondaries will not pick the change up",
                type: .soa, before: [oldRecord], after: [newRecord])]
        }
    }
}
