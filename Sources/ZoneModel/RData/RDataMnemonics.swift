/// Mnemonics that RDATA fields accept in place of numbers. Lookups compare
/// bytes case-insensitively, so no String is made per token.
public enum RDataMnemonics {
    public typealias Table = [(name: [UInt8], value: UInt16)]

    /// DNSSEC algorithm numbers (IANA registry; the names ldns and BIND accept).
    public static let algorithms: Table = table([
        ("RSAMD5", 1), ("DH", 2), ("DSA", 3), ("ECC", 4), ("RSASHA1", 5),
        ("DSA-NSEC3-SHA1", 6), ("NSEC3DSA", 6), ("RSASHA1-NSEC3-SHA1", 7), ("NSEC3RSASHA1", 7),
        ("RSASHA256", 8), ("RSASHA512", 10), ("ECC-GOST", 12), ("ECDSAP256SHA256", 13),
        ("ECDSAP384SHA384", 14), ("ED25519", 15), ("ED448", 16), ("INDIRECT", 252),
        ("PRIVATEDNS", 253), ("PRIVATEOID", 254),
    ])

    /// RFC 4398 CERT certificate types.
    public static let certificateTypes: Table = table([
        ("PKIX", 1), ("SPKI", 2), ("PGP", 3), ("IPKIX", 4), ("ISPKI", 5), ("IPGP", 6),
        ("ACPKIX", 7), ("IACPKIX", 8), ("URI", 253), ("OID", 254),
    ])

    /// RFC 7218 TLSA certificate usages, selectors and matching types.
    public static let certificateUsages: Table = table([
        ("PKIX-TA", 0), ("PKIX-EE", 1), ("DANE-TA", 2), ("DANE-EE", 3), ("PrivCert", 255),
    ])
    public static let selectors: Table = table([("Cert", 0), ("SPKI", 1), ("PrivSel", 255)])
    public static let matchingTypes: Table = table([
        ("Full", 0), ("SHA2-256", 1), ("SHA2-512", 2), ("PrivMatch", 255),
    ])

    /// RFC 9460 (and RFC 9461, RFC 9540) SvcParamKey names.
    public static let svcParamKeys: Table = table([
        ("mandatory", 0), ("alpn", 1), ("no-default-alpn", 2), ("port", 3), ("ipv4hint", 4),
        ("ech", 5), ("ipv6hint", 6), ("dohpath", 7), ("ohttp", 8),
    ])

    public static func table(for set: RDataMnemonicSet) -> Table {
        switch set {
        case .certificateUsage: certificateUsages
        case .selector: selectors
        case .matchingType: matchingTypes
        }
    }

    /// The value for `bytes` (ASCII, any case), or nil.
    public static func lookup(_ bytes: some Collection<UInt8>, in table: Table) -> UInt16? {
        for entry in table where entry.name.count == bytes.count {
            var matches = true
            var nameIndex = 0
            for byte in bytes {
                if asciiLower(byte) != asciiLower(entry.name[nameIndex]) {
                    matches = false
                    break
                }
                nameIndex += 1
            }
            if matches { return entry.value }
        }
        return nil
    }

    /// The first name for `value` in `table`, or nil.
    public static func name(of value: UInt16, in table: Table) -> [UInt8]? {
        table.first { $0.value == value }?.name
    }

    private static func table(_ entries: [(String, UInt16)]) -> Table {
        entries.map { (Array($0.0.utf8), $0.1) }
    }
}
