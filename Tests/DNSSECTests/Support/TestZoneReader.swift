import Foundation
import LDNS
import ZoneModel

/// Test-only zone reader: enough master-file syntax for ldns-signzone output
/// and the corpus zones (comments, parentheses across lines, `$ORIGIN`,
/// `$TTL`, a blank owner repeating the previous one), each record parsed by
/// ldns (`LDNSRecord(text:)`). The real parser lives in ZoneParser.
enum TestZoneReader {
    struct ReadError: Error, CustomStringConvertible {
        let line: Int
        let text: String
        let reason: String
        var description: String { "line \(line): \(reason): \(text)" }
    }

    static func records(fromFile path: String, origin: DomainName? = nil) throws -> [Record] {
        try records(fromText: String(contentsOfFile: path, encoding: .utf8), origin: origin)
    }

    static func records(fromText text: String, origin startOrigin: DomainName? = nil) throws -> [Record] {
        var records: [Record] = []
        var origin = startOrigin
        var defaultTTL: UInt32 = 3600
        var previousOwner: String?
        for (line, logical) in logicalLines(text) {
            if logical.hasPrefix("$") {
                let words = logical.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if words.first?.uppercased() == "$ORIGIN", words.count > 1 {
                    origin = try DomainName(String(words[1]), origin: origin)
                } else if words.first?.uppercased() == "$TTL", words.count > 1, let ttl = UInt32(words[1]) {
                    defaultTTL = ttl
                }
                continue
            }
            var recordText = logical
            if logical.first == " " || logical.first == "\t" {
                guard let previousOwner else { throw ReadError(line: line, text: logical, reason: "no previous owner") }
                recordText = previousOwner + logical
            } else if let owner = logical.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
                previousOwner = String(owner)
            }
            do {
                let parsed = try LDNSRecord(text: recordText, defaultTTL: defaultTTL, origin: origin).record()
                records.append(parsed)
            } catch {
                throw ReadError(line: line, text: recordText, reason: "\(error)")
            }
        }
        return records
    }

    /// Builds a zone; the origin is the given one or the first SOA's owner.
    static func zone(fromFile path: String, origin: DomainName? = nil) throws -> Zone {
        try zone(from: records(fromFile: path, origin: origin), origin: origin)
    }

    static func zone(fromText text: String, origin: DomainName? = nil) throws -> Zone {
        try zone(from: records(fromText: text, origin: origin), origin: origin)
    }

    static func zone(from records: [Record], origin: DomainName? = nil) throws -> Zone {
        guard let apex = origin ?? records.first(where: { $0.type == .soa })?.owner else {
            throw ReadError(line: 0, text: "", reason: "no origin and no SOA")
        }
        var builder = ZoneBuilder(origin: apex)
        builder.append(contentsOf: records)
        return builder.build().zone
    }

    /// Lines with comments removed and parenthesised continuations joined,
    /// each with the number of its first physical line.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var current = ""
        var depth = 0
        var startLine = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = ""
            var quoted = false
            var escaped = false
            for character in raw {
                if escaped {
                    line.append(character)
                    escaped = false
                    continue
                }
                if character == "\\" { escaped = true; line.append(character); continue }
                if character == "\"" { quoted.toggle() }
                if !quoted {
                    if character == ";" { break }
                    if character == "(" { depth += 1; line.append(" "); continue }
                    if character == ")" { depth = max(0, depth - 1); line.append(" "); continue }
                }
                line.append(character == "\r" ? " " : character)
            }
            if current.isEmpty { startLine = index + 1 }
            current += current.isEmpty ? line : " " + line
            if depth == 0 {
                if !current.trimmingCharacters(in: .whitespaces).isEmpty {
                    // Keep a leading blank (it means "same owner"), trim the rest.
                    let leading = current.first == " " || current.first == "\t"
                    let body = current.trimmingCharacters(in: .whitespaces)
                    result.append((startLine, leading ? " " + body : body))
                }
                current = ""
            }
        }
        return result
    }
}
