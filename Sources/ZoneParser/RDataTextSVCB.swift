import ZoneModel

/// RFC 9460 SvcParams: `key[=value]` tokens in any order; written sorted by
/// key, duplicates rejected. A value may be quoted (`alpn="h2,h3"`), as one
/// token or as `key=` followed by a quoted token, and is first decoded as a
/// character string (`\DDD`, `\X`); value lists (alpn, mandatory, hints) are
/// then split on commas not escaped with `\` (RFC 9460 Appendix A.1).
extension RDataTokenReader {
    mutating func encodeSvcParams(into out: inout [UInt8]) throws(RDataSyntaxError) {
        var params: [(key: UInt16, value: [UInt8], tokenIndex: Int)] = []
        var mandatory: (keys: [UInt16], tokenIndex: Int)? = nil
        while !isAtEnd {
            let token = try next("a SvcParam")
            let tokenIndex = lastIndex
            var text = token.text
            var rawValue: TokenText? = nil
            if let equals = text.firstIndex(of: UInt8(ascii: "=")) {
                rawValue = text[(equals + 1)...]
                text = text[text.startIndex..<equals]
                if rawValue!.isEmpty, !isAtEnd, self[index].isQuoted {
                    // `key=` then a quoted token: the lexer split `key="value"`.
                    rawValue = self[index].text
                    index += 1
                } else if let value = rawValue, value.count >= 2,
                          value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                    rawValue = value.dropFirst().dropLast()
                }
            }
            guard let key = svcParamKey(text) else {
                throw RDataSyntaxError("unknown SvcParamKey \(RDataTokenReader.quote(text)) (use keyNNNNN for unnamed keys)", tokenIndex: tokenIndex)
            }
            var decoded: [UInt8]? = nil
            if let rawValue {
                var bytes: [UInt8] = []
                guard appendUnescaped(rawValue, to: &bytes) else {
                    throw RDataSyntaxError("bad escape in SvcParam value \(RDataTokenReader.quote(token.text))", tokenIndex: tokenIndex)
                }
                decoded = bytes
            }
            let value = try svcParamValue(key: key, decoded, token: token, tokenIndex: tokenIndex)
            if key == 0 {
                var keys: [UInt16] = []
                var reader = RDataReader(value)
                while let listed = reader.uint16() { keys.append(listed) }
                mandatory = (keys, tokenIndex)
            }
            params.append((key, value, tokenIndex))
        }
        params.sort { $0.key < $1.key }
        for position in params.indices.dropFirst() where params[position].key == params[position - 1].key {
            throw RDataSyntaxError("duplicate SvcParamKey \(svcParamKeyName(params[position].key))", tokenIndex: params[position].tokenIndex)
        }
        if let mandatory {
            // RFC 9460 section 8: every mandatory key must be present.
            for key in mandatory.keys where !params.contains(where: { $0.key == key }) {
                throw RDataSyntaxError("mandatory key \(svcParamKeyName(key)) is not in the record", tokenIndex: mandatory.tokenIndex)
            }
        }
        for param in params {
            guard param.value.count <= 65535 else {
                throw RDataSyntaxError("SvcParam value longer than 65535 octets", tokenIndex: param.tokenIndex)
            }
            out.appendUInt16(param.key)
            out.appendUInt16(UInt16(param.value.count))
            out.append(contentsOf: param.value)
        }
    }

    /// The wire value of one SvcParam from its decoded presentation value.
    private func svcParamValue(key: UInt16, _ value: [UInt8]?, token: TokenView, tokenIndex: Int) throws(RDataSyntaxError) -> [UInt8] {
        let name = svcParamKeyName(key)
        func fail(_ message: String) -> RDataSyntaxError {
            RDataSyntaxError("\(message) in \(RDataTokenReader.quote(token.text))", tokenIndex: tokenIndex)
        }
        switch key {
        case 2, 8:
            // no-default-alpn and ohttp take no value.
            guard value == nil else { throw fail("\(name) takes no value") }
            return []
        case 0, 1, 3, 4, 5, 6:
            guard let value, !value.isEmpty else { throw fail("\(name) needs a value") }
            return try typedValue(key: key, value, fail)
        case 7:
            // RFC 9461 section 5: a relative URI template, so never empty.
            guard let value, !value.isEmpty else { throw fail("dohpath needs a value") }
            return value
        default:
            return value ?? []
        }
    }

    private func typedValue(key: UInt16, _ value: [UInt8], _ fail: (String) -> RDataSyntaxError) throws(RDataSyntaxError) -> [UInt8] {
        var out: [UInt8] = []
        switch key {
        case 0:
            var keys: [UInt16] = []
            for item in splitValueList(value) {
                guard let listed = item.withUnsafeBufferPointer({ svcParamKey($0[...]) }) else { throw fail("unknown key \(RDataTokenReader.quote(item[...])) in mandatory") }
                guard listed != 0 else { throw fail("mandatory must not list itself") }
                keys.append(listed)
            }
            keys.sort()
            for position in keys.indices.dropFirst() where keys[position] == keys[position - 1] {
                throw fail("duplicate key \(svcParamKeyName(keys[position])) in mandatory")
            }
            for listed in keys { out.appendUInt16(listed) }
        case 1:
            for item in splitValueList(value) {
                guard !item.isEmpty, item.count <= 255 else { throw fail("alpn IDs must be 1 to 255 octets") }
                out.append(UInt8(item.count))
                out.append(contentsOf: item)
            }
        case 3:
            guard let port = value.withUnsafeBufferPointer({ parseDecimal($0, limit: 65535) }) else { throw fail("port must be a 16-bit integer") }
            out.appendUInt16(UInt16(port))
        case 4:
            for item in splitValueList(value) {
                guard item.withUnsafeBufferPointer({ appendIPv4($0[...], to: &out) }) else { throw fail("bad IPv4 address \(RDataTokenReader.quote(item[...]))") }
            }
        case 6:
            for item in splitValueList(value) {
                guard item.withUnsafeBufferPointer({ appendIPv6($0[...], to: &out) }) else { throw fail("bad IPv6 address \(RDataTokenReader.quote(item[...]))") }
            }
        default:
            // ech: an ECHConfigList in base64.
            var decoder = Base64Decoder()
            guard decoder.feed(value[...], into: &out), decoder.finish(into: &out) else { throw fail("bad base64 in ech") }
        }
        return out
    }
}

