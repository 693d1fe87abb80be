import ZoneModel

/// One whitespace-separated field of a master-file entry, as the lexer found it.
///
/// The text is a slice of the lexer's line buffer (no String per token).
/// Escapes are NOT decoded: `\.` and `\DDD` stay as written, because their
/// meaning depends on the field (a name label, a character string). A quoted
/// token's text excludes the quotes.
public struct Token: Sendable {
    public var text: ArraySlice<UInt8>
    public var isQuoted: Bool
    /// 1-based line and column of the token's first character (the quote for a quoted token).
    public var line: Int
    public var column: Int

    public init(text: ArraySlice<UInt8>, isQuoted: Bool = false, line: Int = 1, column: Int = 1) {
        self.text = text
        self.isQuoted = isQuoted
        self.line = line
        self.column = column
    }

    /// True when the token is exactly `literal` (ASCII, case-insensitive).
    public func equalsIgnoringCase(_ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        let bytes = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        var index = text.startIndex
        for expected in bytes {
            let byte = text[index]
            let lowered = byte &- 65 < 26 ? byte | 0x20 : byte
            let expectedLowered = expected &- 65 < 26 ? expected | 0x20 : expected
            if lowered != expectedLowered { return false }
            index += 1
        }
        return true
    }

    /// The token as a String, for messages only (never on the hot path).
    public var string: String { String(decoding: text, as: UTF8.self) }
}

/// A token's text as the RDATA encoders read it: a view of bytes that the
/// caller keeps alive for the length of one entry. A view holds no
/// reference, so reading a token costs no reference counting (an
/// `ArraySlice` per token cost four atomic operations).
typealias TokenText = Slice<UnsafeBufferPointer<UInt8>>

/// One token of an entry's RDATA, as `RDataTokenReader` hands it out.
struct TokenView {
    var text: TokenText
    var isQuoted: Bool
    var line: Int
    var column: Int
}

/// A field of RDATA that could not be encoded. `tokenIndex` is the index into
/// the token slice given to `RDataText.encode`; nil means a field is missing
/// after the last token.
public struct RDataSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var tokenIndex: Int?

    public init(_ message: String, tokenIndex: Int?) {
        self.message = message
        self.tokenIndex = tokenIndex
    }
}
