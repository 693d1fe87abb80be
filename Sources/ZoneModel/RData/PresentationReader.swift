/// Reads wire RDATA field by field and appends each field's text. Every
/// printer returns false when the octets cannot be printed in a form that
/// re-parses to the same wire (the caller then falls back to `\#`).
struct PresentationReader {
    let rdata: [UInt8]
    var offset = 0

    init(rdata: [UInt8]) { self.rdata = rdata }

    var isAtEnd: Bool { offset == rdata.count }
    var remaining: Int { rdata.count - offset }

    mutating func uint8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return rdata[offset]
    }

    mutating func uint16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(rdata[offset]) << 8 | UInt16(rdata[offset + 1])
    }

    mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(rdata[offset]) << 24 | UInt32(rdata[offset + 1]) << 16
            | UInt32(rdata[offset + 2]) << 8 | UInt32(rdata[offset + 3])
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return rdata[offset..<(offset + count)]
    }

    mutating func rest() -> ArraySlice<UInt8> {
        defer { offset = rdata.count }
        return rdata[offset...]
    }

    mutating func append(_ field: RDataField, to out: inout [UInt8]) -> Bool {
        switch field {
        case .name: return appendName(to: &out)
        case .uint8:
            guard let value = uint8() else { return false }
            RDataPresentation.appendDecimal(UInt64(value), to: &out)
        case .uint16:
            guard let value = uint16() else { return false }
            RDataPresentation.appendDecimal(UInt64(value), to: &out)
        case .uint32, .period:
            guard let value = uint32() else { return false }
            RDataPresentation.appendDecimal(UInt64(value), to: &out)
        case .time:
            guard let value = uint32() else { return false }
            PresentationReader.appendTimestamp(value, to: &out)
        case .time48:
            guard let high = uint16(), let low = uint32() else { return false }
            RDataPresentation.appendDecimal(UInt64(high) << 32 | UInt64(low), to: &out)
        case .rrType:
            guard let value = uint16() else { return false }
            RDataTextCompatibility.appendMnemonic(RRType(value), to: &out)
        case .algorithm, .uint8Mnemonic:
            // ldns prints algorithms and TLSA fields as numbers.
            guard let value = uint8() else { return false }
            RDataPresentation.appendDecimal(UInt64(value), to: &out)
        case .certType:
            guard let value = uint16() else { return false }
            if let name = RDataMnemonics.name(of: value, in: RDataMnemonics.certificateTypes) {
                out.append(contentsOf: name)
            } else {
                RDataPresentation.appendDecimal(UInt64(value), to: &out)
            }
        case .ipv4:
            guard let bytes = take(4) else { return false }
            PresentationReader.appendIPv4(bytes, to: &out)
        case .ipv6:
            guard let bytes = take(16) else { return false }
            PresentationReader.appendIPv6(bytes, to: &out)
        case .characterString:
            return appendCharacterString(to: &out)
        case .optionalCharacterString:
            if isAtEnd { return true }
            return appendCharacterString(to: &out)
        case .characterStrings:
            guard !isAtEnd else { return false }
            var first = true
            while !isAtEnd {
                if !first { out.append(UInt8(ascii: " ")) }
                guard appendCharacterString(to: &out) else { return false }
                first = false
            }
        case .longString:
            PresentationReader.appendQuoted(rest(), to: &out)
        case .caaTag:
            guard let length = uint8(), length > 0, let tag = take(Int(length)),
                  tag.allSatisfy({ ($0 | 0x20) &- 97 < 26 || $0 &- 48 < 10 }) else { return false }
            out.append(contentsOf: tag)
        case .base64:
            guard !isAtEnd else { return false }
            RDataEncodings.appendBase64(rest(), to: &out)
        case .base64OrDash:
            if isAtEnd {
                out.append(UInt8(ascii: "-"))
            } else {
                RDataEncodings.appendBase64(rest(), to: &out)
            }
        case .hex:
            guard !isAtEnd else { return false }
            RDataEncodings.appendHex(rest(), to: &out)
        case .hexWithLength16:
            guard let length = uint16(), let bytes = take(Int(length)) else { return false }
            if bytes.isEmpty {
                out.append(UInt8(ascii: "-"))
            } else {
                RDataEncodings.appendHex(bytes, to: &out)
            }
        case .salt:
            guard let length = uint8(), let salt = take(Int(length)) else { return false }
            if salt.isEmpty {
                out.append(UInt8(ascii: "-"))
            } else {
                RDataEncodings.appendHex(salt, to: &out)
            }
        case .nextHashedOwner:
            guard let length = uint8(), length > 0, let hash = take(Int(length)) else { return false }
            RDataEncodings.appendBase32Hex(hash, to: &out)
        case .typeBitmap:
            return appendTypeBitmap(to: &out)
        case .nxtBitmap:
            return appendNXTBitmap(to: &out)
        case .ilnp64:
            guard let bytes = take(8) else { return false }
            for group in 0..<4 {
                if group > 0 { out.append(UInt8(ascii: ":")) }
                RDataEncodings.appendHex(bytes[(bytes.startIndex + group * 2)..<(bytes.startIndex + group * 2 + 2)], to: &out)
            }
        case .eui48, .eui64:
            guard let bytes = take(field == .eui48 ? 6 : 8) else { return false }
            for (position, byte) in bytes.enumerated() {
                if position > 0 { out.append(UInt8(ascii: "-")) }
                RDataEncodings.appendHex([byte][...], to: &out)
            }
        case .nsap:
            guard !isAtEnd else { return false }
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "x"))
            RDataEncodings.appendHex(rest(), to: &out)
        case .atma: return appendATMA(to: &out)
        case .wksBitmap: return appendWKS(to: &out)
        case .loc: return appendLOC(to: &out)
        case .apl: return appendAPL(to: &out)
        case .ipseckey: return appendIPSECKEY(to: &out)
        case .hip: return appendHIP(to: &out)
        case .a6: return appendA6(to: &out)
        case .amtrelay: return appendAMTRELAY(to: &out)
        case .svcParams: return appendSvcParams(to: &out)
        }
        return true
    }

    mutating func appendName(to out: inout [UInt8]) -> Bool {
        guard let length = DomainName.wireLength(of: rdata[offset...]) else { return false }
        DomainName(uncheckedWire: Array(rdata[offset..<(offset + length)])).appendPresentation(to: &out)
        offset += length
        return true
    }

    mutating func appendCharacterString(to out: inout [UInt8]) -> Bool {
        guard let length = uint8(), let bytes = take(Int(length)) else { return false }
        PresentationReader.appendQuoted(bytes, to: &out)
        return true
    }

    /// `"..."` with `"` and `\` escaped and octets outside printable ASCII as `\DDD` (as ldns).
    static func appendQuoted(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x20...0x7E:
                out.append(byte)
            default:
                appendDecimalEscape(byte, to: &out)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func appendDecimalEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(48 + byte / 100)
        out.append(48 + (byte / 10) % 10)
        out.append(48 + byte % 10)
    }

    static func appendIPv4(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        for (position, byte) in bytes.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ".")) }
            RDataPresentation.appendDecimal(UInt64(byte), to: &out)
        }
    }

    /// RFC 5952 text, as glibc's inet_ntop writes it (which ldns uses): the
    /// longest run of two or more zero groups as `::`, lower-case hex, and a
    /// dotted quad for IPv4-mapped and IPv4-compatible addresses.
    static func appendIPv6(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let base = bytes.startIndex
        var groups = [UInt16](repeating: 0, count: 8)
        for index in 0..<8 {
            groups[index] = UInt16(bytes[base + index * 2]) << 8 | UInt16(bytes[base + index * 2 + 1])
        }
        var bestStart = -1, bestLength = 0, runStart = -1, runLength = 0
        for index in 0..<8 {
            if groups[index] == 0 {
                if runStart < 0 { runStart = index; runLength = 0 }
                runLength += 1
                if runLength > bestLength { bestStart = runStart; bestLength = runLength }
            } else {
                runStart = -1
            }
        }
        if bestLength < 2 { bestStart = -1 }
        var index = 0
        while index < 8 {
            if index == bestStart {
                if index == 0 { out.append(UInt8(ascii: ":")) }
                out.append(UInt8(ascii: ":"))
                index += bestLength
                continue
            }
            if index == 6 && bestStart == 0 && (bestLength == 6 || (bestLength == 5 && groups[5] == 0xFFFF)) {
                appendIPv4(bytes[(base + 12)..<(base + 16)], to: &out)
                return
            }
            appendHexGroup(groups[index], to: &out)
            if index < 7 { out.append(UInt8(ascii: ":")) }
            index += 1
        }
    }

    static func appendHexGroup(_ group: UInt16, to out: inout [UInt8]) {
        var started = false
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = Int((group >> UInt16(shift)) & 0xF)
            if nibble != 0 || started || shift == 0 {
                out.append(RDataEncodings.hexDigits[nibble])
                started = true
            }
        }
    }

    /// Seconds since the epoch, read as an unsigned 32-bit number (1970 to
    /// 2106), as `YYYYMMDDHHMMSS`; re-parsing the text gives the same value.
    static func appendTimestamp(_ value: UInt32, to out: inout [UInt8]) {
        let seconds = Int64(value)
        let days = seconds / 86400
        let secondOfDay = Int(seconds % 86400)
        // Civil-from-days (H. Hinnant).
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        appendPadded(Int(year), width: 4, to: &out)
        appendPadded(Int(month), width: 2, to: &out)
        appendPadded(Int(day), width: 2, to: &out)
        appendPadded(secondOfDay / 3600, width: 2, to: &out)
        appendPadded(secondOfDay / 60 % 60, width: 2, to: &out)
        appendPadded(secondOfDay % 60, width: 2, to: &out)
    }

    /// At least `width` digits, zero-padded on the left.
    static func appendPadded(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits = 1
        var power = 10
        while value >= power && digits < 18 {
            digits += 1
            power *= 10
        }
        for _ in digits..<max(width, digits) { out.append(UInt8(ascii: "0")) }
        RDataPresentation.appendDecimal(UInt64(value), to: &out)
    }

    /// RFC 4034 section 4.1.2, printed only when canonical (windows in
    /// increasing order, no trailing zero octets), so it re-encodes the same.
    mutating func appendTypeBitmap(to out: inout [UInt8]) -> Bool {
        var lastWindow = -1
        var first = true
        while !isAtEnd {
            guard let window = uint8(), let length = uint8(), Int(window) > lastWindow,
                  length >= 1, length <= 32, let bits = take(Int(length)), bits.last != 0 else { return false }
            lastWindow = Int(window)
            for (octet, value) in bits.enumerated() where value != 0 {
                for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                    if !first { out.append(UInt8(ascii: " ")) }
                    RDataTextCompatibility.appendMnemonic(RRType(UInt16(window) << 8 | UInt16(octet * 8 + bit)), to: &out)
                    first = false
                }
            }
        }
        return true
    }

    /// RFC 2535 section 5.2 NXT bitmap (types 1 to 127, no trailing zero octet).
    mutating func appendNXTBitmap(to out: inout [UInt8]) -> Bool {
        let bits = rest()
        guard !bits.isEmpty, bits.count <= 16, bits.last != 0, bits.first! & 0x80 == 0 else { return false }
        var first = true
        for (octet, value) in bits.enumerated() where value != 0 {
            for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                if !first { out.append(UInt8(ascii: " ")) }
                RDataTextCompatibility.appendMnemonic(RRType(UInt16(octet * 8 + bit)), to: &out)
                first = false
            }
        }
        return true
    }
}
