import ZoneModel

/// `record.mail-redirect`: mail goes elsewhere, either because an MX set
/// changed or because a mail host's address did. Password resets and
/// domain-validation mail follow it.
struct MailRedirect: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        var signals: [Signal] = []
        var addressChanges: [Int] = []
        let relevant = context.indices(where: {
            $0.kind != .ttlChanged && ($0.type == .mx || $0.type == .a || $0.type == .aaaa)
        })
        for index in relevant {
            let change = context.changes[index]
            if change.type == .mx && change.kind != .removed {
                let verb = change.kind == .added ? "now goes to" : "redirected to"
                var message = "mail for \(change.owner) \(verb) \(RecordSummary.values(change.after))"
                if change.kind == .changed { message += " (was \(RecordSummary.values(change.before)))" }
                signals.append(context.signal(AuditRules.mailRedirect, message, changes: [index]))
            } else if change.type == .a || change.type == .aaaa {
                addressChanges.append(index)
            }
        }
        guard !addressChanges.isEmpty else { return signals }
        // Only the few changed address owners are looked up; the zones'
        // MX sets are scanned once, not indexed.
        let hosts = Set(addressChanges.map { context.changes[$0].owner })
        var exchangers: [DomainName: DomainName] = [:]
        for zone in [context.current, context.baseline] {
            let rrsets = zone.rrsets
            for position in rrsets.indices where rrsets.type(at: position) == .mx {
                let rrset = rrsets[position]
                for record in rrset.records {
                    if let exchange = record.mx?.exchange, hosts.contains(exchange), exchangers[exchange] == nil {
                        exchangers[exchange] = rrset.owner
                    }
                }
            }
        }
        for index in addressChanges {
            let change = context.changes[index]
            guard let domain = exchangers[change.owner] else { continue }
            signals.append(context.signal(
                AuditRules.mailRedirect,
                "address of the mail host \(change.owner) (MX of \(domain)) changed: \(RecordSummary.values(change.before)) -> \(RecordSummary.values(change.after))",
                changes: [index]))
        }
        return signals
    }
}
