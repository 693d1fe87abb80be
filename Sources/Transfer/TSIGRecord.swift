import ZoneModel

/// The TSIG pseudo-record (RFC 8945 section 4.2).
struct TSIGRecord: Sendable, Equatable {
    var keyName: DomainName
    var algorithm: DomainName
    /// Seconds since 1970, 48 bits on the wire.
    var timeSigned: UInt64
    var fudge: UInt16
    var mac: [UInt8]
    var originalID: UInt16
    var error: UInt16
    var otherData: [UInt8]

    /// The TSIG record at the end of `message`, and the offset where it starts;
    /// nil when the last record is not a TSIG (the message is unsigned).
    /// Throws when a TSIG is there but malformed.
    static func find(in message: [UInt8]) throws(TSIGFailure) -> (record: TSIGRecord, start: Int)? {
        guard let (start, end) = DNSWire.lastAdditionalRecord(message) else { return nil }
        guard let (owner, afterOwner) = DNSWire.readName(message, from: start),
              afterOwner + 10 <= end else { return nil }
        guard RRType(DNSWire.uint16(message, afterOwner)) == .tsig else { return nil }
        let rdata = Array(message[(afterOwner + 10)..<end])
        guard RRClass(DNSWire.uint16(message, afterOwner + 2)) == .any,
              let record = parseRData(rdata, keyName: owner)
        else { throw .malformed }
        return (record, start)
    }

    static func parseRData(_ rdata: [UInt8], keyName: DomainName) -> TSIGRecord? {
        var reader = RDataReader(rdata)
        // RFC 8945 section 4.2: the algorithm name is never compressed.
        guard let algorithm = reader.name(),
              let high = reader.uint16(), let low = reader.uint32(),
              let fudge = reader.uint16(),
              let macSize = reader.uint16(), let mac = reader.take(Int(macSize)),
              let originalID = reader.uint16(), let error = reader.uint16(),
              let otherSize = reader.uint16(), let other = reader.take(Int(otherSize)),
              reader.isAtEnd
        else { return nil }
        return TSIGRecord(
            keyName: keyName, algorithm: algorithm, timeSigned: UInt64(high) << 32 | UInt64(low),
            fudge: fudge, mac: mac, originalID: originalID, error: error, otherData: other)
    }

    /// The whole record in wire form (owner uncompressed), to append to a message.
    var wire: [UInt8] {
        var rdata: [UInt8] = algorithm.lowercased.wire
        rdata.append(contentsOf: TSIGRecord.time48(timeSigned))
        rdata.appendUInt16(fudge)
        rdata.appendUInt16(UInt16(mac.count))
        rdata.append(contentsOf: mac)
        rdata.appendUInt16(originalID)
        rdata.appendUInt16(error)
        rdata.appendUInt16(UInt16(otherData.count))
        rdata.append(contentsOf: otherData)
        return Record(owner: keyName, type: .tsig, rrClass: .any, ttl: 0, rdata: rdata).wire()
    }

    /// RFC 8945 section 4.3.3: the TSIG variables that follow the message in
    /// the digest; only the timers for the later messages of a transfer.
    func variables(timersOnly: Bool) -> [UInt8] {
        var out: [UInt8] = []
        if !timersOnly {
            out.append(contentsOf: keyName.lowercased.wire)
            out.appendUInt16(RRClass.any.rawValue)
            out.appendUInt32(0)
            out.append(contentsOf: algorithm.lowercased.wire)
        }
        out.append(contentsOf: TSIGRecord.time48(timeSigned))
        out.appendUInt16(fudge)
        if !timersOnly {
            out.appendUInt16(error)
            out.appendUInt16(UInt16(otherData.count))
            out.append(contentsOf: otherData)
        }
        return out
    }

    static func time48(_ value: UInt64) -> [UInt8] {
        (0..<6).map { UInt8(truncatingIfNeeded: value >> (8 * (5 - UInt64($0)))) }
    }

    /// The mnemonic of a TSIG error (RFC 8945 section 5.3, RFC 2845).
    static func errorName(_ code: UInt16) -> String {
        switch code {
        case 16: "BADSIG"
        case 17: "BADKEY"
        case 18: "BADTIME"
        case 22: "BADTRUNC"
        default: "TSIG error \(code)"
        }
    }
}
