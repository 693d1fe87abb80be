import ZoneModel

/// The `dnssec.*` rules: the id and the severity each finding carries.
/// Rule ids are interface (policies, SARIF and history key on them).
public struct DNSSECRule: Sendable, Hashable {
    public let id: RuleID
    public let severity: Severity
    /// One line for documentation and `--list-rules` style output.
    public let summary: String

    init(_ id: String, _ severity: Severity, _ summary: String) {
        self.id = RuleID(id)
        self.severity = severity
        self.summary = summary
    }

    // Trust: anchors to the DNSKEY RRset.
    public static let unsigned = DNSSECRule(
        "dnssec.unsigned", .info, "the zone has no DNSKEY RRset at the apex: it is not signed")
    public static let dnskeyMissing = DNSSECRule(
        "dnssec.dnskey-missing", .critical, "trust anchors were given but the zone has no DNSKEY RRset")
    public static let anchorTakenAsGiven = DNSSECRule(
        "dnssec.anchor-taken-as-given", .info, "no trust anchor: the zone's own DNSKEY RRset is trusted as it stands")
    public static let anchorUnusable = DNSSECRule(
        "dnssec.anchor-unusable", .medium, "a trust anchor is for another name, of another type, or uses an unsupported digest")
    public static let noTrustAnchorMatch = DNSSECRule(
        "dnssec.no-trust-anchor-match", .critical, "no DNSKEY of the zone matches any trust anchor")
    public static let dnskeyUnsigned = DNSSECRule(
        "dnssec.dnskey-unsigned", .critical, "the DNSKEY RRset has no valid signature by a trusted key at the validation time")
    public static let dnskeyMalformed = DNSSECRule(
        "dnssec.dnskey-malformed", .high, "a DNSKEY cannot be parsed (bad RDATA, protocol not 3, or key material ldns rejects)")
    public static let algorithmUnsupported = DNSSECRule(
        "dnssec.algorithm-unsupported", .medium, "a DNSKEY algorithm zoneaudit does not validate (RFC 8624): its signatures are not checked")

    // Keys to data.
    public static let rrsigMissing = DNSSECRule(
        "dnssec.rrsig-missing", .high, "an authoritative RRset has no RRSIG")
    public static let rrsigInvalid = DNSSECRule(
        "dnssec.rrsig-invalid", .high, "an RRSIG does not verify with the DNSKEY it names (bogus)")
    public static let rrsigKeyMissing = DNSSECRule(
        "dnssec.rrsig-key-missing", .high, "an RRSIG names a key tag and algorithm no zone DNSKEY has")
    public static let rrsigMalformed = DNSSECRule(
        "dnssec.rrsig-malformed", .high, "an RRSIG's RDATA cannot be parsed")
    public static let rrsigExpired = DNSSECRule(
        "dnssec.rrsig-expired", .high, "an RRSIG's expiration is before the validation time")
    public static let rrsigNotYetValid = DNSSECRule(
        "dnssec.rrsig-not-yet-valid", .high, "an RRSIG's inception is after the validation time")
    public static let rrsigExpiring = DNSSECRule(
        "dnssec.rrsig-expiring", .medium, "RRSIGs expire within the expiry-warning window; the earliest is named")
    public static let signatureLifetimeShort = DNSSECRule(
        "dnssec.signature-lifetime-short", .medium,
        "the earliest RRSIG expiration comes before now + SOA expire + the largest TTL: secondaries could serve expired signatures")
    public static let algorithmMissing = DNSSECRule(
        "dnssec.algorithm-missing", .high, "an RRset lacks an RRSIG of an algorithm in the DNSKEY RRset (RFC 4035 2.2, RFC 6840 5.11)")
    public static let delegationSigned = DNSSECRule(
        "dnssec.delegation-signed", .high, "delegation NS, glue or occluded data carries an RRSIG")
    public static let rrsigLabels = DNSSECRule(
        "dnssec.rrsig-labels", .high, "an RRSIG's Labels field does not match its owner name")
    public static let rrsigTTL = DNSSECRule(
        "dnssec.rrsig-ttl", .medium, "an RRSIG's TTL or Original TTL differs from the TTL of the RRset it covers")
    public static let rrsigSigner = DNSSECRule(
        "dnssec.rrsig-signer", .high, "an RRSIG's signer name is not the zone apex")
    public static let rrsigOrphan = DNSSECRule(
        "dnssec.rrsig-orphan", .medium, "an RRSIG covers a type that has no RRset at its owner")

