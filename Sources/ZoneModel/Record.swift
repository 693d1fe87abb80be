/// One resource record. RDATA is kept as uncompressed wire octets with the
/// case the zone used; `canonicalRData` derives the RFC 4034 section 6.2 form
/// where DNSSEC, digests and duplicate detection need it.
public struct Record: Sendable {
    public var owner: DomainName
    public var type: RRType
    public var rrClass: RRClass
    public var ttl: UInt32
    public var rdata: [UInt8]
    /// Where the record was read; nil for records made in memory or from the wire.
    public var location: SourceLocation?

    public init(
        owner: DomainName, type: RRType, rrClass: RRClass = .in, ttl: UInt32,
        rdata: [UInt8], location: SourceLocation? = nil
    ) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdata = rdata
        self.location = location
    }

    /// RDATA with the embedded names that RFC 4034 section 6.2 (as amended by
    /// RFC 6840 section 5.1) lists in lower case.
    public var canonicalRData: [UInt8] { RDataCanonicalForm.canonical(type: type, rdata: rdata) }

    /// The type an RRSIG covers; for other types, the type itself. DNSSEC
    /// groups signatures with the RRset they sign.
    public var coveredType: RRType {
        if type == .rrsig, rdata.count >= 2 {
            return RRType(UInt16(rdata[0]) << 8 | UInt16(rdata[1]))
        }
        return type
    }

    /// The uncompressed wire form of the whole record (owner as given).
    public func wire(canonical: Bool = false, ttl overrideTTL: UInt32? = nil) -> [UInt8] {
        let data = canonical ? canonicalRData : rdata
        let name = canonical ? owner.lowercased.wire : owner.wire
        var out: [UInt8] = []
        out.reserveCapacity(name.count + 10 + data.count)
        out.append(contentsOf: name)
        out.appendUInt16(type.rawValue)
        out.appendUInt16(rrClass.rawValue)
        out.appendUInt32(overrideTTL ?? ttl)
        out.appendUInt16(UInt16(data.count))
        out.append(contentsOf: data)
        return out
    }
}

extension Record: Hashable {
    /// Records are equal when owner (ignoring case), type, class, TTL and RDATA
    /// octets are; where a record was read does not matter.
    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.type == rhs.type && lhs.rrClass == rhs.rrClass && lhs.ttl == rhs.ttl
            && lhs.rdata == rhs.rdata && lhs.owner == rhs.owner
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(owner)
        hasher.combine(type)
        hasher.combine(rrClass)
        hasher.combine(ttl)
        hasher.combine(rdata)
    }
}

extension [UInt8] {
    @inlinable public mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    @inlinable public mutating func appendUInt32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }
}
