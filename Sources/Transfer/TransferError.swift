import ZoneModel

/// A live exchange (AXFR or query) that failed. Whatever was received before
/// the failure is dropped: nothing partial is ever returned as the zone.
public struct TransferError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The host could not be resolved, or no address accepted a connection.
        case unreachable(String)
        /// Connecting or a read took longer than the timeout; says what was awaited.
        case timedOut(String)
        /// The server answered with an error response code (REFUSED, NOTAUTH, SERVFAIL, ...).
        case refused(rcode: String)
        /// The connection closed before the closing SOA, after this many records.
        case cutShort(records: Int)
        /// The closing SOA differs from the opening one.
        case soaMismatch(first: UInt32, last: UInt32)
        case tooManyRecords(limit: Int)
        case tooManyBytes(limit: Int)
        /// A record whose owner is not in the zone.
        case outOfZone(owner: DomainName, type: RRType)
        case tsig(TSIGFailure)
        /// Not a well-formed answer to the question asked.
        case malformed(String)
        /// A well-formed answer that is not the kind asked for (an
        /// authoritative answer where a referral was expected, or the reverse).
        case unexpectedAnswer(String)
    }

    public var kind: Kind
    public var server: ServerAddress
    public var zone: DomainName
    /// `AXFR` for a transfer, or the query type.
    public var operation: String

    public init(_ kind: Kind, server: ServerAddress, zone: DomainName, operation: String) {
        self.kind = kind
        self.server = server
        self.zone = zone
        self.operation = operation
    }

    public var description: String {
        let what = operation == "AXFR" ? "transfer of \(zone) from \(server)" : "\(operation) query for \(zone) to \(server)"
        switch kind {
        case let .unreachable(reason): return "\(what) failed: server unreachable: \(reason)"
        case let .timedOut(waiting): return "\(what) timed out \(waiting)"
        case let .refused(rcode): return "\(what) refused: the server answered \(rcode)"
        case let .cutShort(records):
            return "\(what) was cut short: the connection closed after \(records) record\(records == 1 ? "" : "s") without the closing SOA"
        case let .soaMismatch(first, last):
            return "\(what) is inconsistent: the closing SOA (serial \(last)) differs from the opening SOA (serial \(first))"
        case let .tooManyRecords(limit): return "\(what) stopped: more than \(limit) records (the record limit)"
        case let .tooManyBytes(limit): return "\(what) stopped: more than \(limit) octets (the size limit)"
        case let .outOfZone(owner, type): return "\(what) rejected: it carries \(owner) \(type), outside the zone"
        case let .tsig(failure): return "\(what) failed TSIG: \(failure)"
        case let .malformed(reason): return "\(what) failed: malformed response: \(reason)"
        case let .unexpectedAnswer(reason): return "\(what): unexpected answer: \(reason)"
        }
    }
}
