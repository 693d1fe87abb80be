import ZoneModel

/// Why a TSIG-protected exchange failed. Never carries the secret or a MAC.
public enum TSIGFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A response carried no TSIG although the request was signed.
    case unsigned
    /// The MAC does not verify: another secret, or altered data.
    case badSignature
    /// Signed with another key name than the request's.
    case wrongKey(DomainName)
    /// Signed with another algorithm than the key's.
    case wrongAlgorithm(DomainName)
    /// The MAC is shorter than the algorithm's full length.
    case truncatedMAC(Int)
    /// The server rejected the request's signature (BADSIG, BADKEY, BADTIME, ...).
    case serverRejected(UInt16)
    /// The signature's time is outside its fudge window around our clock.
    case badTime(signed: UInt64, now: UInt64, fudge: UInt16)
    /// More than 99 unsigned messages in a row (RFC 8945 section 5.3.1).
    case tooManyUnsignedMessages
    /// The transfer ended on unsigned messages.
    case lastMessageUnsigned
    case malformed

    public var description: String {
        switch self {
        case .unsigned: "the response is not signed although the request was"
        case .badSignature: "the response's signature does not verify (another secret, or altered data)"
        case let .wrongKey(name): "the response is signed with another key (\(name))"
        case let .wrongAlgorithm(name): "the response is signed with another algorithm (\(name))"
        case let .truncatedMAC(length): "the response's MAC is truncated to \(length) octets"
        case let .serverRejected(code):
            "the server rejected our signature (\(TSIGRecord.errorName(code)))"
                + (code == 17 ? ": it does not know the key" : code == 16 ? ": wrong secret or algorithm" : "")
        case let .badTime(signed, now, fudge):
            "the response was signed at \(signed), \(signed > now ? signed - now : now - signed)s from our clock (\(now)), beyond the fudge of \(fudge)s"
        case .tooManyUnsignedMessages: "more than 99 unsigned messages in a row"
        case .lastMessageUnsigned: "the last message of the transfer is not signed"
        case .malformed: "the TSIG record is malformed"
        }
    }
}
