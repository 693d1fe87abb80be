import CLDNS
import ZoneModel

/// A DNSSEC key pair held by ldns (`ldns_key`), freed in deinit.
///
/// The private half stays inside ldns: this type has no accessor for it, and
/// its description names only owner, algorithm and key tag, so a key pair in
/// a log line, an error or a `dump` shows nothing secret. Not thread-safe:
/// signing sets per-call fields on the ldns key.
public final class LDNSKeyPair: CustomStringConvertible, CustomDebugStringConvertible {
    let key: UnsafeMutablePointer<ldns_key>
    /// The name the DNSKEY is published under (RRSIG signer name).
    public let owner: DomainName
    public let algorithm: LDNSKeyAlgorithm
    public let flags: UInt16
    /// RFC 4034 Appendix B key tag of `dnskey`.
    public let keyTag: UInt16
    /// The public half as a DNSKEY record (TTL 3600).
    public let dnskey: Record

    /// Takes over an `ldns_key` and completes the fields ldns keeps beside
    /// the key material: owner, flags, key tag, and the "use" flag.
    init(takingOwnershipOf key: UnsafeMutablePointer<ldns_key>, owner: DomainName, flags: UInt16) throws(LDNSKeyFileError) {
        self.key = key
        let algorithmNumber = UInt8(truncatingIfNeeded: ldns_key_algorithm(key).rawValue)
        guard let algorithm = LDNSKeyAlgorithm(rawValue: algorithmNumber) else {
            ldns_key_deep_free(key)
            throw .unsupportedAlgorithm(algorithmNumber)
        }
        // Set before any throw below, so deinit frees the key from here on.
        self.algorithm = algorithm
        self.owner = owner
        self.flags = flags
        if ldns_key_pubkey_owner(key) == nil, let ownerRDF = LDNSRecord.makeDname(owner.lowercased) {
            ldns_key_set_pubkey_owner(key, ownerRDF)
        }
        ldns_key_set_flags(key, flags)
        ldns_key_set_use(key, 1)
        guard let publicRR = ldns_key2rr(key) else {
            self.keyTag = 0
            self.dnskey = Record(owner: owner, type: .dnskey, ttl: 0, rdata: [])
            throw .ldns(LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "ldns_key2rr"))
        }
        ldns_rr_set_ttl(publicRR, 3600)
        let tag = ldns_calc_keytag(publicRR)
        ldns_key_set_keytag(key, tag)
        self.keyTag = tag
        let owned = LDNSRecord(takingOwnershipOf: OpaquePointer(publicRR))
        do {
            var record = try owned.record()
            record.owner = owner
            self.dnskey = record
        } catch {
            self.dnskey = Record(owner: owner, type: .dnskey, ttl: 0, rdata: [])
            throw .ldns(error)
        }
    }

    deinit { ldns_key_deep_free(key) }

    /// Generates a new key pair with ldns (`ldns_key_new_frm_algorithm`),
    /// as `ldns-keygen` does. `flags` 256 is a zone key without the SEP bit;
    /// ldns signs only with keys that have the zone key bit.
    public static func generate(
        algorithm: LDNSKeyAlgorithm, owner: DomainName, flags: UInt16 = 256,
        rsaBits: Int = LDNSKeyAlgorithm.defaultRSABits
    ) throws(LDNSKeyFileError) -> LDNSKeyPair {
        let size: UInt16 = algorithm == .rsasha256 ? UInt16(clamping: rsaBits) : 256
        guard algorithm != .rsasha256 || (1024...4096).contains(rsaBits) else {
            throw .ldns(LDNSError(LDNS_STATUS_INVALID_INT, operation: "RSA key size must be 1024 to 4096 bits"))
        }
        let signing = ldns_signing_algorithm(rawValue: numericCast(algorithm.rawValue))
        guard let key = ldns_key_new_frm_algorithm(signing, size) else {
            throw .ldns(LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "ldns_key_new_frm_algorithm"))
        }
        return try LDNSKeyPair(takingOwnershipOf: key, owner: owner, flags: flags)
    }

    /// `K<owner>+<algorithm>+<tag>`, the base name BIND and ldns give key files.
    public var fileBaseName: String {
        "K\(owner.lowercased.presentation)+\(LDNSKeyPair.padded(Int(algorithm.rawValue), 3))+\(LDNSKeyPair.padded(Int(keyTag), 5))"
    }

    public var description: String {
        "\(owner) \(algorithm) key \(keyTag)"
    }

    public var debugDescription: String { "LDNSKeyPair(\(description))" }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
