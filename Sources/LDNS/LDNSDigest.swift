import CLDNS
import ZoneModel

/// DS digests of DNSKEYs, computed by ldns (`ldns_key_rr2ds`, RFC 4034
/// section 5.1.4 and RFC 4509 / RFC 6605 for the SHA-2 digest types).
public enum LDNSDigest {
    /// DS digest types ldns computes: SHA-1 (1), SHA-256 (2), SHA-384 (4).
    public static func supportsDS(digestType: UInt8) -> Bool {
        digestType == 1 || digestType == 2 || digestType == 4
    }

    /// The DS record ldns derives from `dnskey` with `digestType`. The owner is
    /// lower-cased first, as the digest is over the canonical owner name.
    public static func dsRecord(for dnskey: Record, digestType: UInt8) throws(LDNSError) -> Record {
        guard dnskey.type == .dnskey || dnskey.type == .cdnskey else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "DS from a \(dnskey.type) record")
        }
        guard supportsDS(digestType: digestType) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_UNKNOWN_ALGO, operation: "DS digest type \(digestType)")
        }
        var canonical = dnskey
        canonical.owner = dnskey.owner.lowercased
        canonical.type = .dnskey
        let key = try LDNSRecord(canonical)
        guard let ds = ldns_key_rr2ds(key.rr, ldns_hash(rawValue: UInt32(digestType))) else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_key_rr2ds")
        }
        return try LDNSRecord(takingOwnershipOf: OpaquePointer(ds)).record()
    }
}
