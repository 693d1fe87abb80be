import ZoneModel

/// A complete, checked zone transfer: every record in the order the server
/// sent it, opening SOA first; the closing SOA (identical to the opening
/// one) is not repeated. Only a transfer that passed every check exists as
/// a value of this type.
public struct ZoneTransfer: Sendable {
    public let origin: DomainName
    public let server: ServerAddress
    public let records: [Record]
    /// The opening SOA record.
    public let soa: Record
    public let messageCount: Int
    /// Octets received, length prefixes included.
    public let byteCount: Int
    /// The key every message was verified with; nil for an unsigned transfer.
    public let tsigKeyName: DomainName?

    public init(origin: DomainName, server: ServerAddress, records: [Record], soa: Record,
                messageCount: Int, byteCount: Int, tsigKeyName: DomainName?) {
        self.origin = origin
        self.server = server
        self.records = records
        self.soa = soa
        self.messageCount = messageCount
        self.byteCount = byteCount
        self.tsigKeyName = tsigKeyName
    }

    public var serial: UInt32 { soa.soa?.serial ?? 0 }

    /// `axfr://SERVER/ZONE`, the name reports give this source.
    public var sourceName: String { AXFRSource(server: server, zone: origin).description }

    /// The records grouped into a zone (see `ZoneBuilder` for its findings).
    public func buildZone() -> (zone: Zone, findings: [Finding]) {
        var builder = ZoneBuilder(origin: origin)
        builder.reserveCapacity(records.count)
        builder.append(contentsOf: records)
        return builder.build()
    }
}
