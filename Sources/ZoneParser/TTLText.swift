/// TTL values in master files (RFC 1035, RFC 2308, BIND's unit syntax).
enum TTLText {
    /// The largest TTL RFC 2181 section 8 allows; larger values are kept but
    /// warned about (BIND loads them as 0).
    static let maximumRecommended: UInt32 = 0x7FFF_FFFF

    enum Failure: Error {
        case empty
        case badCharacter
        case missingUnit
        case overflow

        var explanation: String {
            switch self {
            case .empty: "expected a TTL"
            case .badCharacter: "expected decimal digits, optionally with units w, d, h, m, s (like 1w2d3h4m5s)"
            case .missingUnit: "a number after a unit needs its own unit (like 1h30m, not 1h30)"
            case .overflow: "the value does not fit in 32 bits"
            }
        }
    }

    /// Parses a plain number of seconds (`3600`) or number-unit groups
    /// (`1w2d3h4m5s`, any case, units may repeat and come in any order), summed.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) throws(Failure) -> UInt32 {
        guard !text.isEmpty else { throw .empty }
        var total: UInt64 = 0
        var number: UInt64 = 0
        var digits = 0
        var sawUnit = false
        for byte in text {
            let digit = byte &- 48
            if digit < 10 {
                number = number * 10 + UInt64(digit)
                digits += 1
                if number > UInt64(UInt32.max) { throw .overflow }
                continue
            }
            let multiplier: UInt64
            switch byte | 0x20 {
            case UInt8(ascii: "s"): multiplier = 1
            case UInt8(ascii: "m"): multiplier = 60
            case UInt8(ascii: "h"): multiplier = 3600
            case UInt8(ascii: "d"): multiplier = 86400
            case UInt8(ascii: "w"): multiplier = 604_800
            default: throw .badCharacter
            }
            guard digits > 0 else { throw .badCharacter }
            total += number * multiplier
            if total > UInt64(UInt32.max) { throw .overflow }
            number = 0
            digits = 0
            sawUnit = true
        }
        if digits > 0 {
            if sawUnit { throw .missingUnit }
            total = number
        }
        return UInt32(total)
    }
}
