/// Why a key pair could not be read or written. Messages name files and
/// ldns statuses only: never key material.
public enum LDNSKeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case tooLarge(path: String, limit: Int)
    case malformedPublicKey(path: String, reason: String)
    case malformedPrivateKey(path: String, status: LDNSError)
    case unsupportedAlgorithm(UInt8)
    /// The `.key` and `.private` files do not hold halves of one key.
    case mismatchedPair(publicPath: String, privatePath: String)
    /// The owner name cannot be part of a file name (it holds a `/`).
    case unsafeOwnerName(String)
    case alreadyExists(path: String)
    case cannotWrite(path: String, reason: String)
    case ldns(LDNSError)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): "cannot read \(path): \(reason)"
        case let .tooLarge(path, limit): "\(path) is larger than \(limit) octets; not a key file"
        case let .malformedPublicKey(path, reason): "\(path): not a DNSKEY public key file: \(reason)"
        case let .malformedPrivateKey(path, status): "\(path): not a private key file ldns can read (\(status.message))"
        case let .unsupportedAlgorithm(number): "DNSSEC algorithm \(number) is not supported for approver keys"
        case let .mismatchedPair(publicPath, privatePath):
            "\(publicPath) and \(privatePath) are not the two halves of one key"
        case let .unsafeOwnerName(name): "key owner \(name) cannot be used in a file name"
        case let .alreadyExists(path): "\(path) already exists; not overwritten"
        case let .cannotWrite(path, reason): "cannot write \(path): \(reason)"
        case let .ldns(error): error.description
        }
    }
}
