import LDNS
import ZoneModel

/// Trust anchor to keys: the DNSKEY RRset must be signed, validly and at the
/// validation time, by a key that matches an anchor (a DS digest or an equal
/// DNSKEY). With no anchor, by any key of the set itself, and the report says
/// the set was taken as given.
struct TrustCheck {
    let origin: DomainName
    let keys: KeyRing
    let anchors: [Record]

    /// Decides the trust basis from the keys that verifiably signed the DNSKEY
    /// RRset (from the signature pass).
    func run(signers: [SignatureCheck.DNSKEYSigner], findings: inout FindingCollector) -> (DNSSECSummary.Trust, Set<Int>) {
        let currentSigners = Set(signers.filter(\.current).map(\.keyIndex))
        if anchors.isEmpty {
            findings.add(.anchorTakenAsGiven,
                         "no trust anchor given: the DNSKEY RRset of \(origin) is trusted as it stands (its own signatures are checked)",
                         owner: origin, type: .dnskey)
            guard !currentSigners.isEmpty else {
                findings.add(.dnskeyUnsigned,
                             "the DNSKEY RRset has no valid signature by one of its own keys at the validation time",
                             owner: origin, type: .dnskey)
                return (.broken, [])
            }
            return (.takenAsGiven, [])
        }
        let anchored = matchingKeys(findings: &findings)
        guard !anchored.isEmpty else {
            let tags = keys.entries.map { String($0.keyTag) }.joined(separator: ", ")
            findings.add(.noTrustAnchorMatch,
                         "none of the zone's DNSKEYs (key tags \(tags)) matches any of the \(anchors.count) trust anchor(s)",
                         owner: origin, type: .dnskey, records: anchors)
            return (.broken, [])
        }
        let trustedSigners = anchored.intersection(currentSigners)
        guard !trustedSigners.isEmpty else {
            let tags = anchored.sorted().map { String(keys.entries[$0].keyTag) }.joined(separator: ", ")
            findings.add(.dnskeyUnsigned,
                         "the DNSKEY RRset has no valid signature at the validation time by the anchored key(s) \(tags)",
                         owner: origin, type: .dnskey)
            return (.broken, anchored)
        }
        return (.anchored(keyTags: trustedSigners.map { keys.entries[$0].keyTag }.sorted()), anchored)
    }

    /// Indices of the keys some anchor matches; unusable anchors are reported.
    private func matchingKeys(findings: inout FindingCollector) -> Set<Int> {
        var matched = Set<Int>()
        for anchor in anchors {
            guard anchor.owner == origin else {
                findings.add(.anchorUnusable, "trust anchor for \(anchor.owner) does not apply to the zone \(origin)",
                             owner: anchor.owner, type: anchor.type, records: [anchor])
                continue
            }
            switch anchor.type {
            case .ds:
                guard let ds = anchor.ds else {
                    findings.add(.anchorUnusable, "DS trust anchor cannot be parsed", owner: origin, type: .ds, records: [anchor])
                    continue
                }
                guard LDNSDigest.supportsDS(digestType: ds.digestType) else {
                    findings.add(.anchorUnusable, "DS trust anchor \(ds.keyTag) uses digest type \(ds.digestType), which is not supported",
                                 owner: origin, type: .ds, records: [anchor])
                    continue
                }
                for (index, entry) in keys.entries.enumerated()
                where entry.keyTag == ds.keyTag && entry.data.algorithm == ds.algorithm {
                    let computed = try? LDNSDigest.dsRecord(for: entry.record, digestType: ds.digestType).ds?.digest
                    if computed == ds.digest { matched.insert(index) }
                }
            case .dnskey:
                for (index, entry) in keys.entries.enumerated() where entry.record.rdata == anchor.rdata {
                    matched.insert(index)
                }
            default:
                findings.add(.anchorUnusable, "a trust anchor must be a DS or DNSKEY record, not \(anchor.type)",
                             owner: origin, type: anchor.type, records: [anchor])
            }
        }
        return matched
    }
}
