import ZoneModel

/// Records as one blob: a count, then each record's owner (wire form), type,
/// class, TTL and RDATA, every variable part length-prefixed. Enough to
/// rebuild the records exactly, so a resolved finding's fingerprint is the
/// one it had when it was open.
enum RecordCoding {
    struct Malformed: Error {}

    static func encode(_ records: [Record]) -> [UInt8] {
        var out: [UInt8] = []
        out.appendUInt32(UInt32(truncatingIfNeeded: records.count))
        for record in records {
            let owner = record.owner.wire
            out.appendUInt16(UInt16(truncatingIfNeeded: owner.count))
            out.append(contentsOf: owner)
            out.appendUInt16(record.type.rawValue)
            out.appendUInt16(record.rrClass.rawValue)
            out.appendUInt32(record.ttl)
            out.appendUInt32(UInt32(truncatingIfNeeded: record.rdata.count))
            out.append(contentsOf: record.rdata)
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) throws(Malformed) -> [Record] {
        var reader = Reader(bytes: bytes)
        let count = try reader.uint32()
        // Each record takes at least 13 octets: a count larger than the blob
        // could hold is damage, not a reason to reserve gigabytes.
        guard Int(count) <= bytes.count / 13 else { throw Malformed() }
        var records: [Record] = []
        records.reserveCapacity(Int(count))
        for _ in 0..<count {
            let ownerLength = Int(try reader.uint16())
            let ownerWire = try reader.take(ownerLength)
            guard let owner = try? DomainName(wire: ownerWire) else { throw Malformed() }
            let type = RRType(try reader.uint16())
            let rrClass = RRClass(try reader.uint16())
            let ttl = try reader.uint32()
            let rdata = try reader.take(Int(try reader.uint32()))
            records.append(Record(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata))
        }
        guard reader.atEnd else { throw Malformed() }
        return records
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) throws(Malformed) -> [UInt8] {
            guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        mutating func uint16() throws(Malformed) -> UInt16 {
            let part = try take(2)
            return UInt16(part[0]) << 8 | UInt16(part[1])
        }

        mutating func uint32() throws(Malformed) -> UInt32 {
            let part = try take(4)
            return UInt32(part[0]) << 24 | UInt32(part[1]) << 16 | UInt32(part[2]) << 8 | UInt32(part[3])
        }
    }
}
