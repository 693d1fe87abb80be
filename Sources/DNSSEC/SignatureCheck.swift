import LDNS
import ZoneModel

/// Keys to data: every RRSIG is checked (signer, labels, TTLs, validity window,
/// cryptography) and every authoritative RRset must carry a signature of each
/// algorithm in the DNSKEY RRset. Runs over pieces of the zone in parallel.
struct SignatureCheck: Sendable {
    var layout: ZoneLayout
    /// The apex lower-cased: the signer name of every RRSIG that gets as far
    /// as the cryptography, in the form the signed data holds it.
    private var loweredApex: DomainName
    let keys: KeyRing
    let now: DNSSECTime
    /// Signatures expiring at or before this instant get `dnssec.rrsig-expiring`.
    let warnUntil: DNSSECTime
    let findingLimit: Int
    /// The verification cache: signatures already known to be good.
    let verifiedSignatures: Set<SignatureDigest>
    /// Lists the digest of every good signature verified here (`Result.newlyVerified`).
    let recordsVerifiedSignatures: Bool

    init(layout: ZoneLayout, keys: KeyRing, now: DNSSECTime, warnUntil: DNSSECTime, findingLimit: Int,
         verifiedSignatures: Set<SignatureDigest>, recordsVerifiedSignatures: Bool) {
        self.layout = layout
        self.loweredApex = layout.zone.origin.lowercased
        self.keys = keys
        self.now = now
        self.warnUntil = warnUntil
        self.findingLimit = findingLimit
        self.verifiedSignatures = verifiedSignatures
        self.recordsVerifiedSignatures = recordsVerifiedSignatures
    }

    /// Owners per piece of parallel work: small enough to balance two cores
    /// on small zones, large enough that the per-piece merge costs nothing.
    static let ownersPerPiece = 256

    /// An RRSIG expiration, resolved against the validation time.
    struct Expiry: Sendable {
        let time: DNSSECTime
        let owner: DomainName
        let type: RRType

        static func earlier(_ lhs: Expiry?, _ rhs: Expiry?) -> Expiry? {
            guard let lhs else { return rhs }
            guard let rhs else { return lhs }
            return rhs.time < lhs.time ? rhs : lhs
        }
    }

    /// An RRSIG over the apex DNSKEY RRset that verified, and with which key.
    struct DNSKEYSigner: Sendable {
        let keyIndex: Int
        /// Inside its validity window at the validation time.
        let current: Bool
    }

    struct Result: Sendable {
        var findings: FindingCollector
        var verified = 0
        var bogus = 0
        var unchecked = 0
        var earliest: Expiry?
        /// The earliest expiration among signatures not yet expired.
        var earliestUnexpired: Expiry?
        var expiring = 0
        var earliestExpiring: Expiry?
        var dnskeySigners: [DNSKEYSigner] = []
        /// Good signatures verified by cryptography here (counted in `verified`).
        var newlyVerified: [SignatureDigest] = []
        /// Good signatures taken from the cache (counted in `verified` too).
        var reused: [SignatureDigest] = []

        mutating func merge(_ other: Result) {
            findings.merge(other.findings)
            verified += other.verified
            bogus += other.bogus
            unchecked += other.unchecked
            earliest = Expiry.earlier(earliest, other.earliest)
            earliestUnexpired = Expiry.earlier(earliestUnexpired, other.earliestUnexpired)
            expiring += other.expiring
            earliestExpiring = Expiry.earlier(earliestExpiring, other.earliestExpiring)
            dnskeySigners += other.dnskeySigners
            newlyVerified += other.newlyVerified
            reused += other.reused
        }
    }

    func run(jobs: Int) -> Result {
        let owners = layout.owners.count
        let pieces = ParallelChunks.pieces(count: owners, size: SignatureCheck.ownersPerPiece)
        let results = ParallelChunks.map(count: pieces.count, jobs: jobs, makeScratch: { [UInt8]() }) { piece, scratch in
            check(owners: pieces[piece], scratch: &scratch)
        }
        var total = Result(findings: FindingCollector(zone: layout.zone.origin, limit: findingLimit))
        for result in results { total.merge(result) }
        return total
    }

    /// Checks the RRsets and RRSIGs of a run of owners.
    func check(owners range: Range<Int>, scratch: inout [UInt8]) -> Result {
        let check = forAnotherThread()
        var result = Result(findings: FindingCollector(zone: check.layout.zone.origin, limit: findingLimit))
        for ownerIndex in range {
            check.check(owner: check.layout.owners[ownerIndex], into: &result, scratch: &scratch)
        }
        return result
    }

