import LDNS
import ZoneModel

/// Validates a zone's DNSSEC as a whole: trust anchor to keys, keys to every
/// authoritative RRset, the NSEC or NSEC3 chain, ZONEMD, and signature
/// lifetimes against the zone's timers.
///
/// The cryptography (signature checks, DS digests, NSEC3 hashes, key parsing)
/// goes through ldns; the walking (grouping, chains, digests) is this module's
/// own bounded code, because ldns 1.8.3's zone walkers hang on crafted and even
/// on honest NSEC3+ZONEMD zones (ldns issue 287). Time checks use RFC 4034
/// serial arithmetic around `options.validationTime`, never ldns's.
public struct DNSSECValidator: Sendable {
    public let options: DNSSECOptions

    public init(options: DNSSECOptions) {
        self.options = options
    }

    public func validate(_ zone: Zone) -> DNSSECReport {
        var findings = FindingCollector(zone: zone.origin, limit: options.findingLimitPerRule)
        var summary = DNSSECSummary(validationTime: options.validationTime)
        let jobs = max(1, options.jobs)

        if options.zonemdOnly {
            summary.trust = .notChecked
            summary.zonemd = ZoneDigestCheck(zone: zone, zonemdOnly: true).run(findings: &findings)
            return DNSSECReport(findings: findings.finish(), summary: summary)
        }

        let layout = ZoneLayout(zone: zone)
        let dnskeys = zone.rrset(zone.origin, .dnskey)
        // Counted from the record table: no RRset is materialized for this.
        let list = zone.rrsets
        summary.signatures = list.indices.reduce(0) { $0 + (list.type(at: $1) == .rrsig ? list.recordCount(at: $1) : 0) }
        guard dnskeys != nil else {
            if options.trustAnchors.isEmpty {
                findings.add(.unsigned, "\(zone.origin) has no DNSKEY RRset: the zone is not signed; only ZONEMD is checked",
                             owner: zone.origin, type: .dnskey)
            } else {
                findings.add(.dnskeyMissing,
                             "trust anchors were given for \(zone.origin) but the zone has no DNSKEY RRset",
                             owner: zone.origin, type: .dnskey, records: options.trustAnchors)
            }
            summary.trust = options.trustAnchors.isEmpty ? .unsigned : .broken
            summary.signaturesUnchecked = summary.signatures
            summary.zonemd = ZoneDigestCheck(zone: zone, zonemdOnly: false).run(findings: &findings)
            return DNSSECReport(findings: findings.finish(), summary: summary)
        }

        let keys = KeyRing(dnskeys: dnskeys, findings: &findings)
        for algorithm in keys.unsupportedAlgorithms {
            findings.add(.algorithmUnsupported,
                         "DNSKEY algorithm \(DNSSECAlgorithm.mnemonic(algorithm)) is not validated (RFC 8624); its signatures are not checked",
                         owner: zone.origin, type: .dnskey)
        }
        summary.algorithms = Array(Set(keys.entries.filter(\.isZoneKey).map(\.data.algorithm))).sorted()

        let now = options.validationTime
        // Denial and ZONEMD need nothing from the signatures: they run beside
        // them instead of alone afterwards.
        let (signatures, proof) = ParallelChunks.alongside(jobs: jobs, {
            SignatureCheck(
                layout: layout, keys: keys, now: now,
                warnUntil: now + Int64(max(0, options.expiryWarningDays)) * 86_400,
                findingLimit: options.findingLimitPerRule,
                verifiedSignatures: options.verifiedSignatures,
                recordsVerifiedSignatures: options.recordsVerifiedSignatures
            ).run(jobs: jobs)
        }, background: { checkProof(layout.forAnotherThread(), jobs: jobs) })
        findings.merge(signatures.findings)
        summary.signaturesVerified = signatures.verified
        summary.signaturesCached = signatures.reused.count
        summary.signaturesBogus = signatures.bogus
        summary.signaturesUnchecked = signatures.unchecked
        summary.earliestExpiration = signatures.earliest?.time
        summary.earliestExpirationOwner = signatures.earliest?.owner
        summary.earliestExpirationType = signatures.earliest?.type
        reportExpiring(signatures, findings: &findings)
        LifetimeCheck(layout: layout, now: now).run(earliest: signatures.earliestUnexpired, findings: &findings)

        let (trust, anchored) = TrustCheck(origin: zone.origin, keys: keys, anchors: options.trustAnchors)
            .run(signers: signatures.dnskeySigners, findings: &findings)
        summary.trust = trust
        summary.keys = keys.entries.enumerated().map { index, entry in
            DNSSECSummary.Key(keyTag: entry.keyTag, algorithm: entry.data.algorithm, flags: entry.data.flags,
                              anchored: anchored.contains(index), supported: entry.verifier != nil)
        }

        summary.denial = proof.denial
        summary.zonemd = proof.zonemd
        findings.merge(proof.findings)
        return DNSSECReport(findings: findings.finish(), summary: summary,
                            newlyVerified: signatures.newlyVerified, reusedVerified: signatures.reused)
    }

    private func reportExpiring(_ signatures: SignatureCheck.Result, findings: inout FindingCollector) {
        guard let first = signatures.earliestExpiring else { return }
        findings.add(.rrsigExpiring,
                     "\(signatures.expiring) RRSIG(s) expire within \(options.expiryWarningDays) day(s); the earliest, over \(first.owner) \(first.type), at \(first.time)",
                     owner: first.owner, type: first.type)
    }

    /// The denial chain and ZONEMD, with findings of their own.
    private func checkProof(_ layout: ZoneLayout, jobs: Int)
        -> (denial: DNSSECSummary.Denial, zonemd: DNSSECSummary.ZONEMDStatus, findings: FindingCollector)
    {
        var findings = FindingCollector(zone: layout.zone.origin, limit: options.findingLimitPerRule)
        let denial = checkDenial(layout, jobs: jobs, findings: &findings)
        let zonemd = ZoneDigestCheck(zone: layout.zone, zonemdOnly: false).run(findings: &findings)
        return (denial, zonemd, findings)
    }

    private func checkDenial(_ layout: ZoneLayout, jobs: Int, findings: inout FindingCollector) -> DNSSECSummary.Denial {
        let zone = layout.zone
        let hasNSEC = layout.contains(.nsec)
        let hasNSEC3 = layout.contains(.nsec3)
        switch (hasNSEC, hasNSEC3) {
        case (false, false):
            findings.add(.denialMissing, "the zone is signed but has neither NSEC nor NSEC3 records",
                         owner: zone.origin)
            return .none
        case (true, false):
            return .nsec(records: NSECCheck(layout: layout).run(findings: &findings))
        case (false, true):
            return NSEC3Check(layout: layout, jobs: jobs).run(findings: &findings)
        case (true, true):
            findings.add(.denialMixed, "the zone carries both NSEC and NSEC3 records; both chains are checked",
                         owner: zone.origin)
            _ = NSECCheck(layout: layout).run(findings: &findings)
            _ = NSEC3Check(layout: layout, jobs: jobs).run(findings: &findings)
            return .both
        }
    }
}
