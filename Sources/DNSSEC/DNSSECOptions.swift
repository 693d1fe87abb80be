import Foundation
import ZoneModel

/// What a DNSSEC validation run is told. The validation time is an input, never
/// read from a clock inside the validator, so results are reproducible.
public struct DNSSECOptions: Sendable {
    /// The instant signatures are judged at (`--at`, or the caller's clock).
    public var validationTime: DNSSECTime
    /// DS or DNSKEY records for the zone apex. Empty: the zone's own DNSKEY
    /// RRset is taken as given (and a `dnssec.anchor-taken-as-given` note says so).
    public var trustAnchors: [Record]
    /// Signatures expiring within this many days give `dnssec.rrsig-expiring`.
    public var expiryWarningDays: Int
    /// Worker threads for signature verification and NSEC3 hashing (at least 1).
    /// Results do not depend on it.
    public var jobs: Int
    /// Check only the ZONEMD digest (signed zone or not), as `ldns-verify-zone -Z`.
    public var zonemdOnly: Bool
    /// At most this many findings per rule are listed; the rest are counted in a
    /// `dnssec.findings-truncated` note (a broken 1M-record zone stays readable).
    public var findingLimitPerRule: Int
    /// Signatures known to be cryptographically good from an earlier run (the
    /// verification cache). A signature whose digest is here is not verified
    /// again; every other check on it (signer, labels, TTLs, validity window)
    /// still runs. Whoever can write this set can vouch for a signature, so it
    /// must come from a store as trusted as the configuration.
    public var verifiedSignatures: Set<SignatureDigest>
    /// Lists every good signature's digest in `DNSSECReport.newlyVerified`
    /// (what a verification cache stores). Off, and with no
    /// `verifiedSignatures` to look up, no digest is computed: hashing the
    /// signed data a second time cost as much as 5% of a validation.
    public var recordsVerifiedSignatures: Bool

    public init(
        validationTime: DNSSECTime,
        trustAnchors: [Record] = [],
        expiryWarningDays: Int = 7,
        jobs: Int = DNSSECOptions.defaultJobs,
        zonemdOnly: Bool = false,
        findingLimitPerRule: Int = 200,
        verifiedSignatures: Set<SignatureDigest> = [],
        recordsVerifiedSignatures: Bool = false
    ) {
        self.validationTime = validationTime
        self.trustAnchors = trustAnchors
        self.expiryWarningDays = expiryWarningDays
        self.jobs = jobs
        self.zonemdOnly = zonemdOnly
        self.findingLimitPerRule = findingLimitPerRule
        self.verifiedSignatures = verifiedSignatures
        self.recordsVerifiedSignatures = recordsVerifiedSignatures
    }

    /// All active cores.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
