import Foundation

/// `--at TIME`: a validation time given as `YYYYMMDDHHMMSS` (the RRSIG form,
/// as `ldns-verify-zone -t` takes it, always UTC) or RFC 3339.
///
/// Dates that do not exist (30 February, month 13) are rejected rather than
/// rolled over into the next month, in both forms: a typo must not shift a
/// validation time silently.
public enum ValidationTime {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        if bytes.count == 14, bytes.allSatisfy(isDigit) {
            let fields = DateFields(
                year: number(bytes, 0..<4), month: number(bytes, 4..<6), day: number(bytes, 6..<8),
                hour: number(bytes, 8..<10), minute: number(bytes, 10..<12), second: number(bytes, 12..<14))
            return fields.date(offsetSeconds: 0)
        }
        return rfc3339(bytes)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`.
    private static func rfc3339(_ bytes: [UInt8]) -> Date? {
        guard bytes.count >= 20,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].allSatisfy({ isDigit(bytes[$0]) })
        else { return nil }
        let fields = DateFields(
            year: number(bytes, 0..<4), month: number(bytes, 5..<7), day: number(bytes, 8..<10),
            hour: number(bytes, 11..<13), minute: number(bytes, 14..<16), second: number(bytes, 17..<19))

        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) {
                fraction += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  [1, 2, 4, 5].allSatisfy({ isDigit(bytes[index + $0]) }) else { return nil }
            let hours = number(bytes, (index + 1)..<(index + 3))
            let minutes = number(bytes, (index + 4)..<(index + 6))
            guard hours < 24, minutes < 60 else { return nil }
            offset = (bytes[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        return fields.date(offsetSeconds: offset).map { $0.addingTimeInterval(fraction) }
    }

    private struct DateFields {
        var year, month, day, hour, minute, second: Int

        /// The instant, or nil when the fields name no real time.
        func date(offsetSeconds: Int) -> Date? {
            guard (1...12).contains(month), day >= 1, day <= ValidationTime.days(inMonth: month, of: year),
                  // 60: a leap second, counted as POSIX time does (the next minute's :00).
                  hour < 24, minute < 60, second <= 60 else { return nil }
            let days = ValidationTime.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
