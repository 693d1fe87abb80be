import ZoneModel

/// `dnssec.signing-removed`: the baseline was signed, the zone is not.
struct SigningRemoved: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        guard context.baseline.isSigned, !context.current.isSigned else { return [] }
        let keys = context.baseline.rrset(context.baseline.origin, .dnskey)?.records ?? []
        let indices = context.indices(where: { $0.type == .dnskey }).filter { context.changes[$0].owner == context.origin }
        return [context.zoneSignal(
            AuditRules.signingRemoved,
            "the baseline of \(context.origin) is signed but the zone is not: DNSSEC protection is gone",
            type: .dnskey, changes: indices, before: keys)]
    }
}
