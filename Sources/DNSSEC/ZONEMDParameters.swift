import ZoneModel

/// RFC 8976 section 5.2: how the zone data is collated for hashing.
public enum ZONEMDScheme: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// The whole zone in canonical order, hashed in one pass (section 3.3).
    case simple = 1

    public var description: String {
        switch self {
        case .simple: "SIMPLE"
        }
    }
}

/// RFC 8976 section 5.3: the hash algorithms a ZONEMD digest may use.
public enum ZONEMDHashAlgorithm: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case sha384 = 1
    case sha512 = 2

    /// The octets a digest of this algorithm has (RFC 8976 section 4 step d).
    public var digestLength: Int {
        switch self {
        case .sha384: 48
        case .sha512: 64
        }
    }

    public var description: String {
        switch self {
        case .sha384: "SHA-384"
        case .sha512: "SHA-512"
        }
    }
}

extension ZONEMDData {
    /// RFC 8976 section 2.2.4: no digest is shorter than 12 octets, whatever
    /// the algorithm, so that a truncated field is never taken as valid.
    public static let minimumDigestLength = 12
}
