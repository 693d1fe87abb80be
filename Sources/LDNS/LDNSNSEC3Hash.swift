import CLDNS
import ZoneModel

/// NSEC3 owner-name hashing (RFC 5155 section 5) through ldns, and the
/// base32hex form NSEC3 owner labels use (RFC 4648 section 7).
public enum LDNSNSEC3Hash {
    /// The only NSEC3 hash algorithm defined: SHA-1 (1).
    public static func supports(hashAlgorithm: UInt8) -> Bool { hashAlgorithm == 1 }

    /// The length of every hash this type makes (SHA-1).
    public static let hashLength = 20

    /// H(name) with `iterations` extra iterations and `salt`
    /// (`ldns_nsec3_hash_name`): the raw 20-octet SHA-1 value.
    public static func hash(
        of name: DomainName, algorithm: UInt8, iterations: UInt16, salt: [UInt8]
    ) throws(LDNSError) -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: hashLength)
        try name.wire.withUnsafeBufferPointer { (wire) throws(LDNSError) in
            try raw.withUnsafeMutableBufferPointer { (output) throws(LDNSError) in
                try hash(ofWire: wire, algorithm: algorithm, iterations: iterations, salt: salt, into: output)
            }
        }
        return raw
    }

    /// As `hash(of:algorithm:iterations:salt:)` for a name given in wire form
    /// (a zone's pass hashes names read in place), written to `output`
    /// (`hashLength` octets).
    public static func hash(
        ofWire wire: UnsafeBufferPointer<UInt8>, algorithm: UInt8, iterations: UInt16, salt: [UInt8],
        into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(LDNSError) {
        guard supports(hashAlgorithm: algorithm) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "NSEC3 hash algorithm \(algorithm)")
        }
        guard salt.count <= 255 else { throw LDNSError(LDNS_STATUS_ERR, operation: "NSEC3 salt longer than 255 octets") }
        precondition(output.count >= hashLength, "room for a SHA-1 hash")
        guard let owner = ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, wire.count, wire.baseAddress) else {
            throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rdf_new_frm_data")
        }
        defer { ldns_rdf_deep_free(owner) }
        let hashed: UnsafeMutablePointer<ldns_rdf>? = salt.withUnsafeBufferPointer { saltBytes in
            ldns_nsec3_hash_name(owner, algorithm, iterations, UInt8(saltBytes.count), saltBytes.baseAddress)
        }
        guard let hashed else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_nsec3_hash_name") }
        defer { ldns_rdf_deep_free(hashed) }
        // ldns returns a one-label name whose label is the base32hex text of the hash.
        let result = UnsafeBufferPointer(start: ldns_rdf_data(hashed), count: ldns_rdf_size(hashed))
        guard result.count >= 2, Int(result[0]) + 2 <= result.count else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_nsec3_hash_name result")
        }
        let text = UnsafeBufferPointer(rebasing: result[1..<(1 + Int(result[0]))])
        let decoded = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count * 5 / 8 + 1) { raw -> Bool in
            guard decodeBase32Hex(text, into: raw) == hashLength else { return false }
            output.baseAddress!.update(from: raw.baseAddress!, count: hashLength)
            return true
        }
        guard decoded else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_nsec3_hash_name result") }
    }

    /// Decodes unpadded base32hex text (either case); nil when it is not valid.
    public static func decodeBase32Hex(_ text: some Collection<UInt8>) -> [UInt8]? {
        let characters = Array(text)
        var output = [UInt8](repeating: 0, count: characters.count * 5 / 8 + 1)
        let written = characters.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { decodeBase32Hex(input, into: $0) }
        }
        return written.map { Array(output[0..<$0]) }
    }

    /// Decodes base32hex `text` into `output` (room for `text.count * 5 / 8 + 1`
    /// octets); returns the octets written, nil when the text is not valid.
    public static func decodeBase32Hex(_ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 255, output.count >= text.count * 5 / 8 + 1 else { return nil }
        let written: Int32 = text.withMemoryRebound(to: CChar.self) { chars in
            ldns_b32_pton_extended_hex(chars.baseAddress, chars.count, output.baseAddress, output.count)
        }
        return written > 0 ? Int(written) : nil
    }

    /// Lower-case unpadded base32hex text of `bytes`, as NSEC3 owner labels are written.
    public static func encodeBase32Hex(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "" }
        var output = [CChar](repeating: 0, count: (bytes.count * 8 + 4) / 5 + 8)
        let written = bytes.withUnsafeBufferPointer { input in
            ldns_b32_ntop_extended_hex(input.baseAddress, input.count, &output, output.count)
        }
        guard written > 0 else { return "" }
        let text = output[0..<Int(written)].map { UInt8(bitPattern: $0) }
        return String(decoding: text, as: UTF8.self).lowercased()
    }
}
