import CLDNS
import Synchronization

/// The outcome of one signature check.
public enum LDNSSignatureStatus: Sendable, Equatable {
    /// The signature verifies over the data with the key.
    case valid
    /// The signature does not verify (`LDNS_STATUS_CRYPTO_BOGUS`).
    case bogus
    /// ldns or OpenSSL could not run the check (malformed signature, library error).
    case failed(LDNSError)
}

/// A DNSKEY public key parsed once into an OpenSSL `EVP_PKEY` through ldns,
/// for verifying many RRSIGs without re-reading the key.
///
/// Only the cryptographic step is done here: `verify` never looks at RRSIG
/// inception or expiration (ldns 1.8.3 gets dates after 2038 wrong), so time
/// checks stay with the caller.
///
/// Thread safety: after `init` returns the key is only read. OpenSSL allows an
/// `EVP_PKEY` to be shared by concurrent verifications once its provider copy
/// exists; `init` forces that copy with one throw-away verification, so later
/// calls from several threads never race on OpenSSL's lazy key export.
public final class LDNSVerificationKey: @unchecked Sendable {
    /// The DNSSEC algorithm number (RFC 8624 registry).
    public let algorithm: UInt8
    /// Owns the `EVP_PKEY` (`ldns_key_deep_free` releases it).
    private let key: UnsafeMutablePointer<ldns_key>
    private let pkey: OpaquePointer
    /// The message digest the algorithm signs with; nil for EdDSA (one-shot).
    private let digest: LDNSMessageDigest?
    /// Verification contexts for this key, made ready once and reused (RSA
    /// and ECDSA): OpenSSL 3 otherwise looks the key's signature algorithm
    /// up, under locks, for every signature. One context serves one thread
    /// at a time; the pool grows to the number of threads verifying at once.
    private let contexts = Mutex<[PooledContext]>([])

    /// Algorithms whose RRSIGs this class verifies: RSASHA1, RSASHA1-NSEC3-SHA1,
    /// RSASHA256, RSASHA512, ECDSAP256SHA256, ECDSAP384SHA384, ED25519, ED448.
    /// RSAMD5, DSA and ECC-GOST are not validated (RFC 8624 section 3.1).
    public static func supports(algorithm: UInt8) -> Bool {
        switch algorithm {
        case 5, 7, 8, 10, 13, 14, 15, 16: true
        default: false
        }
    }

