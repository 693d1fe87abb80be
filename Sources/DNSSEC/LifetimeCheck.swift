import ZoneModel

/// Signature lifetime against the zone's own timers: a secondary keeps serving
/// the zone for up to SOA expire after it last reached the primary, and
/// resolvers keep answers for up to the largest TTL. If the earliest RRSIG
/// expiration comes before now + expire + that TTL, secondaries (and caches)
/// can end up serving expired signatures.
struct LifetimeCheck {
    let layout: ZoneLayout
    let now: DNSSECTime

    func run(earliest: SignatureCheck.Expiry?, findings: inout FindingCollector) {
        guard let earliest, let soa = layout.zone.soa else { return }
        let largestTTL = layout.list.largestTTL
        let needed = now + Int64(soa.expire) + Int64(largestTTL)
        guard earliest.time < needed else { return }
        findings.add(
            .signatureLifetimeShort,
            "the earliest RRSIG expiration, over \(earliest.owner) \(earliest.type) at \(earliest.time), comes before now + SOA expire (\(soa.expire)s) + the largest TTL (\(largestTTL)s) = \(needed): secondaries that lose the primary could serve expired signatures",
            owner: earliest.owner, type: earliest.type)
    }
}
