import LDNS
import ZoneModel

/// A server's answer to one query, checked like every transfer message.
public struct DNSResponse: Sendable {
    public var server: ServerAddress
    public var question: LDNSQuestion
    /// NOERROR (0) or NXDOMAIN (3); other codes are errors.
    public var rcode: UInt16
    public var isAuthoritative: Bool
    public var answer: [Record]
    public var authority: [Record]
    public var additional: [Record]
}

/// Asks one server one question over TCP, non-recursively by default: the
/// questions zoneaudit asks are for what an authoritative server itself
/// holds (a parent's delegation), never for what a recursor would find.
/// TCP only: no spoofed UDP answer, no truncation retry.
public enum DNSQueryClient {
    /// NXDOMAIN is an answer (`rcode` 3); other error codes are
    /// `TransferError`s of kind `.refused`.
    public static func query(
        _ name: DomainName, _ type: RRType, server: ServerAddress, recursionDesired: Bool = false,
        tsig: TSIGKey? = nil, timeout: Duration = .seconds(10)
    ) throws(TransferError) -> DNSResponse {
        let question = LDNSQuestion(name: name, type: type)
        // A single answer is at most 64 KiB; the limits only bound the wait.
        let limits = TransferLimits(timeout: timeout, maxRecords: 65535, maxBytes: 65537, maxDuration: timeout * 3)
        let exchange = try DNSExchange(
            server: server, question: question, recursionDesired: recursionDesired, tsig: tsig, limits: limits,
            acceptedRcodes: [0, 3])
        let next = try exchange.next(waiting: "waiting for the answer")
        guard case let .message(message) = next else {
            throw TransferError(.malformed("the connection closed before the answer"),
                                server: server, zone: name, operation: type.mnemonic)
        }
        try exchange.finish()
        return DNSResponse(
            server: server, question: question, rcode: message.rcode, isAuthoritative: message.isAuthoritative,
            answer: message.answer, authority: message.authority, additional: message.additional)
    }
}
