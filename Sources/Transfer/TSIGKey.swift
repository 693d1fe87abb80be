import ZoneModel

/// A TSIG HMAC algorithm (RFC 8945 section 6), named as on the wire.
public enum TSIGAlgorithm: String, Sendable, CaseIterable, CustomStringConvertible {
    case hmacSHA1 = "hmac-sha1"
    case hmacSHA256 = "hmac-sha256"
    case hmacSHA384 = "hmac-sha384"
    case hmacSHA512 = "hmac-sha512"

    /// The algorithm name as a domain name (`hmac-sha256.`), as the TSIG RDATA carries it.
    public var name: DomainName {
        // The raw values are valid single-label names.
        (try? DomainName(rawValue, origin: .root)) ?? .root
    }

    /// The MAC length in octets (the untruncated HMAC output).
    public var macLength: Int {
        switch self {
        case .hmacSHA1: 20
        case .hmacSHA256: 32
        case .hmacSHA384: 48
        case .hmacSHA512: 64
        }
    }

    /// Accepts `hmac-sha256` or `hmac-sha256.`, any case.
    public init?(name text: String) {
        var lowered = text.lowercased()
        if lowered.hasSuffix(".") { lowered.removeLast() }
        self.init(rawValue: lowered)
    }

    public init?(name: DomainName) {
        self.init(name: name.presentation)
    }

    public var description: String { rawValue }
}

/// A TSIG key: its name, algorithm and shared secret.
///
/// The secret is never printed: `description`, `debugDescription` and the
/// mirror that `dump` and the debugger use show only its length.
public struct TSIGKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let name: DomainName
    public let algorithm: TSIGAlgorithm
    /// Read by the signer and verifier only; not public, so no caller prints it by accident.
    let secret: [UInt8]

    public init(name: DomainName, algorithm: TSIGAlgorithm, secret: [UInt8]) {
        self.name = name
        self.algorithm = algorithm
        self.secret = secret
    }

    /// The key's secret length in octets.
    public var secretLength: Int { secret.count }

    public var description: String {
        "TSIG key \(name) (\(algorithm), \(secret.count)-octet secret)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "algorithm": algorithm, "secret": "<\(secret.count) octets, not shown>"])
    }
}