/// A SvcParamKey name or `keyNNNNN` (65535 is reserved as invalid, RFC 9460 section 14.3.2).
func svcParamKey(_ text: TokenText) -> UInt16? {
    if let value = RDataMnemonics.lookup(text, in: RDataMnemonics.svcParamKeys) { return value }
    guard text.count > 3, text.count <= 8,
          text.prefix(3).elementsEqual("key".utf8),
          let number = parseDecimal(text.dropFirst(3), limit: 65534),
          text[text.startIndex + 3] != UInt8(ascii: "0") || text.count == 4
    else { return nil }
    return UInt16(number)
}

func svcParamKeyName(_ key: UInt16) -> String {
    if let name = RDataMnemonics.name(of: key, in: RDataMnemonics.svcParamKeys) {
        return String(decoding: name, as: UTF8.self)
    }
    return "key\(key)"
}

/// RFC 9460 Appendix A.1 value-list: items separated by `,`; `\,` is a
/// literal comma and `\\` a literal backslash inside an item.
func splitValueList(_ value: [UInt8]) -> [[UInt8]] {
    var items: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < value.count {
        let byte = value[index]
        if byte == UInt8(ascii: "\\"), index + 1 < value.count {
            current.append(value[index + 1])
            index += 2
            continue
        }
        if byte == UInt8(ascii: ",") {
            items.append(current)
            current = []
        } else {
            current.append(byte)
        }
        index += 1
    }
    items.append(current)
    return items
}
