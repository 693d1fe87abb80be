import ZoneModel

/// A cursor over the RDATA tokens of one entry, with the error wording every
/// field shares: `missing X` (no token left), `expected X, got "T"` and
/// `bad X "T"`, each with the index of the token at fault.
struct RDataTokenReader {
    /// The entry's bytes, which the spans index.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The RDATA tokens.
    let spans: UnsafeBufferPointer<TokenSpan>
    var index = 0
    let origin: DomainName?

    init(bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<TokenSpan>, origin: DomainName?) {
        self.bytes = bytes
        self.spans = spans
        self.origin = origin
    }

    var isAtEnd: Bool { index >= spans.count }

    /// Token `position` (0 for the first RDATA token).
    @inline(__always)
    subscript(position: Int) -> TokenView {
        let span = spans[position]
        return TokenView(text: bytes[span.start..<span.end], isQuoted: span.isQuoted, line: span.line, column: span.column)
    }

    /// True when the first token is the unquoted RFC 3597 marker `\#`.
    var atGenericMarker: Bool { RDataTokenReader.startsWithGenericMarker(spans, in: bytes) }

    /// True when the first of `spans` is the unquoted RFC 3597 marker `\#`.
    static func startsWithGenericMarker(_ spans: UnsafeBufferPointer<TokenSpan>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let span = spans.first, !span.isQuoted, span.end - span.start == 2 else { return false }
        return bytes[span.start] == UInt8(ascii: "\\") && bytes[span.start + 1] == UInt8(ascii: "#")
    }

    /// The next token; `what` names the field for the "missing" message.
    @inline(__always)
    mutating func next(_ what: @autoclosure () -> String) throws(RDataSyntaxError) -> TokenView {
        guard index < spans.count else { throw RDataSyntaxError("missing \(what())", tokenIndex: nil) }
        defer { index += 1 }
        return self[index]
    }

    /// The index of the token `next` returned last.
    var lastIndex: Int { index - 1 }

    func expectEnd() throws(RDataSyntaxError) {
        guard isAtEnd else {
            throw RDataSyntaxError("unexpected extra field \(RDataTokenReader.quote(self[index].text))", tokenIndex: index)
        }
    }

    /// `expected WHAT, got "TOKEN"` for the last token read.
    func expected(_ what: String) -> RDataSyntaxError {
        RDataSyntaxError("expected \(what), got \(RDataTokenReader.quote(self[lastIndex].text))", tokenIndex: lastIndex)
    }

    /// `bad WHAT "TOKEN"` for the last token read.
    func bad(_ what: String) -> RDataSyntaxError {
        RDataSyntaxError("bad \(what) \(RDataTokenReader.quote(self[lastIndex].text))", tokenIndex: lastIndex)
    }

    /// A message about the last token read, in the caller's words.
    func failure(_ message: String) -> RDataSyntaxError {
        RDataSyntaxError(message, tokenIndex: lastIndex)
    }

    /// The token text quoted for a message, cut to a sane length and with
    /// control octets shown as `\DDD` (zone files are untrusted).
    static func quote(_ text: some Collection<UInt8>) -> String {
        let limit = 80
        var shown: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.prefix(limit) {
            if byte < 0x20 || byte == 0x7F {
                shown.append(UInt8(ascii: "\\"))
                shown.append(48 + byte / 100)
                shown.append(48 + (byte / 10) % 10)
                shown.append(48 + byte % 10)
            } else {
                shown.append(byte)
            }
        }
        if text.count > limit { shown.append(contentsOf: Array("...".utf8)) }
        shown.append(UInt8(ascii: "\""))
        return String(decoding: shown, as: UTF8.self)
    }
}
