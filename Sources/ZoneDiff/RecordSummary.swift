import ZoneModel

/// Short, readable renderings of record values for finding messages: the
/// address, the target, the quoted text, the key tag. Messages are read by a
/// person in seconds; full records travel in `before` and `after`.
public enum RecordSummary {
    /// The values of `records`, at most `limit` of them, then `+N more`.
    public static func values(_ records: [Record], limit: Int = 4) -> String {
        if records.isEmpty { return "nothing" }
        var parts = records.prefix(limit).map(value)
        if records.count > limit { parts.append("+\(records.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    /// Names, at most `limit` of them.
    public static func names(_ names: [DomainName], limit: Int = 4) -> String {
        var parts = names.prefix(limit).map(\.presentation)
        if names.count > limit { parts.append("+\(names.count - limit) more") }
        return parts.joined(separator: ", ")
    }

    /// One record's value.
    public static func value(_ record: Record) -> String {
        switch record.type {
        case .a, .aaaa:
            if let address = record.address { return IPText.format(address) }
        case .ns, .cname, .dname, .ptr:
            if let target = record.nameTarget { return target.presentation }
        case .mx:
            if let mx = record.mx { return "\(mx.preference) \(mx.exchange.presentation)" }
        case .srv:
            if let srv = record.srv { return "\(srv.priority) \(srv.weight) \(srv.port) \(srv.target.presentation)" }
        case .txt, .spf:
            if let strings = characterStrings(record.rdata) {
                return strings.map { "\"\(printable($0))\"" }.joined(separator: " ")
            }
        case .caa:
            if let caa = CAAData(record.rdata) { return "\(caa.flags) \(caa.tag) \"\(printable(caa.value))\"" }
        case .ds, .cds:
            if let ds = record.ds { return "key \(ds.keyTag) alg \(ds.algorithm) digest type \(ds.digestType)" }
        case .dnskey, .cdnskey:
            if let key = record.dnskey {
                let role = key.isSecureEntryPoint ? "KSK" : "ZSK"
                return "key \(KeyTag.of(record.rdata)) (\(role), alg \(key.algorithm))"
            }
        case .soa:
            if let soa = record.soa { return "serial \(soa.serial) \(soa.mname.presentation) \(soa.rname.presentation)" }
        case .nsec3param:
            if let param = record.nsec3param { return "alg \(param.hashAlgorithm) iterations \(param.iterations)" }
        default:
            break
        }
        let generic = record.rdataPresentation
        return generic.count > 48 ? String(generic.prefix(45)) + "..." : generic
    }

    /// The character strings of TXT-like RDATA, or nil when malformed.
    public static func characterStrings(_ rdata: [UInt8]) -> [[UInt8]]? {
        var reader = RDataReader(rdata)
        var strings: [[UInt8]] = []
        while !reader.isAtEnd {
            guard let string = reader.characterString() else { return nil }
            strings.append(string)
        }
        return strings
    }

    /// Text with quotes, backslashes and non-printing octets escaped; long text cut.
    static func printable(_ bytes: [UInt8], limit: Int = 60) -> String {
        var out: [UInt8] = []
        for byte in bytes.prefix(limit) {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x20...0x7E:
                out.append(byte)
            default:
                out.append(contentsOf: Array(decimalEscape(byte).utf8))
            }
        }
        if bytes.count > limit { out.append(contentsOf: Array("...".utf8)) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// `\DDD`, the zone-file escape of one octet.
func decimalEscape(_ byte: UInt8) -> String {
    let digits = String(byte)
    return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
}

/// Addresses as text: dotted quad, and RFC 5952 for IPv6.
public enum IPText {
    public static func format(_ octets: [UInt8]) -> String {
        guard octets.count == 16 else { return octets.map { String($0) }.joined(separator: ".") }
        var groups: [UInt16] = []
        for index in stride(from: 0, to: 16, by: 2) {
            groups.append(UInt16(octets[index]) << 8 | UInt16(octets[index + 1]))
        }
        // The longest run of two or more zero groups becomes "::" (the first on a tie).
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > bestLength && end - index >= 2 {
                bestStart = index
                bestLength = end - index
            }
            index = end
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        if bestStart < 0 { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}

/// RFC 4034 Appendix B: the key tag of DNSKEY RDATA.
public enum KeyTag {
    public static func of(_ rdata: [UInt8]) -> UInt16 {
        var accumulator: UInt32 = 0
        for (index, byte) in rdata.enumerated() {
            accumulator &+= index & 1 == 0 ? UInt32(byte) << 8 : UInt32(byte)
        }
        accumulator &+= (accumulator >> 16) & 0xFFFF
        return UInt16(accumulator & 0xFFFF)
    }
}

/// RFC 8659 CAA RDATA: flags, tag, value.
public struct CAAData: Sendable, Hashable {
    public var flags: UInt8
    /// The property tag, lower-cased (tags are case-insensitive).
    public var tag: String
    public var value: [UInt8]

    public init?(_ rdata: [UInt8]) {
        var reader = RDataReader(rdata)
        guard let flags = reader.uint8(), let tagBytes = reader.characterString(), !tagBytes.isEmpty else {
            return nil
        }
        self.flags = flags
        self.tag = String(decoding: tagBytes, as: UTF8.self).lowercased()
        self.value = reader.rest()
    }

    /// `issue` and `issuewild` decide which CAs may issue.
    public var isIssuance: Bool { tag == "issue" || tag == "issuewild" }
}
