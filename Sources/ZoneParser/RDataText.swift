import ZoneModel

/// Encodes the RDATA part of a master-file entry (the tokens after the type)
/// into uncompressed wire form, for every type with a typed text form
/// (`RDataLayout`) and for any type in RFC 3597 generic form (`\# len hex`).
///
/// Tokens come raw from the lexer: escapes undecoded, quoted tokens without
/// their quotes. Names are relative to `origin`; `@` is the origin.
public enum RDataText {
    /// Appends the wire RDATA of `type` to `out`. On error `out` is left as it
    /// was and the error's `tokenIndex` is an index of `tokens` (a subscript of
    /// the slice as given, not an offset from its start), or nil when a field
    /// is missing after the last token.
    public static func encode(
        type: RRType, tokens: ArraySlice<Token>, origin: DomainName?, into out: inout [UInt8]
    ) throws(RDataSyntaxError) {
        // The tokens' texts back to back, as the parser's lexer leaves them.
        var bytes: [UInt8] = []
        var spans: [TokenSpan] = []
        for token in tokens {
            let start = bytes.count
            bytes.append(contentsOf: token.text)
            spans.append(TokenSpan(start: start, end: bytes.count, line: token.line, column: token.column, isQuoted: token.isQuoted))
        }
        let fields = RDataLayout.fields(for: type)
        let result = bytes.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in
                Result { () throws(RDataSyntaxError) in
                    try encode(type: type, fields: fields, bytes: bytes, spans: spans, origin: origin, into: &out)
                }
            }
        }
        do throws(RDataSyntaxError) {
            try result.get()
        } catch {
            var shifted = error
            shifted.tokenIndex = error.tokenIndex.map { tokens.startIndex + $0 }
            throw shifted
        }
    }

    /// As `encode(type:tokens:origin:into:)`, for the tokens `spans` marks in
    /// `bytes` (the parser's entry, read in place), with the type's field
    /// list given (the parser reads it from a `RDataLayoutTable` of its own).
    /// An error's `tokenIndex` is an index of `spans`.
    static func encode(
        type: RRType, fields: [RDataField]?, bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<TokenSpan>,
        origin: DomainName?, into out: inout [UInt8]
    ) throws(RDataSyntaxError) {
        let start = out.count
        do throws(RDataSyntaxError) {
            var reader = RDataTokenReader(bytes: bytes, spans: spans, origin: origin)
            if reader.atGenericMarker {
                try reader.encodeGeneric(into: &out)
            } else {
                guard let fields else {
                    throw RDataSyntaxError(
                        "type \(type.mnemonic) has no typed RDATA syntax; use the RFC 3597 form \\# <length> <hex>",
                        tokenIndex: spans.isEmpty ? nil : 0)
                }
                for field in fields {
                    try reader.encode(field, into: &out)
                }
                try reader.expectEnd()
            }
            if out.count - start > 65535 {
                throw RDataSyntaxError("RDATA longer than 65535 octets", tokenIndex: 0)
            }
        } catch {
            out.removeSubrange(start...)
            throw error
        }
    }

    /// Convenience for tests and tools: the wire RDATA as a new array.
    public static func encode(type: RRType, tokens: ArraySlice<Token>, origin: DomainName?) throws(RDataSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        try encode(type: type, tokens: tokens, origin: origin, into: &out)
        return out
    }
}

extension RDataTokenReader {
    /// Encodes one field, consuming its tokens.
    mutating func encode(_ field: RDataField, into out: inout [UInt8]) throws(RDataSyntaxError) {
        switch field {
        case .name: try encodeName(into: &out)
        case .uint8: out.append(UInt8(try unsigned(bits: 8, "an 8-bit integer")))
        case .uint16: out.appendUInt16(UInt16(try unsigned(bits: 16, "a 16-bit integer")))
        case .uint32: out.appendUInt32(UInt32(try unsigned(bits: 32, "a 32-bit integer")))
        case .period: out.appendUInt32(try period())
        case .time: out.appendUInt32(try time())
        case .time48: try encodeTime48(into: &out)
        case .rrType: out.appendUInt16(try rrType())
        case .algorithm: out.append(UInt8(try numberOrMnemonic(bits: 8, RDataMnemonics.algorithms, "a DNSSEC algorithm")))
        case .certType: out.appendUInt16(UInt16(try numberOrMnemonic(bits: 16, RDataMnemonics.certificateTypes, "a certificate type")))
        case .uint8Mnemonic(let set):
            out.append(UInt8(try numberOrMnemonic(bits: 8, RDataMnemonics.table(for: set), "an 8-bit integer")))
        case .ipv4: try encodeIPv4(into: &out)
        case .ipv6: try encodeIPv6(into: &out)
        case .characterString: try encodeCharacterString(into: &out)
        case .optionalCharacterString: if !isAtEnd { try encodeCharacterString(into: &out) }
        case .characterStrings: try encodeCharacterStrings(into: &out)
        case .longString: try encodeLongString(into: &out)
        case .caaTag: try encodeCAATag(into: &out)
        case .base64: try encodeBase64(into: &out)
        case .base64OrDash: try encodeBase64OrDash(into: &out)
        case .hex: try encodeHex(into: &out)
        case .hexWithLength16: try encodeHexWithLength16(into: &out)
        case .salt: try encodeSalt(into: &out)
        case .nextHashedOwner: try encodeNextHashedOwner(into: &out)
        case .typeBitmap: try encodeTypeBitmap(into: &out)
        case .nxtBitmap: try encodeNXTBitmap(into: &out)
        case .ilnp64: try encodeILNP64(into: &out)
        case .eui48: try encodeEUI(octets: 6, into: &out)
        case .eui64: try encodeEUI(octets: 8, into: &out)
        case .nsap: try encodeNSAP(into: &out)
        case .atma: try encodeATMA(into: &out)
        case .wksBitmap: try encodeWKSBitmap(into: &out)
        case .loc: try encodeLOC(into: &out)
        case .apl: try encodeAPL(into: &out)
        case .ipseckey: try encodeIPSECKEY(into: &out)
        case .hip: try encodeHIP(into: &out)
        case .a6: try encodeA6(into: &out)
        case .amtrelay: try encodeAMTRELAY(into: &out)
        case .svcParams: try encodeSvcParams(into: &out)
        }
    }
}
