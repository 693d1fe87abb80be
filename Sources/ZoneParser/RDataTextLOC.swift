import ZoneModel

/// RFC 1876 LOC text: `d1 [m1 [s1]] {N|S} d2 [m2 [s2]] {E|W} alt[m] [siz[m] [hp[m] [vp[m]]]]`.
/// Precisions are encoded like ldns and BIND: the metres (or, below one metre,
/// the centimetres) truncated to one significant digit and a power of ten.
extension RDataTokenReader {
    mutating func encodeLOC(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let latitude = try locCoordinate(maxDegrees: 90, positive: UInt8(ascii: "N"), negative: UInt8(ascii: "S"), what: "latitude")
        let longitude = try locCoordinate(maxDegrees: 180, positive: UInt8(ascii: "E"), negative: UInt8(ascii: "W"), what: "longitude")
        let altitudeToken = try next("an altitude")
        guard let altitudeCentimetres = parseMetres(altitudeToken.text, allowNegative: true),
              altitudeCentimetres >= -10_000_000, altitudeCentimetres <= 4_284_967_295
        else { throw expected("an altitude in metres (-100000.00 to 42849672.95)") }
        var precisions: [UInt8] = [0x12, 0x16, 0x13]  // 1m, 10000m, 10m (RFC 1876 defaults)
        for slot in 0..<3 where !isAtEnd {
            let token = try next("a precision")
            guard let centimetres = parseMetres(token.text, allowNegative: false),
                  let encoded = locPrecision(centimetres)
            else { throw expected("a size or precision in metres (0 to 90000000.00)") }
            precisions[slot] = encoded
        }
        out.append(0)  // version
        out.append(contentsOf: precisions)
        out.appendUInt32(latitude)
        out.appendUInt32(longitude)
        out.appendUInt32(UInt32(altitudeCentimetres + 10_000_000))
    }

    /// Degrees, optional minutes and seconds, then the hemisphere letter;
    /// the RFC 1876 value 2^31 +/- thousandths of an arc second.
    private mutating func locCoordinate(maxDegrees: Int, positive: UInt8, negative: UInt8, what: String) throws(RDataSyntaxError) -> UInt32 {
        let degreesToken = try next("the \(what) degrees")
        guard let degrees = parseDecimal(degreesToken.text, limit: UInt64(maxDegrees)) else {
            throw expected("\(what) degrees (0 to \(maxDegrees))")
        }
        var milliseconds = Int64(degrees) * 3_600_000
        var field = 0
        while true {
            let token = try next("the \(what) hemisphere")
            if token.text.count == 1, let letter = token.text.first.map({ $0 & 0xDF }), letter == positive || letter == negative {
                guard milliseconds <= Int64(maxDegrees) * 3_600_000 else {
                    throw failure("\(what) beyond \(maxDegrees) degrees")
                }
                let base: Int64 = 1 << 31
                return UInt32(letter == positive ? base + milliseconds : base - milliseconds)
            }
            field += 1
            if field == 1 {
                guard let minutes = parseDecimal(token.text, limit: 59) else {
                    throw expected("\(what) minutes (0 to 59) or \(Character(UnicodeScalar(positive)))/\(Character(UnicodeScalar(negative)))")
                }
                milliseconds += Int64(minutes) * 60_000
            } else if field == 2 {
                guard let seconds = parseFixedPoint(token.text, decimals: 3), seconds < 60_000 else {
                    throw expected("\(what) seconds (0 to 59.999) or \(Character(UnicodeScalar(positive)))/\(Character(UnicodeScalar(negative)))")
                }
                milliseconds += seconds
            } else {
                throw expected("\(Character(UnicodeScalar(positive))) or \(Character(UnicodeScalar(negative))) for the \(what)")
            }
        }
    }
}

/// `digits[.digits]` with at most `decimals` decimals, scaled by 10^decimals.
func parseFixedPoint(_ text: TokenText, decimals: Int) -> Int64? {
    guard !text.isEmpty, text.count <= 20 else { return nil }
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var seenPoint = false
    var wholeDigits = 0
    for byte in text {
        if byte == UInt8(ascii: ".") {
            guard !seenPoint else { return nil }
            seenPoint = true
            continue
        }
        let digit = byte &- 48
        guard digit < 10 else { return nil }
        if seenPoint {
            fractionDigits += 1
            guard fractionDigits <= decimals else { return nil }
            fraction = fraction * 10 + Int64(digit)
        } else {
            wholeDigits += 1
            whole = whole * 10 + Int64(digit)
            // Far above any LOC field, and small enough that scaling cannot overflow.
            guard whole < 1_000_000_000_000_000 else { return nil }
        }
    }
    guard wholeDigits > 0 || fractionDigits > 0 else { return nil }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    var fractionScale: Int64 = 1
    for _ in fractionDigits..<decimals { fractionScale *= 10 }
    return whole * scale + fraction * fractionScale
}

/// `[-]metres[.cm][m]` in centimetres.
func parseMetres(_ text: TokenText, allowNegative: Bool) -> Int64? {
    var body = text
    if let last = body.last, last | 0x20 == UInt8(ascii: "m") { body = body.dropLast() }
    var negative = false
    if body.first == UInt8(ascii: "-") {
        guard allowNegative else { return nil }
        negative = true
        body = body.dropFirst()
    }
    guard let value = parseFixedPoint(body, decimals: 2), value <= 9_000_000_000 else { return nil }
    return negative ? -value : value
}

/// RFC 1876 size/precision octet: mantissa (high nibble) times 10^exponent
/// (low nibble) centimetres, from whole metres when there are any, else from
/// centimetres, truncated to one digit (as ldns and BIND).
func locPrecision(_ centimetres: Int64) -> UInt8? {
    guard centimetres <= 9_000_000_000 else { return nil }
    var exponent: UInt8
    var value: Int64
    if centimetres >= 100 {
        exponent = 2
        value = centimetres / 100
    } else {
        exponent = 0
        value = centimetres
    }
    while value >= 10 {
        exponent += 1
        value /= 10
    }
    guard exponent <= 9 else { return nil }
    return UInt8(value) << 4 | exponent
}