    // Denial of existence.
    public static let denialMissing = DNSSECRule(
        "dnssec.denial-missing", .high, "the signed zone has neither an NSEC nor an NSEC3 chain")
    public static let denialMixed = DNSSECRule(
        "dnssec.denial-mixed", .medium, "the zone carries both NSEC and NSEC3 records")
    public static let nsecChainBroken = DNSSECRule(
        "dnssec.nsec-chain-broken", .high, "the NSEC chain is incomplete, out of canonical order or not closed")
    public static let nsecBitmapMismatch = DNSSECRule(
        "dnssec.nsec-bitmap-mismatch", .high, "an NSEC type bitmap differs from the types at its owner")
    public static let nsec3ParamMismatch = DNSSECRule(
        "dnssec.nsec3-param-mismatch", .medium,
        "NSEC3 records use another hash algorithm, iterations or salt than NSEC3PARAM (a stale or second chain), or the apex has several NSEC3PARAMs")
    public static let nsec3ParamMissing = DNSSECRule(
        "dnssec.nsec3param-missing", .medium, "NSEC3 records exist but the apex has no usable NSEC3PARAM")
    public static let nsec3HashMismatch = DNSSECRule(
        "dnssec.nsec3-hash-mismatch", .high, "an NSEC3 owner hash is the hash of no name in the zone")
    public static let nsec3ChainBroken = DNSSECRule(
        "dnssec.nsec3-chain-broken", .high, "the NSEC3 chain is incomplete, not in hash order, or not closed")
    public static let nsec3BitmapMismatch = DNSSECRule(
        "dnssec.nsec3-bitmap-mismatch", .high, "an NSEC3 type bitmap differs from the types at the name it hashes")
    public static let nsec3Malformed = DNSSECRule(
        "dnssec.nsec3-malformed", .high, "an NSEC3 owner is not one base32hex hash label below the apex, or its RDATA is malformed")
    public static let nsec3HashUnsupported = DNSSECRule(
        "dnssec.nsec3-hash-unsupported", .medium, "the NSEC3 hash algorithm is not SHA-1: the chain is not checked")
    public static let nsec3IterationsExcessive = DNSSECRule(
        "dnssec.nsec3-iterations-excessive", .high, "NSEC3 iterations above 500 (RFC 9276): validators treat the zone as bogus or insecure; hashes not recomputed")
    public static let nsec3ParametersDiscouraged = DNSSECRule(
        "dnssec.nsec3-parameters-discouraged", .low, "NSEC3 uses extra iterations or a salt, which RFC 9276 advises against")
    public static let nsec3OptOut = DNSSECRule(
        "dnssec.nsec3-optout", .info, "the NSEC3 chain uses opt-out; unsigned delegations it skips are counted")

    // ZONEMD (RFC 8976).
    public static let zonemdMismatch = DNSSECRule(
        "dnssec.zonemd-mismatch", .high, "a ZONEMD digest does not match the zone's content")
    public static let zonemdMissing = DNSSECRule(
        "dnssec.zonemd-missing", .high, "a ZONEMD check was asked for but the apex has no ZONEMD")
    public static let zonemdUnsupported = DNSSECRule(
        "dnssec.zonemd-unsupported", .low,
        "no apex ZONEMD has a supported scheme and hash algorithm (high when only the ZONEMD is checked)")
    public static let zonemdSerialMismatch = DNSSECRule(
        "dnssec.zonemd-serial-mismatch", .high, "a ZONEMD serial differs from the SOA serial")
    public static let zonemdDuplicate = DNSSECRule(
        "dnssec.zonemd-duplicate", .high, "two apex ZONEMDs share a scheme and hash algorithm (RFC 8976 section 4)")
    public static let zonemdMalformed = DNSSECRule(
        "dnssec.zonemd-malformed", .high, "a ZONEMD digest has the wrong length for its hash algorithm, or is shorter than 12 octets")

    // Reporting.
    public static let findingsTruncated = DNSSECRule(
        "dnssec.findings-truncated", .info, "more findings of one rule than the per-rule limit; the rest are counted")

    /// Every rule, for documentation and tests.
    public static let all: [DNSSECRule] = [
        unsigned, dnskeyMissing, anchorTakenAsGiven, anchorUnusable, noTrustAnchorMatch, dnskeyUnsigned,
        dnskeyMalformed, algorithmUnsupported,
        rrsigMissing, rrsigInvalid, rrsigKeyMissing, rrsigMalformed, rrsigExpired, rrsigNotYetValid,
        rrsigExpiring, signatureLifetimeShort, algorithmMissing, delegationSigned, rrsigLabels, rrsigTTL,
        rrsigSigner, rrsigOrphan,
        denialMissing, denialMixed, nsecChainBroken, nsecBitmapMismatch, nsec3ParamMismatch, nsec3ParamMissing,
        nsec3HashMismatch, nsec3ChainBroken, nsec3BitmapMismatch, nsec3Malformed, nsec3HashUnsupported,
        nsec3IterationsExcessive, nsec3ParametersDiscouraged, nsec3OptOut,
        zonemdMismatch, zonemdMissing, zonemdUnsupported, zonemdSerialMismatch, zonemdDuplicate,
        zonemdMalformed,
        findingsTruncated,
    ]
}