    /// This check reading the zone through objects of its own, for one
    /// piece's thread (see `Zone.forAnotherThread`).
    private func forAnotherThread() -> SignatureCheck {
        var copy = self
        copy.layout = layout.forAnotherThread()
        copy.loweredApex = copy.layout.zone.origin.lowercased
        return copy
    }

    /// Checks one owner's RRsets, materialized here and released when done,
    /// on this thread.
    private func check(owner: ZoneLayout.Owner, into result: inout Result, scratch: inout [UInt8]) {
        let rrsets = layout.rrsets(owner)
        guard let name = rrsets.first?.owner else { return }
        let loweredName = name.lowercased
        let signatures = rrsets.first { $0.type == .rrsig }?.records ?? []
        var coveredTypes: [RRType] = []
        for rrset in rrsets where rrset.type != .rrsig {
            coveredTypes.append(rrset.type)
            let covering = signatures.filter { $0.coveredType == rrset.type }
            guard SignatureCheck.needsSignature(owner.kind, rrset.type) else {
                if !covering.isEmpty && owner.kind != .outside {
                    let what = owner.kind == .delegation ? "delegation \(rrset.type) RRset" : "\(rrset.type) RRset below the cut (glue or occluded data)"
                    result.findings.add(.delegationSigned,
                                        "\(what) at \(name) carries \(covering.count) RRSIG(s); only authoritative data is signed (RFC 4035 2.2)",
                                        owner: name, type: rrset.type, records: covering)
                }
                result.unchecked += covering.count
                continue
            }
            guard !covering.isEmpty else {
                result.findings.add(.rrsigMissing, "\(rrset.type) RRset at \(name) has no RRSIG",
                                    owner: name, type: rrset.type, records: rrset.records)
                continue
            }
            let canonical = SignedData.canonicalRData(rrset)
            var algorithms: [UInt8] = []
            for signature in covering {
                if let algorithm = check(signature: signature, over: rrset, canonical: canonical, loweredOwner: loweredName,
                                         kind: owner.kind, into: &result, scratch: &scratch),
                   !algorithms.contains(algorithm) {
                    algorithms.append(algorithm)
                }
            }
            for algorithm in keys.requiredAlgorithms where !algorithms.contains(algorithm) {
                result.findings.add(
                    .algorithmMissing,
                    "\(rrset.type) RRset at \(name) has no RRSIG of algorithm \(DNSSECAlgorithm.mnemonic(algorithm)), which the DNSKEY RRset holds",
                    owner: name, type: rrset.type, records: rrset.records)
            }
        }
        for signature in signatures where !coveredTypes.contains(signature.coveredType) {
            result.unchecked += 1
            guard owner.kind != .outside else { continue }
            if signature.rrsig == nil {
                result.findings.add(.rrsigMalformed, "RRSIG at \(name) cannot be parsed",
                                    owner: name, type: .rrsig, records: [signature])
            } else {
                result.findings.add(.rrsigOrphan,
                                    "RRSIG at \(name) covers \(signature.coveredType), which has no RRset there",
                                    owner: name, type: .rrsig, records: [signature])
            }
        }
    }

    /// Signature digests are needed to look signatures up in the cache or to record them for it.
    private var usesDigests: Bool { recordsVerifiedSignatures || !verifiedSignatures.isEmpty }

    /// Authoritative data is signed (RFC 4035 section 2.2): everything at the
    /// apex and ordinary names, only DS and NSEC at a delegation, nothing below.
    static func needsSignature(_ kind: ZoneLayout.Kind, _ type: RRType) -> Bool {
        switch kind {
        case .apex, .authoritative: true
        case .delegation: type == .ds || type == .nsec
        case .belowCut, .outside: false
        }
    }

