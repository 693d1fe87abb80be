import ZoneModel

/// Decimal digits to an unsigned value no greater than `limit`, or nil.
/// No sign, no hex, no spaces; at most 20 digits are looked at before failing.
@inline(__always)
func parseDecimal(_ text: TokenText, limit: UInt64) -> UInt64? {
    parseDecimal(UnsafeBufferPointer(rebasing: text), limit: limit)
}

func parseDecimal(_ text: UnsafeBufferPointer<UInt8>, limit: UInt64) -> UInt64? {
    guard !text.isEmpty, text.count <= 20 else { return nil }
    var value: UInt64 = 0
    for byte in text {
        let digit = byte &- 48
        guard digit < 10 else { return nil }
        let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
        guard !overflow1, !overflow2, sum <= limit else { return nil }
        value = sum
    }
    return value
}

/// A TTL-style duration: plain seconds, or number/unit pairs (`1w2d3h4m5s`,
/// units in either case, RFC 2308 / BIND). Nil when malformed or over 32 bits.
func parseDuration(_ text: TokenText) -> UInt32? {
    if let plain = parseDecimal(text, limit: UInt64(UInt32.max)) { return UInt32(plain) }
    guard !text.isEmpty, text.count <= 64 else { return nil }
    var total: UInt64 = 0
    var current: UInt64 = 0
    var haveDigits = false
    for byte in text {
        let digit = byte &- 48
        if digit < 10 {
            current = current * 10 + UInt64(digit)
            guard current <= UInt64(UInt32.max) else { return nil }
            haveDigits = true
            continue
        }
        guard haveDigits else { return nil }
        let unit: UInt64
        switch byte | 0x20 {
        case UInt8(ascii: "s"): unit = 1
        case UInt8(ascii: "m"): unit = 60
        case UInt8(ascii: "h"): unit = 3600
        case UInt8(ascii: "d"): unit = 86400
        case UInt8(ascii: "w"): unit = 604_800
        default: return nil
        }
        total += current * unit
        guard total <= UInt64(UInt32.max) else { return nil }
        current = 0
        haveDigits = false
    }
    // Trailing digits without a unit count as seconds (BIND: `1h30`).
    total += current
    guard total <= UInt64(UInt32.max) else { return nil }
    return UInt32(total)
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm).
func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

/// `YYYYMMDDHHMMSS` (UTC) to seconds since the epoch, or nil for a bad date.
func parseTimestamp(_ text: TokenText) -> Int64? {
    guard text.count == 14 else { return nil }
    let base = text.startIndex
    func number(_ from: Int, _ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            let digit = text[base + from + offset] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
    guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
          let hour = number(8, 2), let minute = number(10, 2), let second = number(12, 2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, hour <= 23, minute <= 59, second <= 59 else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let length: Int
    switch month {
    case 2: length = leap ? 29 : 28
    case 4, 6, 9, 11: length = 30
    default: length = 31
    }
    guard day <= length else { return nil }
    let days = Int64(daysFromCivil(year: year, month: month, day: day))
    return days * 86400 + Int64(hour * 3600 + minute * 60 + second)
}

extension RDataTokenReader {
    /// An unsigned integer of `bits` bits; `what` is e.g. "a 16-bit integer".
    mutating func unsigned(bits: Int, _ what: String) throws(RDataSyntaxError) -> UInt64 {
        let token = try next(what)
        let limit: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
        guard let value = parseDecimal(token.text, limit: limit) else { throw expected(what) }
        return value
    }

    /// SOA timers and similar: seconds, TTL units allowed.
    mutating func period() throws(RDataSyntaxError) -> UInt32 {
        let token = try next("a time value")
        guard let value = parseDuration(token.text) else {
            throw expected("a time value (seconds or units like 1h30m)")
        }
        return value
    }

    /// RRSIG times (RFC 4034 section 3.2): `YYYYMMDDHHMMSS` in UTC, or an
    /// unsigned decimal number of seconds. Dates past 2106 wrap modulo 2^32
    /// (serial number arithmetic, RFC 1982), as BIND and ldns do.
    mutating func time() throws(RDataSyntaxError) -> UInt32 {
        let token = try next("a time (YYYYMMDDHHMMSS)")
        if token.text.count == 14 {
            guard let seconds = parseTimestamp(token.text) else { throw bad("date (YYYYMMDDHHMMSS)") }
            guard seconds >= 0 else { throw failure("time \(RDataTokenReader.quote(token.text)) is before 1970") }
            return UInt32(truncatingIfNeeded: seconds)
        }
        guard let value = parseDecimal(token.text, limit: UInt64(UInt32.max)) else {
            throw expected("a time (YYYYMMDDHHMMSS or seconds since 1970)")
        }
        return UInt32(value)
    }

    /// TSIG time signed: a 48-bit number of seconds.
    mutating func encodeTime48(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let value = try unsigned(bits: 48, "a 48-bit time")
        out.appendUInt16(UInt16(value >> 32))
        out.appendUInt32(UInt32(value & 0xFFFF_FFFF))
    }

    mutating func rrType() throws(RDataSyntaxError) -> UInt16 {
        let token = try next("a record type")
        // Type bitmaps and RRSIG type-covered fields of signed zones name a
        // few common types over and over: the packed comparisons first.
        let type = FastMnemonics.type(UnsafeBufferPointer(rebasing: token.text))
        guard let type else { throw bad("record type") }
        return type.rawValue
    }

    /// A number of `bits` bits or one of the mnemonics in `table`.
    mutating func numberOrMnemonic(bits: Int, _ table: RDataMnemonics.Table, _ what: String) throws(RDataSyntaxError) -> UInt64 {
        let token = try next(what)
        if let value = parseDecimal(token.text, limit: (1 << UInt64(bits)) - 1) { return value }
        if let value = RDataMnemonics.lookup(token.text, in: table) { return UInt64(value) }
        throw expected(what)
    }
}
