import Testing
import ZoneModel
@testable import ZoneParser

/// A minimal master-file tokenizer for the RDATA tests, so they do not depend
/// on the real lexer: whitespace separates tokens, `"..."` is one quoted token
/// (quotes dropped, escapes kept raw), `(` `)` are dropped, `;` starts a
/// comment. A quote inside a token (`alpn="h2,h3"`) stays part of that token.
enum TestTokens {
    /// Every record in `text`: records end at a newline outside parentheses.
    static func records(_ text: String) -> [[Token]] {
        var result: [[Token]] = []
        var current: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        var depth = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\n"):
                if depth == 0 && !current.isEmpty {
                    result.append(current)
                    current = []
                }
                line += 1
                index += 1
                lineStart = index
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "("):
                depth += 1
                index += 1
            case UInt8(ascii: ")"):
                depth -= 1
                index += 1
            case UInt8(ascii: ";"):
                while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""):
                let start = index + 1
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                current.append(Token(text: bytes[start..<min(end, bytes.count)], isQuoted: true, line: line, column: index - lineStart + 1))
                index = min(end + 1, bytes.count)
            default:
                let start = index
                var inQuote = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { inQuote.toggle(); index += 1; continue }
                    if !inQuote && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                        || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ";")
                        || byte == UInt8(ascii: "\r")) { break }
                    index += 1
                }
                index = min(index, bytes.count)
                current.append(Token(text: bytes[start..<index], line: line, column: start - lineStart + 1))
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The tokens of one record, re-based so the slice starts at index 0.
    static func tokens(_ text: String) -> ArraySlice<Token> {
        let all = records(text).flatMap { $0 }
        return Array(all)[...]
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8).filter { $0 != UInt8(ascii: " ") }
        guard digits.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = RDataEncodings.hexValue(digits[index]), let low = RDataEncodings.hexValue(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    static let origin = try! DomainName("example.")
}

@Suite struct RDataTestTokensTests {
    @Test func splitsQuotedParenthesisedAndCommentedText() {
        let records = TestTokens.records("a \"b c\" ( d\n e ) ; x\nf g=\"h i\"\n")
        #expect(records.count == 2)
        #expect(records[0].map(\.string) == ["a", "b c", "d", "e"])
        #expect(records[0][1].isQuoted)
        #expect(records[1].map(\.string) == ["f", "g=\"h i\""])
    }
}
