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
        let results = ParallelChunks.map(count: pieces.count, jobs: jobs, makeScratch: { SignedDataBuilder() }) { piece, builder in
            check(owners: pieces[piece], builder: &builder)
        }
        var total = Result(findings: FindingCollector(zone: layout.zone.origin, limit: findingLimit))
        for result in results { total.merge(result) }
        return total
    }

    /// Checks the RRsets and RRSIGs of a run of owners.
    func check(owners range: Range<Int>, builder: inout SignedDataBuilder) -> Result {
        let check = forAnotherThread()
        var result = Result(findings: FindingCollector(zone: check.layout.zone.origin, limit: findingLimit))
        check.layout.list.withOctets { octets in
            check.loweredApex.wire.withUnsafeBufferPointer { apex in
                for ownerIndex in range {
                    check.check(owner: check.layout.owners[ownerIndex], octets: octets, apex: apex,
                                into: &result, builder: &builder)
                }
            }
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

    /// Checks one owner's RRsets and RRSIGs, read in place from the zone's
    /// table: records are materialized only for findings. `apex` is the
    /// apex's wire form, lower-cased.
    private func check(
        owner: ZoneLayout.Owner, octets: RRsetOctets, apex: UnsafeBufferPointer<UInt8>,
        into result: inout Result, builder: inout SignedDataBuilder
    ) {
        guard let first = owner.range.first else { return }
        let list = layout.list
        // The owner as a DomainName, made only when a finding or a new
        // earliest expiry needs it.
        let name = { list.owner(at: first) }
        let runs = SignatureRuns(octets, at: owner.range.first { octets.type(at: $0) == .rrsig })
        func signatureRecords(_ places: Range<Int>) -> [Record] {
            places.map { list.record(at: runs.position!, runs.index($0)) }
        }
        builder.setOwner(octets.owner(at: first))
        var present = TypeSet()
        for position in owner.range where octets.type(at: position) != .rrsig {
            let type = octets.type(at: position)
            present.insert(type)
            let covered = runs.covering(type, octets)
            guard SignatureCheck.needsSignature(owner.kind, type) else {
                let count = covered.count
                if count > 0 && owner.kind != .outside {
                    let what = owner.kind == .delegation ? "delegation \(type) RRset" : "\(type) RRset below the cut (glue or occluded data)"
                    result.findings.add(.delegationSigned,
                                        "\(what) at \(name()) carries \(count) RRSIG(s); only authoritative data is signed (RFC 4035 2.2)",
                                        owner: name(), type: type, records: signatureRecords(covered))
                }
                result.unchecked += count
                continue
            }
            guard !covered.isEmpty else {
                result.findings.add(.rrsigMissing, "\(type) RRset at \(name()) has no RRSIG",
                                    owner: name(), type: type, records: list.rrset(at: position, owner: name()).records)
                continue
            }
            builder.setRecords(octets, at: position)
            var algorithms = AlgorithmSet()
            for place in covered {
                if let algorithm = check(signature: runs.index(place), at: runs.position!, over: position, name: name, kind: owner.kind,
                                         octets: octets, apex: apex, into: &result, builder: &builder) {
                    algorithms.insert(algorithm)
                }
            }
            for algorithm in keys.requiredAlgorithms where !algorithms.contains(algorithm) {
                result.findings.add(
                    .algorithmMissing,
                    "\(type) RRset at \(name()) has no RRSIG of algorithm \(DNSSECAlgorithm.mnemonic(algorithm)), which the DNSKEY RRset holds",
                    owner: name(), type: type, records: list.rrset(at: position, owner: name()).records)
            }
        }
        guard let signatures = runs.position else { return }
        for place in 0..<runs.count {
            let coveredType = runs.coveredType(at: place, octets)
            guard coveredType == .rrsig || !present.contains(coveredType) else { continue }
            result.unchecked += 1
            guard owner.kind != .outside else { continue }
            let record = list.record(at: signatures, runs.index(place))
            if record.rrsig == nil {
                result.findings.add(.rrsigMalformed, "RRSIG at \(name()) cannot be parsed",
                                    owner: name(), type: .rrsig, records: [record])
            } else {
                result.findings.add(.rrsigOrphan,
                                    "RRSIG at \(name()) covers \(coveredType), which has no RRset there",
                                    owner: name(), type: .rrsig, records: [record])
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

    /// Checks RRSIG `index` of the RRSIG RRset at `signatures` over the RRset
    /// at `position` (the builder holds its owner and canonical RDATA);
    /// returns its algorithm when it parses. The algorithm rule asks only
    /// whether an RRSIG of each algorithm exists: a bad one is reported under
    /// its own rule (invalid, expired, key missing), not a second time as a
    /// missing algorithm.
    private func check(
        signature index: Int, at signatures: Int, over position: Int, name: () -> DomainName, kind: ZoneLayout.Kind,
        octets: RRsetOctets, apex: UnsafeBufferPointer<UInt8>, into result: inout Result, builder: inout SignedDataBuilder
    ) -> UInt8? {
        let list = layout.list
        let type = octets.type(at: position)
        let rdata = octets.rdata(at: signatures, index)
        // The record itself is made only for a finding.
        let record = { list.record(at: signatures, index) }
        guard let rrsig = RRSIGFields(rdata) else {
            result.unchecked += 1
            result.findings.add(.rrsigMalformed, "RRSIG at \(name()) covering \(type) cannot be parsed",
                                owner: name(), type: .rrsig, records: [record()])
            return nil
        }
        // Built only when a finding needs it: most signatures are fine.
        func what() -> String {
            "RRSIG over \(name()) \(type) by key \(rrsig.keyTag) (\(DNSSECAlgorithm.mnemonic(rrsig.algorithm)))"
        }
        guard DomainName.equalIgnoringCase(rrsig.signer(rdata), apex) else {
            result.unchecked += 1
            let signer = record().rrsig.map { "\($0.signerName)" } ?? "?"
            result.findings.add(.rrsigSigner, "\(what()) names signer \(signer), not the apex \(layout.zone.origin)",
                                owner: name(), type: .rrsig, records: [record()])
            return rrsig.algorithm
        }
        if Int(rrsig.labels) != builder.expectedLabels {
            result.findings.add(.rrsigLabels, "\(what()) has Labels \(rrsig.labels); the owner name calls for \(builder.expectedLabels)",
                                owner: name(), type: .rrsig, records: [record()])
        }
        let rrsetTTL = octets.ttl(at: position, 0), ttl = octets.ttl(at: signatures, index)
        if rrsig.originalTTL != rrsetTTL || ttl != rrsetTTL {
            result.findings.add(
                .rrsigTTL,
                "\(what()) has TTL \(ttl) and Original TTL \(rrsig.originalTTL); the RRset's TTL is \(rrsetTTL)",
                owner: name(), type: .rrsig, records: [record()])
        }
        let current = checkWindow(rrsig, what: what, record: record, owner: name, covered: type, into: &result)

        let candidates = keys.candidates(keyTag: rrsig.keyTag, algorithm: rrsig.algorithm)
        guard !candidates.isEmpty else {
            result.unchecked += 1
            result.findings.add(.rrsigKeyMissing, "\(what()): no zone DNSKEY has that key tag and algorithm",
                                owner: name(), type: .rrsig, records: [record()])
            return rrsig.algorithm
        }
        guard LDNSVerificationKey.supports(algorithm: rrsig.algorithm) else {
            // Reported once per algorithm as dnssec.algorithm-unsupported.
            result.unchecked += 1
            return rrsig.algorithm
        }
        builder.build(rrsigRData: rdata, fields: rrsig, type: type, rrClass: octets.rrClass(at: position), loweredSigner: apex)
        let signature = rrsig.signature(rdata)
        var failure: LDNSError?
        var tried = false
        for candidate in candidates {
            guard let verifier = keys.entries[candidate].verifier else { continue }
            tried = true
            // The digest names this exact signature, data and key; the
            // cryptography is skipped only for a digest a good run recorded.
            let digest = usesDigests
                ? SignatureDigest(signedData: builder.bytes, signature: Array(signature),
                                  dnskeyRData: keys.entries[candidate].record.rdata)
                : nil
            let outcome: LDNSSignatureStatus
            if let digest, verifiedSignatures.contains(digest) {
                outcome = .valid
                result.reused.append(digest)
            } else {
                outcome = builder.bytes.withUnsafeBytes { verifier.verify(signature: signature, signedData: $0) }
                if case .valid = outcome, recordsVerifiedSignatures, let digest { result.newlyVerified.append(digest) }
            }
            switch outcome {
            case .valid:
                result.verified += 1
                if kind == .apex && type == .dnskey {
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
                            owner: name(), type: .rrsig, records: [record()])
        return rrsig.algorithm
    }

    /// The validity window, in serial arithmetic around the validation time.
    /// Returns true when the signature is inside its window.
    private func checkWindow(
        _ rrsig: RRSIGFields, what: () -> String, record: () -> Record, owner: () -> DomainName, covered type: RRType,
        into result: inout Result
    ) -> Bool {
        let inception = now.resolve(rrsig.inception)
        let expiration = now.resolve(rrsig.expiration)
        // An expiry names its owner only when it is the earliest so far.
        func note(_ earliest: inout Expiry?) {
            if let current = earliest, current.time <= expiration { return }
            earliest = Expiry(time: expiration, owner: owner(), type: type)
        }
        note(&result.earliest)
        var current = true
        if now < inception {
            current = false
            result.findings.add(.rrsigNotYetValid, "\(what()) is not valid before \(inception) (validation time \(now))",
                                owner: owner(), type: .rrsig, records: [record()])
        }
        if expiration < now {
            current = false
            result.findings.add(.rrsigExpired, "\(what()) expired at \(expiration) (validation time \(now))",
                                owner: owner(), type: .rrsig, records: [record()])
        } else {
            note(&result.earliestUnexpired)
            if expiration <= warnUntil {
                result.expiring += 1
                note(&result.earliestExpiring)
            }
        }
        return current
    }
}
