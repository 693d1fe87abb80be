/// The DNSSEC algorithms zoneaudit generates approver keys for and signs
/// seals with (RFC 8624 "MUST"/"RECOMMENDED" ones). The raw values are the
/// DNSSEC algorithm numbers, which ldns's signing algorithm enum shares.
public enum LDNSKeyAlgorithm: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case rsasha256 = 8
    case ecdsap256sha256 = 13
    case ed25519 = 15

    /// The IANA mnemonic, as `ldns-keygen -a` and `dnssec-keygen -a` take it.
    public var mnemonic: String {
        switch self {
        case .rsasha256: "RSASHA256"
        case .ecdsap256sha256: "ECDSAP256SHA256"
        case .ed25519: "ED25519"
        }
    }

    /// Parses a mnemonic in any case, or the algorithm number.
    public init?(mnemonic text: String) {
        let upper = text.uppercased()
        if let match = LDNSKeyAlgorithm.allCases.first(where: { $0.mnemonic == upper }) {
            self = match
        } else if let number = UInt8(text), let match = LDNSKeyAlgorithm(rawValue: number) {
            self = match
        } else {
            return nil
        }
    }

    public var description: String { mnemonic }

    /// RSA modulus size for generated keys; the others have fixed sizes.
    public static let defaultRSABits = 2048
}
