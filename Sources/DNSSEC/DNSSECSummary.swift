import ZoneModel

/// What a validation found, beyond the findings: the numbers a report prints.
public struct DNSSECSummary: Sendable, Equatable {
    /// How the DNSKEY RRset came to be trusted.
    public enum Trust: Sendable, Equatable {
        /// The zone has no DNSKEY RRset.
        case unsigned
        /// No anchor was given; the zone's own keys were taken as given.
        case takenAsGiven
        /// The DNSKEY RRset is signed by the keys with these tags, which match anchors.
        case anchored(keyTags: [UInt16])
        /// Anchors were given and none leads to a validly signed DNSKEY RRset.
        case broken
        /// Only the ZONEMD was checked.
        case notChecked
    }

    /// The denial-of-existence scheme the zone uses.
    public enum Denial: Sendable, Equatable {
        case none
        case nsec(records: Int)
        case nsec3(records: Int, hashAlgorithm: UInt8, iterations: UInt16, salt: [UInt8], optOut: Bool, optedOutDelegations: Int)
        case both
    }

    /// The outcome of the ZONEMD check.
    public enum ZONEMDStatus: Sendable, Equatable {
        /// No ZONEMD at the apex.
        case absent
        /// At least one supported ZONEMD matched; the (scheme, hash) pairs that did.
        case verified([ZONEMDPair])
        /// ZONEMDs are present and none with a supported scheme and hash matched.
        case failed
        /// ZONEMDs are present but none has a supported scheme and hash.
        case unsupported
    }

    public struct ZONEMDPair: Sendable, Equatable, Hashable {
        public var scheme: UInt8
        public var hashAlgorithm: UInt8

        public init(scheme: UInt8, hashAlgorithm: UInt8) {
            self.scheme = scheme
            self.hashAlgorithm = hashAlgorithm
        }
    }

    /// One DNSKEY of the apex RRset.
    public struct Key: Sendable, Equatable {
        public var keyTag: UInt16
        public var algorithm: UInt8
        public var flags: UInt16
        /// True when a trust anchor matches this key.
        public var anchored: Bool
        /// True when zoneaudit can verify signatures of this algorithm.
        public var supported: Bool

        public init(keyTag: UInt16, algorithm: UInt8, flags: UInt16, anchored: Bool, supported: Bool) {
            self.keyTag = keyTag
            self.algorithm = algorithm
            self.flags = flags
            self.anchored = anchored
            self.supported = supported
        }
    }

    public var trust: Trust = .unsigned
    public var keys: [Key] = []
    /// Algorithms of the zone keys, ascending.
    public var algorithms: [UInt8] = []
    /// RRSIG records in the zone.
    public var signatures: Int = 0
    /// RRSIGs whose signature verified (whatever their validity window),
    /// including those taken from the verification cache.
    public var signaturesVerified: Int = 0
    /// Of `signaturesVerified`, those whose cryptography was skipped because
    /// the verification cache held the very same signature, data and key.
    public var signaturesCached: Int = 0
    /// RRSIGs that did not verify.
    public var signaturesBogus: Int = 0
    /// RRSIGs not checked: unsupported algorithm, no matching key, malformed,
    /// or over data that is not authoritative.
    public var signaturesUnchecked: Int = 0
    /// The earliest expiration among the RRSIGs, resolved against the validation time.
    public var earliestExpiration: DNSSECTime?
    public var earliestExpirationOwner: DomainName?
    public var earliestExpirationType: RRType?
    public var denial: Denial = .none
    public var zonemd: ZONEMDStatus = .absent
    /// The time the zone was judged at.
    public var validationTime: DNSSECTime

    public init(validationTime: DNSSECTime) {
        self.validationTime = validationTime
    }

    /// Mnemonics of `algorithms` (`ECDSAP256SHA256`, ...).
    public var algorithmNames: [String] { algorithms.map(DNSSECAlgorithm.mnemonic) }
}

/// Names of DNSSEC algorithm numbers (IANA registry).
public enum DNSSECAlgorithm {
    public static func mnemonic(_ number: UInt8) -> String {
        switch number {
        case 1: "RSAMD5"
        case 3: "DSA"
        case 5: "RSASHA1"
        case 6: "DSA-NSEC3-SHA1"
        case 7: "RSASHA1-NSEC3-SHA1"
        case 8: "RSASHA256"
        case 10: "RSASHA512"
        case 12: "ECC-GOST"
        case 13: "ECDSAP256SHA256"
        case 14: "ECDSAP384SHA384"
        case 15: "ED25519"
        case 16: "ED448"
        case 253: "PRIVATEDNS"
        case 254: "PRIVATEOID"
        default: "ALG\(number)"
        }
    }
}

/// The result of a validation run.
public struct DNSSECReport: Sendable {
    /// Findings in `Finding.reportOrder`.
    public var findings: [Finding]
    public var summary: DNSSECSummary
    /// Signatures that verified by cryptography in this run: what a
    /// verification cache adds.
    public var newlyVerified: [SignatureDigest]
    /// Signatures taken from `DNSSECOptions.verifiedSignatures` in this run:
    /// what a verification cache keeps (the rest of it is no longer in the zone).
    public var reusedVerified: [SignatureDigest]

    public init(findings: [Finding], summary: DNSSECSummary,
                newlyVerified: [SignatureDigest] = [], reusedVerified: [SignatureDigest] = []) {
        self.findings = findings
        self.summary = summary
        self.newlyVerified = newlyVerified
        self.reusedVerified = reusedVerified
    }

    /// True when no finding is at error level (critical or high): the zone
    /// validates. Warnings and notes (expiring soon, opt-out) do not fail it.
    public var isValid: Bool { !findings.contains { $0.level == .error } }

    /// The findings of one rule.
    public func findings(_ rule: DNSSECRule) -> [Finding] { findings.filter { $0.rule == rule.id } }
}
