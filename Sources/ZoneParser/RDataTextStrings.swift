import ZoneModel

/// Appends `text` with RFC 1035 section 5.1 escapes decoded: `\DDD` is an
/// octet in decimal, `\X` is X. False on a malformed escape.
func appendUnescaped(_ text: TokenText, to out: inout [UInt8]) -> Bool {
    appendUnescaped(UnsafeBufferPointer(rebasing: text), to: &out)
}

func appendUnescaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
    // Runs without a backslash are copied in one go.
    guard text.contains(UInt8(ascii: "\\")) else {
        out.append(contentsOf: text)
        return true
    }
    var index = text.startIndex
    let end = text.endIndex
    while index < end {
        let byte = text[index]
        guard byte == UInt8(ascii: "\\") else {
            out.append(byte)
            index += 1
            continue
        }
        index += 1
        guard index < end else { return false }
        let first = text[index]
        if first &- 48 < 10 {
            guard index + 2 < end else { return false }
            let second = text[index + 1] &- 48, third = text[index + 2] &- 48
            guard second < 10, third < 10 else { return false }
            let value = Int(first - 48) * 100 + Int(second) * 10 + Int(third)
            guard value <= 255 else { return false }
            out.append(UInt8(value))
            index += 3
        } else {
            out.append(first)
            index += 1
        }
    }
    return true
}

extension RDataTokenReader {
    /// One `<character-string>`: a length octet, then at most 255 octets.
    mutating func encodeCharacterString(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a character string")
        try appendCharacterString(token, into: &out)
    }

    func appendCharacterString(_ token: TokenView, into out: inout [UInt8]) throws(RDataSyntaxError) {
        let lengthAt = out.count
        out.append(0)
        guard appendUnescaped(token.text, to: &out) else {
            out.removeSubrange(lengthAt...)
            throw bad("escape in character string")
        }
        let length = out.count - lengthAt - 1
        guard length <= 255 else {
            out.removeSubrange(lengthAt...)
            throw failure("character string longer than 255 octets (\(length)): \(RDataTokenReader.quote(token.text))")
        }
        out[lengthAt] = UInt8(length)
    }

    /// TXT and friends: one or more character strings, to the end.
    mutating func encodeCharacterStrings(into out: inout [UInt8]) throws(RDataSyntaxError) {
        _ = try next("a character string")
        index -= 1
        while !isAtEnd {
            let token = try next("a character string")
            try appendCharacterString(token, into: &out)
        }
    }

    /// CAA value, URI target: one string token, no length prefix.
    mutating func encodeLongString(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a string")
        guard appendUnescaped(token.text, to: &out) else { throw bad("escape in string") }
    }

    /// RFC 8659 section 4.1: the tag is 1 to 255 ASCII letters and digits
    /// (15 at most are registered; longer tags are legal on the wire).
    mutating func encodeCAATag(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a CAA tag")
        let text = token.text
        guard !text.isEmpty, text.count <= 255,
              text.allSatisfy({ ($0 | 0x20) &- 97 < 26 || $0 &- 48 < 10 })
        else { throw expected("a CAA tag (letters and digits)") }
        out.append(UInt8(text.count))
        out.append(contentsOf: text)
    }
}