    /// Checks one RRSIG over `rrset`; returns its algorithm when it parses. The
    /// algorithm rule asks only whether an RRSIG of each algorithm exists: a
    /// bad one is reported under its own rule (invalid, expired, key missing),
    /// not a second time as a missing algorithm.
    private func check(
        signature record: Record, over rrset: RRset, canonical: [[UInt8]], loweredOwner: DomainName, kind: ZoneLayout.Kind,
        into result: inout Result, scratch: inout [UInt8]
    ) -> UInt8? {
        let name = rrset.owner
        guard let rrsig = record.rrsig, record.rdata.count >= 18 else {
            result.unchecked += 1
            result.findings.add(.rrsigMalformed, "RRSIG at \(name) covering \(rrset.type) cannot be parsed",
                                owner: name, type: .rrsig, records: [record])
            return nil
        }
        // Built only when a finding needs it: most signatures are fine.
        func what() -> String {
            "RRSIG over \(name) \(rrset.type) by key \(rrsig.keyTag) (\(DNSSECAlgorithm.mnemonic(rrsig.algorithm)))"
        }
        guard rrsig.signerName == layout.zone.origin else {
            result.unchecked += 1
            result.findings.add(.rrsigSigner, "\(what()) names signer \(rrsig.signerName), not the apex \(layout.zone.origin)",
                                owner: name, type: .rrsig, records: [record])
            return rrsig.algorithm
        }
        let expectedLabels = name.labelCount - (name.isWildcard ? 1 : 0)
        if Int(rrsig.labels) != expectedLabels {
            result.findings.add(.rrsigLabels, "\(what()) has Labels \(rrsig.labels); the owner name calls for \(expectedLabels)",
                                owner: name, type: .rrsig, records: [record])
        }
        if rrsig.originalTTL != rrset.ttl || record.ttl != rrset.ttl {
            result.findings.add(
                .rrsigTTL,
                "\(what()) has TTL \(record.ttl) and Original TTL \(rrsig.originalTTL); the RRset's TTL is \(rrset.ttl)",
                owner: name, type: .rrsig, records: [record])
        }
        let current = checkWindow(rrsig, what: what, record: record, covered: rrset, into: &result)

        let candidates = keys.candidates(keyTag: rrsig.keyTag, algorithm: rrsig.algorithm)
        guard !candidates.isEmpty else {
            result.unchecked += 1
            result.findings.add(.rrsigKeyMissing, "\(what()): no zone DNSKEY has that key tag and algorithm",
                                owner: name, type: .rrsig, records: [record])
            return rrsig.algorithm
        }
        guard LDNSVerificationKey.supports(algorithm: rrsig.algorithm) else {
            // Reported once per algorithm as dnssec.algorithm-unsupported.
            result.unchecked += 1
            return rrsig.algorithm
        }
        SignedData.build(into: &scratch, rrsigRData: record.rdata, rrsig: rrsig, rrset: rrset, canonicalRData: canonical,
                         loweredOwner: loweredOwner, loweredSigner: loweredApex)
        var failure: LDNSError?
        var tried = false
        for candidate in candidates {
            guard let verifier = keys.entries[candidate].verifier else { continue }
            tried = true
            // The digest names this exact signature, data and key; the
            // cryptography is skipped only for a digest a good run recorded.
            let digest = usesDigests
                ? SignatureDigest(signedData: scratch, signature: rrsig.signature,
                                  dnskeyRData: keys.entries[candidate].record.rdata)
                : nil
            let outcome: LDNSSignatureStatus
            if let digest, verifiedSignatures.contains(digest) {
                outcome = .valid
                result.reused.append(digest)
            } else {
                outcome = verifier.verify(signature: rrsig.signature, signedData: scratch)
                if case .valid = outcome, recordsVerifiedSignatures, let digest { result.newlyVerified.append(digest) }
            }
            switch outcome {
            case .valid:
                result.verified += 1
                if kind == .apex && rrset.type == .dnskey {
                    result.dnskeySigners.append(DNSKEYSigner(keyIndex: candidate, current: current))
                }
                return rrsig.algorithm
            case .bogus:
                continue
            case .failed(let error):
                failure = error
            }
        }
        guard tried else {
            // Every matching key failed to parse: reported as dnssec.dnskey-malformed.
            result.unchecked += 1
            return rrsig.algorithm
        }
        result.bogus += 1
        let reason = failure.map { " (\($0.message))" } ?? ""
        result.findings.add(.rrsigInvalid, "\(what()) does not verify\(reason)",
                            owner: name, type: .rrsig, records: [record])
        return rrsig.algorithm
    }

    /// The validity window, in serial arithmetic around the validation time.
    /// Returns true when the signature is inside its window.
    private func checkWindow(
        _ rrsig: RRSIGData, what: () -> String, record: Record, covered rrset: RRset, into result: inout Result
    ) -> Bool {
        let inception = now.resolve(rrsig.inception)
        let expiration = now.resolve(rrsig.expiration)
        let expiry = Expiry(time: expiration, owner: rrset.owner, type: rrset.type)
        result.earliest = Expiry.earlier(result.earliest, expiry)
        var current = true
        if now < inception {
            current = false
            result.findings.add(.rrsigNotYetValid, "\(what()) is not valid before \(inception) (validation time \(now))",
                                owner: rrset.owner, type: .rrsig, records: [record])
        }
        if expiration < now {
            current = false
            result.findings.add(.rrsigExpired, "\(what()) expired at \(expiration) (validation time \(now))",
                                owner: rrset.owner, type: .rrsig, records: [record])
        } else {
            result.earliestUnexpired = Expiry.earlier(result.earliestUnexpired, expiry)
            if expiration <= warnUntil {
                result.expiring += 1
                result.earliestExpiring = Expiry.earlier(result.earliestExpiring, expiry)
            }
        }
        return current
    }
}
