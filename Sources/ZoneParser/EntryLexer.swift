#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CByteClasses

/// Splits master-file text into entries, over chunked input: the common
/// line at once from its bytes' class masks (`plainLine`), every other one
/// byte by byte, with the same result.
///
/// The rules follow BIND's lexer: space and TAB separate tokens; `;` starts a
/// comment; `(` and `)` join lines (they may nest); `"` starts a quoted token
/// that must close on the same line; `\` keeps the next byte in the token; a
/// CR before LF is ignored and a lone CR ends a line (without counting one).
/// `(`, `)` and `"` also end an unquoted token, so `a"b"` is two tokens.
final class EntryLexer {
    private let input: ByteInput
    @exclusivity(unchecked) private var index = 0
    /// 1-based number of the line being read.
    @exclusivity(unchecked) private(set) var line = 1
    /// Absolute offset of the first byte of the current line.
    @exclusivity(unchecked) private var lineStart = 0
    private let maxEntryBytes: Int
    private let classes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var exhausted = false

    private static let ordinary: UInt8 = 0, blank: UInt8 = 1, newline: UInt8 = 2, carriageReturn: UInt8 = 3
    private static let comment: UInt8 = 4, open: UInt8 = 5, close: UInt8 = 6, quote: UInt8 = 7, backslash: UInt8 = 8

    /// Lines `plainLine` read (for tests: the fast path must be taken).
    @exclusivity(unchecked) private(set) var plainLines = 0

    /// Set when the input ended inside parentheses: a region of a parallel
    /// parse was cut in the middle of an entry.
    @exclusivity(unchecked) private(set) var endedInsideParentheses = false