    /// Parses DNSKEY public key material (the RDATA after flags, protocol and
    /// algorithm) for `algorithm`.
    public init(algorithm: UInt8, publicKey: [UInt8]) throws(LDNSError) {
        guard LDNSVerificationKey.supports(algorithm: algorithm) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "DNSKEY algorithm \(algorithm)")
        }
        guard !publicKey.isEmpty else {
            throw LDNSError(LDNS_STATUS_CRYPTO_BOGUS, operation: "empty DNSKEY public key")
        }
        guard let key = ldns_key_new() else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_key_new") }
        let made: OpaquePointer? = publicKey.withUnsafeBufferPointer { bytes in
            switch algorithm {
            case 5, 7, 8, 10:
                // ldns_key_assign_rsa_key wraps the RSA in an EVP_PKEY the ldns_key owns.
                guard let rsa = ldns_key_buf2rsa_raw(bytes.baseAddress, bytes.count) else { return nil }
                ldns_key_assign_rsa_key(key, rsa)
            case 13, 14:
                guard let evp = ldns_ecdsa2pkey_raw(bytes.baseAddress, bytes.count, algorithm) else { return nil }
                ldns_key_set_evp_key(key, evp)
            case 15:
                guard let evp = ldns_ed255192pkey_raw(bytes.baseAddress, bytes.count) else { return nil }
                ldns_key_set_evp_key(key, evp)
            default:
                guard let evp = ldns_ed4482pkey_raw(bytes.baseAddress, bytes.count) else { return nil }
                ldns_key_set_evp_key(key, evp)
            }
            return ldns_key_evp_key(key)
        }
        guard let made else {
            ldns_key_deep_free(key)
            throw LDNSError(LDNS_STATUS_CRYPTO_BOGUS, operation: "DNSKEY algorithm \(algorithm) public key")
        }
        let digest: LDNSMessageDigest?
        switch algorithm {
        case 5, 7: digest = LDNSMessageDigest(name: "SHA1")
        case 8, 13: digest = LDNSMessageDigest(name: "SHA256")
        case 14: digest = LDNSMessageDigest(name: "SHA384")
        case 10: digest = LDNSMessageDigest(name: "SHA512")
        default: digest = nil
        }
        if algorithm != 15 && algorithm != 16 && digest == nil {
            ldns_key_deep_free(key)
            throw LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "OpenSSL digest for algorithm \(algorithm)")
        }
        self.algorithm = algorithm
        self.key = key
        self.pkey = made
        self.digest = digest
        // One throw-away check while the key is still private to this thread
        // (see the type's note on thread safety); its result means nothing,
        // but the signature has the algorithm's length so OpenSSL gets as far
        // as using the key.
        let length = [14: 96, 16: 114][algorithm] ?? 64
        _ = verify(signature: [UInt8](repeating: 0, count: length), signedData: [0])
    }

    deinit {
        contexts.withLock { pool in
            for context in pool {
                EVP_PKEY_CTX_free(context.pointer)
                EVP_MD_CTX_free(context.digest)
            }
        }
        ldns_key_deep_free(key)
    }

    /// The RFC 4034 Appendix B key tag of DNSKEY RDATA (`ldns_calc_keytag_raw`).
    public static func keyTag(dnskeyRData: [UInt8]) -> UInt16 {
        dnskeyRData.withUnsafeBufferPointer { ldns_calc_keytag_raw($0.baseAddress, $0.count) }
    }

    /// Verifies `signature` (the RRSIG Signature field, DNS wire form) over
    /// `signedData` (RRSIG RDATA without the signature, then the canonical RRset,
    /// RFC 4034 section 3.1.8.1). No time checks.
    public func verify(signature: [UInt8], signedData: [UInt8]) -> LDNSSignatureStatus {
        signedData.withUnsafeBytes { data in verify(signature: signature, signedData: data) }
    }

    public func verify(signature: [UInt8], signedData: UnsafeRawBufferPointer) -> LDNSSignatureStatus {
        signature.withUnsafeBufferPointer { verify(signature: $0, signedData: signedData) }
    }

    /// As `verify(signature:signedData:)`, the signature lent in place (a
    /// zone's pass reads it from the record table).
    public func verify(signature: UnsafeBufferPointer<UInt8>, signedData: UnsafeRawBufferPointer) -> LDNSSignatureStatus {
        switch algorithm {
        case 13, 14:
            // OpenSSL wants ECDSA signatures DER-encoded; DNS carries r || s.
            let size = algorithm == 13 ? 64 : 96
            guard signature.count == size else {
                return .failed(LDNSError(LDNS_STATUS_CRYPTO_BOGUS, operation: "ECDSA signature length \(signature.count)"))
            }
            let der: [UInt8]
            do { der = try LDNSVerificationKey.ecdsaSignatureDER(Array(signature)) } catch { return .failed(error) }
            return der.withUnsafeBufferPointer { check($0, signedData) }
        default:
            return check(signature, signedData)
        }
    }

    private func check(_ signature: UnsafeBufferPointer<UInt8>, _ data: UnsafeRawBufferPointer) -> LDNSSignatureStatus {
        guard !signature.isEmpty else { return .bogus }
        if let digest { return checkDigest(signature, data, digest) }
        let status: ldns_status = withLDNSBufferView(data) { buffer in
            ldns_verify_rrsig_evp_raw(signature.baseAddress, signature.count, buffer, pkey, digest?.pointer)
        }
        switch status {
        case LDNS_STATUS_OK: return .valid
        case LDNS_STATUS_CRYPTO_BOGUS: return .bogus
        default: return .failed(LDNSError(status, operation: "ldns_verify_rrsig_evp_raw"))
        }
    }

    /// What `ldns_verify_rrsig_evp_raw` does (digest, then `EVP_PKEY_verify`
    /// with the algorithm's digest named), with a ready context from the pool.
    private func checkDigest(_ signature: UnsafeBufferPointer<UInt8>, _ data: UnsafeRawBufferPointer, _ digest: LDNSMessageDigest) -> LDNSSignatureStatus {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { hash -> LDNSSignatureStatus in
            guard let context = takeContext(digest) else {
                ERR_clear_error()
                return .failed(LDNSError(LDNS_STATUS_SSL_ERR, operation: "EVP_PKEY_verify_init"))
            }
            defer { contexts.withLock { $0.append(context) } }
            // The digest context is the pooled one, set up again: EVP_Digest
            // would allocate and free a context for every signature.
            var length: UInt32 = 0
            guard EVP_DigestInit_ex2(context.digest, digest.pointer, nil) == 1,
                  EVP_DigestUpdate(context.digest, data.baseAddress, data.count) == 1,
                  EVP_DigestFinal_ex(context.digest, hash.baseAddress, &length) == 1 else {
                ERR_clear_error()
                return .failed(LDNSError(LDNS_STATUS_SSL_ERR, operation: "EVP_Digest"))
            }
            let result = EVP_PKEY_verify(context.pointer, signature.baseAddress, signature.count, hash.baseAddress, Int(length))
            switch result {
            case 1: return .valid
            case 0:
                ERR_clear_error()
                return .bogus
            default:
                ERR_clear_error()
                return .failed(LDNSError(LDNS_STATUS_SSL_ERR, operation: "EVP_PKEY_verify"))
            }
        }
    }

    /// A context from the pool, or a new one set up for verifying with this
    /// key and digest.
    private func takeContext(_ digest: LDNSMessageDigest) -> PooledContext? {
        if let ready = contexts.withLock({ $0.popLast() }) { return ready }
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pkey, nil) else { return nil }
        guard EVP_PKEY_verify_init(context) == 1, EVP_PKEY_CTX_set_signature_md(context, digest.pointer) == 1,
              let digestContext = EVP_MD_CTX_new() else {
            EVP_PKEY_CTX_free(context)
            return nil
        }
        return PooledContext(pointer: context, digest: digestContext)
    }

    /// r || s to the DER `ECDSA-Sig-Value` OpenSSL verifies (ldns's converter).
    static func ecdsaSignatureDER(_ signature: [UInt8]) throws(LDNSError) -> [UInt8] {
        guard let rdf = signature.withUnsafeBufferPointer({
            ldns_rdf_new_frm_data(LDNS_RDF_TYPE_B64, $0.count, $0.baseAddress)
        }) else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rdf_new_frm_data") }
        defer { ldns_rdf_deep_free(rdf) }
        let buffer = LDNSBuffer(capacity: 128)
        try LDNSError.check(ldns_convert_ecdsa_rrsig_rdf2asn1(buffer.pointer, rdf), "ldns_convert_ecdsa_rrsig_rdf2asn1")
        return buffer.bytes
    }
}

