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
///
/// The lexer's entries borrow their text: the spans index the input chunk
/// the entry lies in, and nothing is copied (copying each token took a
/// tenth of the parse). An entry that crosses into the next chunk is
/// detached first: its text so far is copied into storage of its own, and
/// the rest of it follows there. Entries built by hand (`appendBytes`) use
/// that storage alone. Copies of an entry share the storage: an entry is
/// reused, never copied and changed.
struct LexedEntry {
    /// Octets an entry keeps of its own, grown by doubling.
    private final class Storage {
        var pointer: UnsafeMutablePointer<UInt8>
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            pointer = .allocate(capacity: capacity)
        }

        /// Room for `needed` octets, the first `count` kept.
        func reserve(_ needed: Int, keeping count: Int) {
            guard needed > capacity else { return }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, 2 * capacity))
            grown.initialize(from: pointer, count: count)
            pointer.deallocate()
            pointer = grown
            capacity = max(needed, 2 * capacity)
        }

        deinit { pointer.deallocate() }
    }

    private var storage = Storage(capacity: 4096)
    /// The input chunk the spans index while the entry borrows its text;
    /// nil when they index `storage`.
    private var borrowed: UnsafeBufferPointer<UInt8>?
    /// Octets of token text in the entry (in either place), escapes as written.
    private(set) var length = 0
    /// Where the token being read starts (in the chunk or in the storage)
    /// and, when borrowed, ends; -1 before its first octet.
    private var tokenStart = -1
    private var tokenEnd = 0
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
        spans.reserveCapacity(64)
    }

    /// The octets the spans index: valid until the lexer reads the next
    /// entry (or the entry is changed).
    var bytes: UnsafeBufferPointer<UInt8> {
        borrowed ?? UnsafeBufferPointer(start: storage.pointer, count: length)
    }

    /// The octets of the token at `span` (escapes as written), valid as `bytes` is.
    @inline(__always)
    func text(_ span: TokenSpan) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }

    mutating func reset() {
        length = 0
        tokenStart = -1
        borrowed = nil
        spans.removeAll(keepingCapacity: true)
        startsWithBlank = false
        problem = nil
    }

    /// Lets the entry, while empty, borrow its text from `chunk`.
    mutating func borrow(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard length == 0, spans.isEmpty, tokenStart < 0 else { return }
        borrowed = chunk
    }

    /// Before the lexer reads the next chunk over the one the entry
    /// borrows: copies the text read so far into the entry's storage,
    /// where the rest of the entry then goes. An empty entry keeps nothing
    /// of the chunk (the lexer lends it the next one).
    mutating func detach() {
        guard let chunk = borrowed, !spans.isEmpty || tokenStart >= 0 else { return }
        storage.reserve(length, keeping: 0)
        var written = 0
        for index in spans.indices {
            let count = spans[index].end - spans[index].start
            (storage.pointer + written).initialize(from: chunk.baseAddress! + spans[index].start, count: count)
            spans[index].start = written
            spans[index].end = written + count
            written += count
        }
        if tokenStart >= 0 {
            (storage.pointer + written).initialize(from: chunk.baseAddress! + tokenStart, count: tokenEnd - tokenStart)
            tokenStart = written
        }
        borrowed = nil
    }

    /// Adds `count` octets at `source` to the token being read: in the
    /// chunk the entry borrows (where they follow the token's octets so
    /// far), or copied into its storage.
    @inline(__always)
    mutating func appendToToken(_ source: UnsafePointer<UInt8>, count: Int) {
        if let chunk = borrowed {
            let position = chunk.baseAddress!.distance(to: source)
            assert(tokenStart < 0 || position == tokenEnd, "a borrowed token's octets follow each other")
            if tokenStart < 0 { tokenStart = position }
            tokenEnd = position + count
            length += count
        } else {
            if tokenStart < 0 { tokenStart = length }
            appendBytes(source, count: count)
        }
    }

    /// Ends the token being read: its span, where the lexer found it.
    mutating func finishToken(line: Int, column: Int, quoted: Bool) {
        let span: Range<Int>
        if borrowed != nil {
            span = tokenStart < 0 ? 0..<0 : tokenStart..<tokenEnd
        } else {
            span = (tokenStart < 0 ? length : tokenStart)..<length
        }
        spans.append(TokenSpan(start: span.lowerBound, end: span.upperBound, line: line, column: column, isQuoted: quoted))
        tokenStart = -1
    }

    /// True when the entry borrows the chunk and no token is being read:
    /// whole tokens can then be added by their place in the chunk.
    var takesChunkTokens: Bool { borrowed != nil && tokenStart < 0 }

    /// Adds a whole token, the chunk's octets `start..<end` (a quoted one's
    /// without its quotes), read at `line` and `column` (the lexer's fast
    /// path; see `takesChunkTokens`).
    @inline(__always)
    mutating func appendChunkToken(_ start: Int, _ end: Int, line: Int, column: Int, quoted: Bool) {
        assert(takesChunkTokens, "chunk tokens go to an entry that borrows the chunk")
        spans.append(TokenSpan(start: start, end: end, line: line, column: column, isQuoted: quoted))
        length += end - start
    }

    /// Drops the token being read (the entry is too long and is dropped too).
    mutating func abandonToken() { tokenStart = -1 }

    mutating func report(_ problem: LexProblem, line: Int, column: Int) {
        guard self.problem == nil else { return }
        self.problem = problem
        problemLine = line
        problemColumn = column
    }

    var isEmpty: Bool { spans.isEmpty && problem == nil }

    /// Appends `count` octets from `source` to the entry's own storage (an
    /// entry built by hand, which never borrows).
    @inline(__always)
    mutating func appendBytes(_ source: UnsafePointer<UInt8>, count: Int) {
        precondition(borrowed == nil, "a borrowing entry takes token octets through appendToToken")
        storage.reserve(length + count, keeping: length)
        (storage.pointer + length).initialize(from: source, count: count)
        length += count
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