    /// `firstLine`: the number of the input's first line (a region of a file
    /// starts at the line the regions before it end on).
    init(input: ByteInput, maxEntryBytes: Int, firstLine: Int = 1) {
        self.input = input
        self.maxEntryBytes = maxEntryBytes
        line = firstLine
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: EntryLexer.ordinary, count: 256)
        classes[0x20] = EntryLexer.blank
        classes[0x09] = EntryLexer.blank
        classes[0x0A] = EntryLexer.newline
        classes[0x0D] = EntryLexer.carriageReturn
        classes[Int(UInt8(ascii: ";"))] = EntryLexer.comment
        classes[Int(UInt8(ascii: "("))] = EntryLexer.open
        classes[Int(UInt8(ascii: ")"))] = EntryLexer.close
        classes[Int(UInt8(ascii: "\""))] = EntryLexer.quote
        classes[Int(UInt8(ascii: "\\"))] = EntryLexer.backslash
    }

    deinit { classes.deallocate() }

    /// Set when reading failed (the entries before the failure were delivered).
    var inputError: InputError? { input.error }

    /// Bytes read so far.
    var bytesRead: Int { input.consumedBefore + index }

    @inline(__always) private func column(at position: Int) -> Int {
        input.consumedBefore + position - lineStart + 1
    }

    /// True when a byte is available at `index`, reading the next chunk if
    /// needed (`entry`, which may borrow the current one, is detached first).
    @inline(__always) private func available(_ entry: inout LexedEntry) -> Bool {
        if index < input.count { return true }
        return nextChunk(&entry)
    }

    private func nextChunk(_ entry: inout LexedEntry) -> Bool {
        guard !exhausted else { return false }
        entry.detach()
        guard input.refill() else {
            exhausted = true
            index = 0
            return false
        }
        index = 0
        entry.borrow(chunk)
        return true
    }

    /// The bytes of the current chunk.
    private var chunk: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: input.buffer, count: input.count) }

    /// Reads the next entry into `entry`. Returns false when the input is
    /// exhausted and nothing was read. Blank and comment-only lines are skipped.
    func next(into entry: inout LexedEntry) -> Bool {
        entry.reset()
        entry.borrow(chunk)
        var depth = 0
        var openLine = 0, openColumn = 0
        var lineBegins = true
        entry.line = line
        entry.column = 1
        while true {
            guard available(&entry) else {
                if depth > 0 {
                    endedInsideParentheses = true
                    entry.report(.unclosedParenthesis(line: openLine, column: openColumn), line: openLine, column: openColumn)
                }
                return !entry.isEmpty
            }
            if lineBegins && depth == 0 && entry.isEmpty && maxEntryBytes >= EntryLexer.plainLineEntryBytes {
                switch plainLine(&entry) {
                case .entry: return true
                case .blank: continue
                case .other: break
                }
            }
            let byte = input.buffer[index]
            if lineBegins {
                lineBegins = false
                if depth == 0 && entry.isEmpty {
                    entry.startsWithBlank = byte == 0x20 || byte == 0x09
                    entry.line = line
                    entry.column = column(at: index)
                }
            }
            switch classes[Int(byte)] {
            case EntryLexer.blank:
                index += 1
            case EntryLexer.newline:
                index += 1
                line += 1
                lineStart = input.consumedBefore + index
                lineBegins = true
                if depth == 0 && !entry.isEmpty { return true }
            case EntryLexer.carriageReturn:
                index += 1
                if available(&entry) && input.buffer[index] == 0x0A { continue }
                lineBegins = true
                if depth == 0 && !entry.isEmpty { return true }
            case EntryLexer.comment:
                if column(at: index) == 1 {
                    inspectLineComment()
                }
                skipComment(&entry)
            case EntryLexer.open:
                if depth == 0 {
                    openLine = line
                    openColumn = column(at: index)
                }
                depth += 1
                index += 1
            case EntryLexer.close:
                if depth == 0 {
                    entry.report(.unbalancedClose, line: line, column: column(at: index))
                } else {
                    depth -= 1
                }
                index += 1
            case EntryLexer.quote:
                lexQuoted(&entry)
            default:
                lexPlain(&entry)
            }
        }
    }

    /// What `plainLine` found at a line start.
    private enum PlainLine {
        /// A whole entry: the line's tokens are in the entry.
        case entry
        /// A line of blanks only, passed over.
        case blank
        /// Nothing read: the line is for the byte-by-byte lexer.
        case other
    }

    /// The most an entry from `plainLine` holds (63 octets in 32 tokens at
    /// most, with the lexer's count of one per token): below this entry
    /// limit, the byte-by-byte lexer reads every line and words the error.
    private static let plainLineEntryBytes = 128

    /// Reads the common line at once: it ends (LF, or CR LF) within the 64
    /// bytes from the line start, in the current chunk, and holds nothing
    /// but blanks, unquoted tokens and closed quoted ones. The tokens come
    /// from the bytes' class masks, with no branch per byte: reading byte by
    /// byte mispredicted a branch at about every token's end. Any other line
    /// (a comment, parenthesis, escape, control byte, unclosed quote, or a
    /// longer one) is left untouched for the byte-by-byte lexer, which gives
    /// the same entry.
    @inline(__always)
    private func plainLine(_ entry: inout LexedEntry) -> PlainLine {
        guard index + 64 <= input.count, entry.takesChunkTokens else { return .other }
        let masks = zoneaudit_classify64(input.buffer + index)
        guard masks.newline != 0 else { return .other }
        let lineFeed = masks.newline.trailingZeroBitCount
        var content = lineFeed
        let special = masks.special & ((1 << UInt64(lineFeed)) &- 1)
        if special != 0 {
            // Only a CR right before the LF, which ends the line as the LF does.
            guard lineFeed > 0, special == 1 << UInt64(lineFeed - 1), input.buffer[index + lineFeed - 1] == 0x0D else {
                return .other
            }
            content = lineFeed - 1
        }
        let contentMask: UInt64 = (1 << UInt64(content)) &- 1
        let quotes = masks.quote & contentMask
        // Bytes from an opening quote to the byte before its closing one
        // (each quote flips the state: a prefix XOR of the quote bits).
        var inside = quotes
        if quotes != 0 {
            // An unclosed quote is an error the byte-by-byte lexer words.
            guard quotes.nonzeroBitCount % 2 == 0 else { return .other }
            inside ^= inside << 1
            inside ^= inside << 2
            inside ^= inside << 4
            inside ^= inside << 8
            inside ^= inside << 16
            inside ^= inside << 32
        }
        let solid = ~masks.blank & ~quotes & ~inside & contentMask
        if solid | quotes != 0 {
            let lineColumn = column(at: index)
            entry.startsWithBlank = masks.blank & 1 != 0
            entry.line = line
            entry.column = lineColumn
            // An unquoted token starts at a solid byte after another byte
            // (or the line start) and ends at one before another byte (or
            // the line end); a quoted one runs from its opening quote to
            // the next quote. Tokens are taken in the order they start.
            var starts = solid & ~(solid << 1), ends = solid & ~(solid >> 1)
            var opens = quotes & inside, closes = quotes & ~inside
            while starts | opens != 0 {
                if opens != 0 && (starts == 0 || opens.trailingZeroBitCount < starts.trailingZeroBitCount) {
                    let open = opens.trailingZeroBitCount, close = closes.trailingZeroBitCount
                    // An empty quoted token has the empty span the byte-by-byte lexer gives it.
                    let span = close == open + 1 ? (0, 0) : (index + open + 1, index + close)
                    entry.appendChunkToken(span.0, span.1, line: line, column: lineColumn + open, quoted: true)
                    opens &= opens &- 1
                    closes &= closes &- 1
                } else {
                    let start = starts.trailingZeroBitCount, last = ends.trailingZeroBitCount
                    entry.appendChunkToken(index + start, index + last + 1, line: line, column: lineColumn + start, quoted: false)
                    starts &= starts &- 1
                    ends &= ends &- 1
                }
            }
        }
        index += lineFeed + 1
        line += 1
        lineStart = input.consumedBefore + index
        plainLines &+= 1
        return solid | quotes != 0 ? .entry : .blank
    }

    /// What the comments at the start of lines said about a zone transfer.
    private(set) var transferMarkers = TransferMarkers()

    /// Reads the head of a comment that starts a line (at most 64 bytes, not
    /// past the line end) and notes the banners and trailers transfer tools print.
    private func inspectLineComment() {
        var head: [UInt8] = []
        head.reserveCapacity(64)
        // The comment may straddle chunks: look ahead in the current chunk
        // only, and, when it ends too early, in nothing more (the trailer lines
        // are short and a miss only weakens format detection, never parsing).
        var position = index
        while position < input.count && head.count < 64 {
            let byte = input.buffer[position]
            if byte == 0x0A { break }
            head.append(byte)
            position += 1
        }
        transferMarkers.inspect(head)
    }

    /// Skips to the end of the line, leaving the LF for the caller.
    private func skipComment(_ entry: inout LexedEntry) {
        while available(&entry) {
            let rest = input.count - index
            if let found = memchr(input.buffer + index, 0x0A, rest) {
                index = input.buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
                return
            }
            index = input.count
        }
    }

    /// Appends `count` bytes starting at `position` of the current chunk,
    /// within the entry's byte budget.
    @inline(__always) private func append(_ entry: inout LexedEntry, from position: Int, count: Int) {
        guard count > 0 else { return }
        if entry.length + entry.spans.count + count > maxEntryBytes {
            entry.report(.entryTooLong(limit: maxEntryBytes), line: line, column: column(at: position))
            return
        }
        entry.appendToToken(input.buffer + position, count: count)
    }

    private func finishToken(_ entry: inout LexedEntry, line tokenLine: Int, column tokenColumn: Int, quoted: Bool) {
        if entry.length + entry.spans.count + 1 > maxEntryBytes {
            entry.report(.entryTooLong(limit: maxEntryBytes), line: tokenLine, column: tokenColumn)
            entry.abandonToken()
            return
        }
        entry.finishToken(line: tokenLine, column: tokenColumn, quoted: quoted)
    }

    /// An unquoted token: everything up to a blank, a line end, `;`, `(`, `)`
    /// or `"`, with `\` protecting the byte after it.
    private func lexPlain(_ entry: inout LexedEntry) {
        let tokenLine = line, tokenColumn = column(at: index)
        var escapePending = false
        scanning: while available(&entry) {
            let buffer = input.buffer, count = input.count
            var position = index
            if escapePending {
                let escaped = buffer[position]
                if escaped == 0x0A || escaped == 0x0D {
                    // At the backslash, the last byte of the chunk before.
                    entry.report(.escapeAtEndOfLine, line: line, column: column(at: position) - 1)
                    break scanning
                }
                escapePending = false
                position += 1
            }
            while position < count {
                // Eight bytes at a time through the long runs (base64 and hex
                // fields); a word that may hold anything else goes byte by byte.
                while position &+ 8 <= count,
                      EntryLexer.isSurelyOrdinary(UnsafeRawPointer(buffer + position).loadUnaligned(as: UInt64.self)) {
                    position &+= 8
                }
                guard position < count else { break }
                let kind = classes[Int(buffer[position])]
                if kind == EntryLexer.ordinary {
                    position += 1
                } else if kind == EntryLexer.backslash {
                    if position + 1 < count {
                        let escaped = buffer[position + 1]
                        if escaped == 0x0A || escaped == 0x0D {
                            append(&entry, from: index, count: position + 1 - index)
                            index = position + 1
                            entry.report(.escapeAtEndOfLine, line: line, column: column(at: position))
                            break scanning
                        }
                        position += 2
                    } else {
                        position += 1
                        escapePending = true
                    }
                } else {
                    append(&entry, from: index, count: position - index)
                    index = position
                    break scanning
                }
            }
            append(&entry, from: index, count: position - index)
            index = position
        }
        if escapePending && index >= input.count {
            // A backslash was the last byte of the input: the error is at it.
            entry.report(.escapeAtEndOfLine, line: line, column: column(at: index) - 1)
        }
        finishToken(&entry, line: tokenLine, column: tokenColumn, quoted: false)
    }

    /// False when one of the eight bytes of `word` may end a plain token or
    /// escape: a blank, a line end or another byte below 0x21 (control bytes
    /// too, which are ordinary: the byte loop then sorts them out), `;`, `(`,
    /// `)`, `"` or `\`. Each test is the classic "has a zero byte" on the word
    /// XORed with the byte repeated; `(` and `)` differ in the lowest bit only.
    @inline(__always)
    static func isSurelyOrdinary(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let belowBang = (word &- ones &* 0x21) & ~word & highs != 0
        return !(belowBang
            || hasZeroByte(word ^ (ones &* 0x3B))
            || hasZeroByte((word | ones) ^ (ones &* 0x29))
            || hasZeroByte(word ^ (ones &* 0x22))
            || hasZeroByte(word ^ (ones &* 0x5C)))
    }

    /// A quoted token: the text between the quotes, escapes kept as written.
    /// It must end on the line where it began.
    private func lexQuoted(_ entry: inout LexedEntry) {
        let tokenLine = line, tokenColumn = column(at: index)
        index += 1
        var escapePending = false
        var closed = false
        scanning: while available(&entry) {
            let buffer = input.buffer, count = input.count
            var position = index
            if escapePending {
                if buffer[position] == 0x0A { break scanning }
                escapePending = false
                position += 1
            }
            while position < count {
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") {
                    append(&entry, from: index, count: position - index)
                    index = position + 1
                    closed = true
                    break scanning
                }
                if byte == 0x0A {
                    append(&entry, from: index, count: position - index)
                    index = position
                    break scanning
                }
                if byte == UInt8(ascii: "\\") {
                    if position + 1 < count {
                        if buffer[position + 1] == 0x0A {
                            append(&entry, from: index, count: position + 1 - index)
                            index = position + 1
                            break scanning
                        }
                        position += 2
                    } else {
                        position += 1
                        escapePending = true
                    }
                } else {
                    position += 1
                }
            }
            append(&entry, from: index, count: position - index)
            index = position
        }
        if !closed {
            entry.report(.unterminatedString, line: tokenLine, column: tokenColumn)
        }
        finishToken(&entry, line: tokenLine, column: tokenColumn, quoted: true)
    }
}
