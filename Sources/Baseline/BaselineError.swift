import LDNS

/// Why sealing or verification could not be carried out at all (as
/// opposed to a verdict that a seal does not hold).
public enum BaselineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The baseline exists and `force` was not given.
    case baselineExists(path: String)
    case sealExists(path: String)
    case noKeys
    /// The zone has no single SOA at its apex, so there is no serial to seal.
    case zoneWithoutSOA
    case invalidValidity(String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case tooLarge(path: String, limit: Int)
    /// A file's records could not be parsed.
    case unparsable(path: String, reason: String)
    case trustedKeys(path: String, reason: String)
    case key(LDNSKeyFileError)
    case signing(LDNSError)

    public var description: String {
        switch self {
        case let .baselineExists(path): "\(path) exists; use --force to replace the baseline"
        case let .sealExists(path): "\(path) exists; use --force to replace the seal"
        case .noKeys: "sealing needs at least one approver key"
        case .zoneWithoutSOA: "the zone has no single SOA record at its apex"
        case let .invalidValidity(reason): "invalid validity: \(reason)"
        case let .cannotRead(path, reason): "cannot read \(path): \(reason)"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .tooLarge(path, limit): "\(path) is larger than \(limit) octets"
        case let .unparsable(path, reason): "\(path): \(reason)"
        case let .trustedKeys(path, reason): "trusted keys \(path): \(reason)"
        case let .key(error): error.description
        case let .signing(error): "signing failed: \(error)"
        }
    }
}
