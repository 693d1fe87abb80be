/// Where one token's text lies in `LexedEntry.bytes`, and where it was read.
struct TokenSpan {
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var isQuoted: Bool
}

/// Why the lexer could not take an entry apart. The first problem of an entry
/// is reported; the entry is then dropped and lexing resumes at the next one.
enum LexProblem: Equatable {
    case unterminatedString
    case unbalancedClose
    case unclosedParenthesis(line: Int, column: Int)
    case escapeAtEndOfLine
    case entryTooLong(limit: Int)

    var rule: String {
        switch self {
        case .unterminatedString: "syntax.unterminated-string"
        case .unbalancedClose, .unclosedParenthesis: "syntax.unbalanced-parentheses"
        case .escapeAtEndOfLine: "syntax.bad-escape"
        case .entryTooLong: "syntax.entry-too-long"
        }
    }

    var message: String {
        switch self {
        case .unterminatedString:
            "quoted string not closed before the end of the line: expected '\"'"
        case .unbalancedClose:
            "')' without a matching '('"
        case .unclosedParenthesis(let line, let column):
            "'(' opened at \(line):\(column) is never closed: expected ')' before the end of the file"
        case .escapeAtEndOfLine:
            "'\\' at the end of a line: expected a character or three decimal digits after it"
        case .entryTooLong(let limit):
            "entry longer than \(limit) bytes (maxEntryBytes)"
        }
    }
}

/// One master-file entry: the tokens of one line, or of several lines joined
/// by parentheses. Reused from entry to entry so lexing does not allocate.
struct LexedEntry {
    /// The token text of the whole entry, back to back, escapes as written:
    /// the first `length` octets. The array keeps its size from entry to
    /// entry and tokens are copied in with `appendBytes`, not `append`, whose
    /// generic path and per-entry `removeAll` were a tenth of the parse.
    private(set) var bytes: [UInt8]
    private(set) var length = 0
    var spans: [TokenSpan] = []
    /// The entry's first line began with a space or tab: the owner is omitted.
    var startsWithBlank = false
    /// Where the entry began (its first token, or its first byte when it has none).
    var line = 1
    var column = 1
    var problem: LexProblem?
    var problemLine = 0
    var problemColumn = 0

    init() {
        bytes = [UInt8](repeating: 0, count: 4096)
        spans.reserveCapacity(64)
    }

    mutating func reset() {
        length = 0
        spans.removeAll(keepingCapacity: true)
        startsWithBlank = false
        problem = nil
    }

    mutating func report(_ problem: LexProblem, line: Int, column: Int) {
        guard self.problem == nil else { return }
        self.problem = problem
        problemLine = line
        problemColumn = column
    }

    var isEmpty: Bool { spans.isEmpty && problem == nil }

    /// Appends `count` octets from `source` to `bytes`.
    @inline(__always)
    mutating func appendBytes(_ source: UnsafePointer<UInt8>, count: Int) {
        let end = length + count
        if end > bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(end, 2 * bytes.count) - bytes.count)) }
        let start = length
        bytes.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: start).update(from: source, count: count) }
        length = end
    }

    /// True when the first token is exactly `literal`, ignoring ASCII case.
    func token(_ index: Int, equalsIgnoringCase literal: StaticString) -> Bool {
        let span = spans[index]
        guard span.end - span.start == literal.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        var position = span.start
        for byte in expected {
            let have = bytes[position]
            if (have &- 65 < 26 ? have | 0x20 : have) != (byte &- 65 < 26 ? byte | 0x20 : byte) { return false }
            position += 1
        }
        return true
    }

    /// The text of token `index`, for messages.
    func string(_ index: Int) -> String {
        let span = spans[index]
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
}