/// Lends bytes to ldns as a read-only `ldns_buffer` without copying them: ldns's
/// verifier reads only `begin` and `position` of the buffer it is given.
func withLDNSBufferView<Result>(
    _ data: UnsafeRawBufferPointer, _ body: (UnsafeMutablePointer<ldns_buffer>) -> Result
) -> Result {
    // ldns never writes through a buffer it only verifies, but its struct field is not const.
    let base = UnsafeMutableRawPointer(mutating: data.baseAddress) ?? UnsafeMutableRawPointer(bitPattern: 1)!
    var view = ldns_buffer()
    view._position = data.count
    view._limit = data.count
    view._capacity = data.count
    view._data = base.assumingMemoryBound(to: UInt8.self)
    view._fixed = 1
    view._status = LDNS_STATUS_OK
    return withUnsafeMutablePointer(to: &view) { body($0) }
}

/// An `EVP_PKEY_CTX` and an `EVP_MD_CTX` waiting in a key's pool: only the
/// thread that takes them out uses them, until it puts them back.
private struct PooledContext: @unchecked Sendable {
    let pointer: OpaquePointer
    let digest: OpaquePointer
}

/// Owns an `EVP_MD` fetched once from OpenSSL's default provider, so each
/// verification skips OpenSSL 3's implicit (locking) digest fetch.
final class LDNSMessageDigest: @unchecked Sendable {
    let pointer: OpaquePointer

    init?(name: String) {
        guard let md = EVP_MD_fetch(nil, name, nil) else { return nil }
        pointer = md
    }

    deinit { EVP_MD_free(pointer) }
}
