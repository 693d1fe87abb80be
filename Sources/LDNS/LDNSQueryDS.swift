import CLDNS
import ZoneModel

/// DS digests of DNSKEYs, computed by ldns (`ldns_key_rr2ds`), so a parent's
/// DS can be matched against the keys a zone publishes.
public enum LDNSDSDigest {
    /// The digest types ldns computes: 1 SHA-1, 2 SHA-256, 4 SHA-384.
    /// (ldns 1.8.3 returns a DS with an empty digest for unknown types, so
    /// other types are refused here rather than passed on.)
    public static let supportedDigestTypes: Set<UInt8> = [1, 2, 4]

    /// The DS record for `dnskey` with the given digest type. Owner and TTL are the key's.
    public static func ds(for dnskey: Record, digestType: UInt8) throws(LDNSError) -> Record {
        guard supportedDigestTypes.contains(digestType) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_UNKNOWN_ALGO, operation: "DS digest type \(digestType)")
        }
        guard dnskey.type == .dnskey else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_key_rr2ds (not a DNSKEY)")
        }
        let key = try LDNSRecord(dnskey)
        guard let ds = ldns_key_rr2ds(key.rr, ldns_hash(rawValue: UInt32(digestType))) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_UNKNOWN_ALGO, operation: "ldns_key_rr2ds (digest type \(digestType))")
        }
        return try LDNSRecord(takingOwnershipOf: OpaquePointer(ds)).record()
    }

    /// The RFC 4034 appendix B key tag of a DNSKEY (`ldns_calc_keytag`).
    public static func keyTag(of dnskey: Record) throws(LDNSError) -> UInt16 {
        let key = try LDNSRecord(dnskey)
        return ldns_calc_keytag(key.rr)
    }
}
