import LDNS
import ZoneModel

/// Reads a zone by AXFR over TCP (RFC 5936), with TSIG when a key is given.
///
/// A transfer is accepted only when it starts with the zone's SOA, ends with
/// the same SOA, carries only records in the zone, stays within the limits,
/// and (with a key) every message verifies. Anything else is a
/// `TransferError`; no partial result is ever returned.
public enum AXFRClient {
    public static func transfer(
        _ source: AXFRSource, tsig: TSIGKey? = nil, limits: TransferLimits = .default
    ) throws(TransferError) -> ZoneTransfer {
        try transfer(zone: source.zone, from: source.server, tsig: tsig, limits: limits)
    }

    public static func transfer(
        zone: DomainName, from server: ServerAddress, tsig: TSIGKey? = nil, limits: TransferLimits = .default
    ) throws(TransferError) -> ZoneTransfer {
        try transfer(zone: zone, from: server, tsig: tsig, limits: limits, clock: TSIGSigner.now)
    }

    /// With TSIG's clock replaceable, for tests of signature times.
    static func transfer(
        zone: DomainName, from server: ServerAddress, tsig: TSIGKey?, limits: TransferLimits,
        clock: @escaping @Sendable () -> UInt64
    ) throws(TransferError) -> ZoneTransfer {
        func failure(_ kind: TransferError.Kind) -> TransferError {
            TransferError(kind, server: server, zone: zone, operation: "AXFR")
        }
        let exchange = try DNSExchange(
            server: server, question: LDNSQuestion(name: zone, type: .axfr), recursionDesired: false,
            tsig: tsig, limits: limits, clock: clock)

        var records: [Record] = []
        var opening: Record?
        var closed = false
        while !closed {
            let next = try exchange.next(waiting: records.isEmpty
                ? "waiting for the first response"
                : "waiting for more records after \(records.count)")
            guard case let .message(message) = next else { throw failure(.cutShort(records: records.count)) }
            for record in message.answer {
                if closed { throw failure(.malformed("records after the closing SOA")) }
                guard !record.type.isMeta else {
                    throw failure(.malformed("a \(record.type) record in the answer section"))
                }
                guard let first = opening else {
                    guard record.type == .soa, record.owner == zone, record.soa != nil else {
                        throw failure(.malformed("the transfer starts with \(record.owner) \(record.type), not the SOA of \(zone)"))
                    }
                    opening = record
                    records.append(record)
                    continue
                }
                guard record.owner.isSubdomain(of: zone) else {
                    throw failure(.outOfZone(owner: record.owner, type: record.type))
                }
                guard record.rrClass == first.rrClass else {
                    throw failure(.malformed("\(record.owner) \(record.type) has class \(record.rrClass), the zone \(first.rrClass)"))
                }
                if record.type == .soa && record.owner == zone {
                    guard record.canonicalRData == first.canonicalRData else {
                        throw failure(.soaMismatch(first: first.soa?.serial ?? 0, last: record.soa?.serial ?? 0))
                    }
                    closed = true
                    continue
                }
                guard records.count < limits.maxRecords else { throw failure(.tooManyRecords(limit: limits.maxRecords)) }
                records.append(record)
            }
        }
        try exchange.finish()
        guard let opening else { throw failure(.cutShort(records: 0)) }
        return ZoneTransfer(
            origin: zone, server: server, records: records, soa: opening,
            messageCount: exchange.messagesReceived, byteCount: exchange.bytesReceived, tsigKeyName: tsig?.name)
    }
}
