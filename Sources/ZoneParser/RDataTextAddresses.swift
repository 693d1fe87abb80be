import ZoneModel

/// Dotted-quad IPv4 (four decimal octets, no leading zeros, as inet_pton).
func appendIPv4(_ text: TokenText, to out: inout [UInt8]) -> Bool {
    guard let value = parseIPv4(text) else { return false }
    out.appendUInt32(value)
    return true
}

func parseIPv4(_ text: TokenText) -> UInt32? {
    parseIPv4(UnsafeBufferPointer(rebasing: text))
}

func parseIPv4(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
    var result: UInt32 = 0
    var octets = 0
    var value = 0
    var digits = 0
    var startsWithZero = false
    for byte in text {
        if byte == UInt8(ascii: ".") {
            guard digits > 0, octets < 3 else { return nil }
            result = result << 8 | UInt32(value)
            octets += 1
            value = 0
            digits = 0
            startsWithZero = false
            continue
        }
        let digit = byte &- 48
        // "0" is an octet; "01" is not (inet_pton).
        guard digit < 10, !startsWithZero else { return nil }
        startsWithZero = digits == 0 && digit == 0
        value = value * 10 + Int(digit)
        digits += 1
        guard value <= 255 else { return nil }
    }
    guard digits > 0, octets == 3 else { return nil }
    return result << 8 | UInt32(value)
}

/// RFC 4291 section 2.2 text form: eight groups, `::` once, a trailing dotted quad allowed.
func appendIPv6(_ text: TokenText, to out: inout [UInt8]) -> Bool {
    guard text.count >= 2, text.count <= 45 else { return false }
    return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 8) { groups -> Bool in
        let parsed = parseIPv6Groups(UnsafeBufferPointer(rebasing: text), into: groups)
        guard parsed != nil else { return false }
        for group in groups {
            out.append(UInt8(group >> 8))
            out.append(UInt8(group & 0xFF))
        }
        return true
    }
}

/// Fills the eight groups; nil when the text is not an IPv6 address.
private func parseIPv6Groups(_ text: UnsafeBufferPointer<UInt8>, into groups: UnsafeMutableBufferPointer<UInt16>) -> Int? {
    for position in 0..<8 { groups[position] = 0 }
    var count = 0
    var gapAt = -1
    var index = text.startIndex
    let end = text.endIndex
    if text[index] == UInt8(ascii: ":") {
        guard text[index + 1] == UInt8(ascii: ":") else { return nil }
        gapAt = 0
        index += 2
        if index == end { return 8 }
    }
    while index < end {
        var value: UInt32 = 0
        var digits = 0
        var groupEnd = index
        while groupEnd < end, let digit = RDataEncodings.hexValue(text[groupEnd]) {
            value = value << 4 | UInt32(digit)
            digits += 1
            groupEnd += 1
        }
        if groupEnd < end && text[groupEnd] == UInt8(ascii: ".") {
            // A dotted quad ends the address (RFC 4291 section 2.2 item 3).
            guard count <= 6, let quad = parseIPv4(UnsafeBufferPointer(rebasing: text[index..<end])) else { return nil }
            groups[count] = UInt16(quad >> 16)
            groups[count + 1] = UInt16(quad & 0xFFFF)
            count += 2
            break
        }
        guard digits > 0, digits <= 4, count < 8 else { return nil }
        groups[count] = UInt16(value)
        count += 1
        index = groupEnd
        if index == end { break }
        guard text[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        guard index < end else { return nil }
        if text[index] == UInt8(ascii: ":") {
            guard gapAt < 0 else { return nil }
            gapAt = count
            index += 1
            if index == end { break }
        }
    }
    if gapAt >= 0 {
        guard count < 8 else { return nil }
        let shift = 8 - count
        var position = count - 1
        while position >= gapAt {
            groups[position + shift] = groups[position]
            position -= 1
        }
        for position in gapAt..<(gapAt + shift) { groups[position] = 0 }
    } else {
        guard count == 8 else { return nil }
    }
    return 8
}

extension RDataTokenReader {
    mutating func encodeIPv4(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("an IPv4 address")
        guard appendIPv4(token.text, to: &out) else { throw bad("IPv4 address") }
    }

    mutating func encodeIPv6(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("an IPv6 address")
        guard appendIPv6(token.text, to: &out) else { throw bad("IPv6 address") }
    }

    /// EUI-48 / EUI-64 (RFC 7043): hex pairs separated by `-`.
    mutating func encodeEUI(octets: Int, into out: inout [UInt8]) throws(RDataSyntaxError) {
        let what = octets == 6 ? "EUI-48 address" : "EUI-64 address"
        let token = try next("an " + what)
        let text = token.text
        guard text.count == octets * 3 - 1 else { throw bad(what) }
        var index = text.startIndex
        for octet in 0..<octets {
            if octet > 0 {
                guard text[index] == UInt8(ascii: "-") else { throw bad(what) }
                index += 1
            }
            guard let high = RDataEncodings.hexValue(text[index]),
                  let low = RDataEncodings.hexValue(text[index + 1]) else { throw bad(what) }
            out.append(high << 4 | low)
            index += 2
        }
    }

    /// RFC 6742 locator: four colon-separated groups of one to four hex digits.
    mutating func encodeILNP64(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a 64-bit locator")
        var groups = 0
        var value: UInt16 = 0
        var digits = 0
        for byte in token.text {
            if byte == UInt8(ascii: ":") {
                guard digits > 0, groups < 3 else { throw bad("64-bit locator") }
                out.appendUInt16(value)
                groups += 1
                value = 0
                digits = 0
                continue
            }
            guard let digit = RDataEncodings.hexValue(byte), digits < 4 else { throw bad("64-bit locator") }
            value = value << 4 | UInt16(digit)
            digits += 1
        }
        guard digits > 0, groups == 3 else { throw bad("64-bit locator") }
        out.appendUInt16(value)
    }
}
