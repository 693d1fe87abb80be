import ZoneModel

/// A cursor over the RDATA tokens of one entry, with the error wording every
/// field shares: `missing X` (no token left), `expected X, got "T"` and
/// `bad X "T"`, each with the index of the token at fault.
struct RDataTokenReader {
    let tokens: ArraySlice<Token>
    var index: Int
    let origin: DomainName?

    init(tokens: ArraySlice<Token>, origin: DomainName?) {
        self.tokens = tokens
        self.index = tokens.startIndex
        self.origin = origin
    }

    var isAtEnd: Bool { index >= tokens.endIndex }

    /// True when the first token is the unquoted RFC 3597 marker `\#`.
    var atGenericMarker: Bool {
        guard let first = tokens.first, !first.isQuoted, first.text.count == 2 else { return false }
        return first.text.first == UInt8(ascii: "\\") && first.text.last == UInt8(ascii: "#")
    }

    /// The next token; `what` names the field for the "missing" message.
    @inline(__always)
    mutating func next(_ what: @autoclosure () -> String) throws(RDataSyntaxError) -> Token {
        guard index < tokens.endIndex else { throw RDataSyntaxError("missing \(what())", tokenIndex: nil) }
        defer { index += 1 }
        return tokens[index]
    }

    /// The index of the token `next` returned last.
    var lastIndex: Int { index - 1 }

    func expectEnd() throws(RDataSyntaxError) {
        guard isAtEnd else {
            throw RDataSyntaxError("unexpected extra field \(RDataTokenReader.quote(tokens[index].text))", tokenIndex: index)
        }
    }

    /// `expected WHAT, got "TOKEN"` for the last token read.
    func expected(_ what: String) -> RDataSyntaxError {
        RDataSyntaxError("expected \(what), got \(RDataTokenReader.quote(tokens[lastIndex].text))", tokenIndex: lastIndex)
    }

    /// `bad WHAT "TOKEN"` for the last token read.
    func bad(_ what: String) -> RDataSyntaxError {
        RDataSyntaxError("bad \(what) \(RDataTokenReader.quote(tokens[lastIndex].text))", tokenIndex: lastIndex)
    }

    /// A message about the last token read, in the caller's words.
    func failure(_ message: String) -> RDataSyntaxError {
        RDataSyntaxError(message, tokenIndex: lastIndex)
    }

    /// The token text quoted for a message, cut to a sane length and with
    /// control octets shown as `\DDD` (zone files are untrusted).
    static func quote(_ text: ArraySlice<UInt8>) -> String {
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
