import ZoneModel

/// `dnssec.dnskey-changed`: a key added or removed at the apex. Rollovers do
/// this on schedule; an attacker who controls the zone does it too.
struct DNSKEYChanged: SignalDetector {
    func detect(_ context: SignalContext) -> [Signal] {
        var signals: [Signal] = []
        for index in context.indices(where: { $0.type == .dnskey && $0.kind != .ttlChanged }) {
            let change = context.changes[index]
            guard change.owner == context.origin else { continue }
            let added = keys(change.after, notIn: change.before)
            let removed = keys(change.before, notIn: change.after)
            var parts: [String] = []
            if !added.isEmpty { parts.append("added \(RecordSummary.values(added))") }
            if !removed.isEmpty { parts.append("removed \(RecordSummary.values(removed))") }
            guard !parts.isEmpty else { continue }
            signals.append(context.signal(
                AuditRules.dnskeyChanged,
                "DNSKEY set of \(context.origin) changed: " + parts.joined(separator: "; "),
                changes: [index]))
        }
        return signals
    }

    private func keys(_ records: [Record], notIn other: [Record]) -> [Record] {
        let known = Set(other.map(\.canonicalRData))
        return records.filter { !known.contains($0.canonicalRData) }
    }
}
