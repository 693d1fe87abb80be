import ZoneModel

/// `record.certificate-control`: what an attacker needs to get a certificate
/// for a name they redirected: an `_acme-challenge` TXT for a DNS-01
/// challenge, or a CAA record set that no longer stands in the way.
struct CertificateControl: SignalDetector {
    private static let acmeLabel = Array("_acme-challenge".utf8)

    func detect(_ context: SignalContext) -> [Signal] {
        var signals: [Signal] = []
        for index in context.indices(where: { $0.type == .txt || $0.type == .caa }) {
            let change = context.changes[index]
            if change.type == .txt, CertificateControl.isACMEChallenge(change.owner),
               change.kind == .added || (change.kind == .changed && !change.addedRData.isEmpty) {
                let subject = change.owner.parent?.presentation ?? change.owner.presentation
                signals.append(context.signal(
                    AuditRules.certificateControl,
                    "_acme-challenge TXT \(change.kind == .added ? "added" : "changed") at \(change.owner): a CA will issue a certificate for \(subject) to whoever set it",
                    changes: [index]))
            } else if change.type == .caa, let message = caaLoosening(change, baseline: context.baseline) {
                signals.append(context.signal(AuditRules.certificateControl, message, changes: [index]))
            }
        }
        return signals
    }

    static func isACMEChallenge(_ name: DomainName) -> Bool {
        let wire = name.wire
        guard wire.count > acmeLabel.count, Int(wire[0]) == acmeLabel.count else { return false }
        for (offset, byte) in acmeLabel.enumerated() where wire[1 + offset] | 0x20 != byte | 0x20 {
            return false
        }
        return true
    }

    /// Why a CAA change makes issuance easier, or nil when it does not.
    private func caaLoosening(_ change: RRsetChange, baseline: Zone) -> String? {
        let owner = change.owner.presentation
        switch change.kind {
        case .removed:
            return "CAA removed at \(owner) (was \(RecordSummary.values(change.before))): any CA may issue unless a parent's CAA applies"
        case .ttlChanged:
            return nil
        case .changed:
            let old = issuance(change.before), new = issuance(change.after)
            let added = new.filter { !old.contains($0) }
            if !added.isEmpty {
                return "CAA at \(owner) loosened: now also allows \(describe(added))"
            }
            if old.contains(where: { $0.tag == "issuewild" }) && !new.contains(where: { $0.tag == "issuewild" }) {
                return "CAA at \(owner) loosened: issuewild restrictions removed"
            }
            return nil
        case .added:
            // CAA is looked up at the closest name that has it (RFC 8659 section 3):
            // a new CAA below a stricter one overrides it.
            guard let (parent, parentCAA) = closestCAA(above: change.owner, in: baseline) else { return nil }
            let allowed = issuance(parentCAA)
            let added = issuance(change.after).filter { !allowed.contains($0) }
            guard !added.isEmpty else { return nil }
            return "CAA added at \(owner) overrides the stricter CAA of \(parent): now allows \(describe(added))"
        }
    }

    private struct Issuance: Hashable {
        var tag: String
        var value: String
    }

    private func issuance(_ records: [Record]) -> [Issuance] {
        records.compactMap { CAAData($0.rdata) }.filter(\.isIssuance).map {
            Issuance(tag: $0.tag, value: String(decoding: $0.value, as: UTF8.self).lowercased())
        }
    }

    private func describe(_ entries: [Issuance]) -> String {
        entries.prefix(4).map { "\($0.tag) \"\($0.value)\"" }.joined(separator: ", ")
    }

    private func closestCAA(above name: DomainName, in zone: Zone) -> (DomainName, [Record])? {
        var current = name.parent
        while let candidate = current, candidate.isSubdomain(of: zone.origin) {
            if let caa = zone.rrset(candidate, .caa) { return (candidate, caa.records) }
            current = candidate.parent
        }
        return nil
    }
}
