import ZoneModel

extension RDataTokenReader {
    /// Base64 split over the remaining tokens (at least one).
    mutating func encodeBase64(into out: inout [UInt8]) throws(RDataSyntaxError) {
        _ = try next("base64 data")
        index -= 1
        var decoder = Base64Decoder()
        while !isAtEnd {
            let token = try next("base64 data")
            guard decoder.feed(UnsafeBufferPointer(rebasing: token.text), into: &out) else { throw bad("base64") }
        }
        guard decoder.finish(into: &out) else { throw bad("base64 length") }
    }

    /// DOA data: base64, or `-` for none.
    mutating func encodeBase64OrDash(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("base64 data or -")
        if token.text.count == 1 && token.text.first == UInt8(ascii: "-") { return }
        index -= 1
        try encodeBase64(into: &out)
    }

    /// Hex split over the remaining tokens (at least one), an even number of digits in all.
    mutating func encodeHex(into out: inout [UInt8]) throws(RDataSyntaxError) {
        _ = try next("hex data")
        index -= 1
        var pending: UInt8? = nil
        while !isAtEnd {
            let token = try next("hex data")
            for byte in token.text {
                guard let value = RDataEncodings.hexValue(byte) else { throw bad("hex") }
                if let high = pending {
                    out.append(high << 4 | value)
                    pending = nil
                } else {
                    pending = value
                }
            }
        }
        if pending != nil { throw failure("odd number of hex digits") }
    }

    /// Hex from one token into `out`; false on a non-hex digit or odd length.
    func appendHexToken(_ text: TokenText, to out: inout [UInt8]) -> Bool {
        guard text.count % 2 == 0 else { return false }
        var index = text.startIndex
        while index < text.endIndex {
            guard let high = RDataEncodings.hexValue(text[index]),
                  let low = RDataEncodings.hexValue(text[index + 1]) else { return false }
            out.append(high << 4 | low)
            index += 2
        }
        return true
    }

    /// NSEC3/NSEC3PARAM salt (RFC 5155 section 3.3): `-` for none, else hex, at most 255 octets.
    mutating func encodeSalt(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a salt (hex or -)")
        let lengthAt = out.count
        out.append(0)
        if token.text.count == 1 && token.text.first == UInt8(ascii: "-") { return }
        guard appendHexToken(token.text, to: &out) else { throw expected("a salt (hex or -)") }
        let length = out.count - lengthAt - 1
        guard length <= 255 else { throw failure("salt longer than 255 octets") }
        out[lengthAt] = UInt8(length)
    }

    /// NSEC3 next hashed owner name (RFC 5155 section 3.3): base32hex, one token.
    mutating func encodeNextHashedOwner(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("the next hashed owner name (base32hex)")
        let lengthAt = out.count
        out.append(0)
        var decoder = Base32HexDecoder()
        guard decoder.feed(UnsafeBufferPointer(rebasing: token.text), into: &out), decoder.finish() else {
            throw bad("base32hex next hashed owner name")
        }
        let length = out.count - lengthAt - 1
        guard length >= 1, length <= 255 else { throw bad("next hashed owner name length") }
        out[lengthAt] = UInt8(length)
    }

    /// TSIG/TKEY key, MAC and other data: a 16-bit length, then hex. As ldns
    /// writes them: the octets in hex, `0` or `-` for none.
    mutating func encodeHexWithLength16(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("hex data")
        let lengthAt = out.count
        out.appendUInt16(0)
        if token.text.count == 1 && (token.text.first == UInt8(ascii: "-") || token.text.first == UInt8(ascii: "0")) {
            return
        }
        guard appendHexToken(token.text, to: &out) else { throw bad("hex") }
        let length = out.count - lengthAt - 2
        out[lengthAt] = UInt8(length >> 8)
        out[lengthAt + 1] = UInt8(length & 0xFF)
    }

    /// RFC 3597 section 5: `\# <length> <hex>...`; the hex may be split over
    /// tokens and must decode to exactly `length` octets.
    mutating func encodeGeneric(into out: inout [UInt8]) throws(RDataSyntaxError) {
        _ = try next("\\#")
        let length = Int(try unsigned(bits: 16, "the RDATA length after \\#"))
        let lengthIndex = lastIndex
        let start = out.count
        if length == 0 {
            try expectEnd()
            return
        }
        try encodeHex(into: &out)
        let decoded = out.count - start
        guard decoded == length else {
            throw RDataSyntaxError("\\# length \(length) does not match the \(decoded) octets of hex data", tokenIndex: lengthIndex)
        }
    }
}
