import Foundation
import ZoneModel
import ZonePolicy

/// A tiny presentation-format reader for the few types these tests need:
/// `owner ttl class type rdata...`, one record a line, names relative to the
/// origin unless they end in a dot. Test-only; the real parser is ZoneParser.
enum TestRecords {
    struct BadLine: Error, CustomStringConvertible {
        var line: String
        var reason: String
        var description: String { "\(reason): \(line)" }
    }

    static func zone(_ origin: String, _ lines: [String], file: String = "current.zone") throws -> Zone {
        let originName = try DomainName(origin)
        var builder = ZoneBuilder(origin: originName)
        for (index, line) in lines.enumerated() {
            builder.append(try record(line, origin: originName,
                                      location: SourceLocation(file: file, line: index + 1, column: 1)))
        }
        return builder.build().zone
    }

    static func record(_ line: String, origin: DomainName, location: SourceLocation? = nil) throws -> Record {
        let fields = tokens(line)
        guard fields.count >= 4 else { throw BadLine(line: line, reason: "too few fields") }
        guard let ttl = UInt32(fields[1]) else { throw BadLine(line: line, reason: "bad TTL") }
        guard let rrClass = RRClass(mnemonic: fields[2]) else { throw BadLine(line: line, reason: "bad class") }
        guard let type = RRType(mnemonic: fields[3]) else { throw BadLine(line: line, reason: "bad type") }
        let owner = try DomainName(fields[0], origin: origin)
        let rdata = try encode(type, Array(fields.dropFirst(4)), origin: origin, line: line)
        return Record(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata, location: location)
    }

    /// Whitespace-separated fields; `"..."` is one field (quotes kept).
    static func tokens(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if character.isWhitespace && !quoted {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    private static func encode(_ type: RRType, _ f: [String], origin: DomainName, line: String) throws -> [UInt8] {
        func need(_ count: Int) throws {
            guard f.count >= count else { throw BadLine(line: line, reason: "too few RDATA fields") }
        }
        func name(_ text: String) throws -> [UInt8] { try DomainName(text, origin: origin).wire }
        func u8(_ text: String) throws -> [UInt8] {
            guard let value = UInt8(text) else { throw BadLine(line: line, reason: "bad number \(text)") }
            return [value]
        }
        func u16(_ text: String) throws -> [UInt8] {
            guard let value = UInt16(text) else { throw BadLine(line: line, reason: "bad number \(text)") }
            var out: [UInt8] = []
            out.appendUInt16(value)
            return out
        }
        func u32(_ text: String) throws -> [UInt8] {
            guard let value = UInt32(text) else { throw BadLine(line: line, reason: "bad number \(text)") }
            var out: [UInt8] = []
            out.appendUInt32(value)
            return out
        }
        func string(_ text: String) -> [UInt8] {
            let body = text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2
                ? Array(text.utf8.dropFirst().dropLast()) : Array(text.utf8)
            return [UInt8(body.count)] + body
        }
        func hex(_ text: String) throws -> [UInt8] {
            if text == "-" { return [] }
            let digits = Array(text.utf8)
            guard digits.count % 2 == 0 else { throw BadLine(line: line, reason: "odd hex") }
            return try stride(from: 0, to: digits.count, by: 2).map { index in
                guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                    throw BadLine(line: line, reason: "bad hex")
                }
                return byte
            }
        }
        func base64(_ text: String) throws -> [UInt8] {
            guard let data = Data(base64Encoded: text) else { throw BadLine(line: line, reason: "bad base64") }
            return Array(data)
        }
        func types(_ texts: ArraySlice<String>) throws -> [UInt8] {
            TypeBitmap.encode(try texts.map { text in
                guard let type = RRType(mnemonic: text) else { throw BadLine(line: line, reason: "bad type \(text)") }
                return type
            })
        }
        switch type {
        case .a, .aaaa:
            try need(1)
            guard let address = IPAddress.parse(f[0]), address.count == (type == .a ? 4 : 16) else {
                throw BadLine(line: line, reason: "bad address")
            }
            return address
        case .ns, .cname, .dname, .ptr:
            try need(1)
            return try name(f[0])
        case .mx:
            try need(2)
            return try u16(f[0]) + name(f[1])
        case .txt:
            try need(1)
            return f.flatMap(string)
        case .caa:
            try need(3)
            return try u8(f[0]) + string(f[1]) + Array(string(f[2]).dropFirst())
        case .ds, .cds:
            try need(4)
            return try u16(f[0]) + u8(f[1]) + u8(f[2]) + hex(f[3...].joined())
        case .dnskey, .cdnskey:
            try need(4)
            return try u16(f[0]) + u8(f[1]) + u8(f[2]) + base64(f[3...].joined())
        case .soa:
            try need(7)
            return try name(f[0]) + name(f[1]) + u32(f[2]) + u32(f[3]) + u32(f[4]) + u32(f[5]) + u32(f[6])
        case .srv:
            try need(4)
            return try u16(f[0]) + u16(f[1]) + u16(f[2]) + name(f[3])
        case .rrsig:
            try need(9)
            guard let covered = RRType(mnemonic: f[0]) else { throw BadLine(line: line, reason: "bad type") }
            var out: [UInt8] = []
            out.appendUInt16(covered.rawValue)
            return try out + u8(f[1]) + u8(f[2]) + u32(f[3]) + u32(f[4]) + u32(f[5]) + u16(f[6]) + name(f[7])
                + base64(f[8...].joined())
        case .nsec:
            try need(1)
            return try name(f[0]) + types(f.dropFirst())
        case .nsec3param:
            try need(4)
            let salt = try hex(f[3])
            return try u8(f[0]) + u8(f[1]) + u16(f[2]) + [UInt8(salt.count)] + salt
        default:
            throw BadLine(line: line, reason: "type not supported by the test reader")
        }
    }
}
