import Foundation

/// An instant in UTC, whole seconds since 1970-01-01T00:00:00Z.
///
/// RRSIG inception and expiration are 32-bit serial numbers (RFC 4034 section
/// 3.1.5): they name an instant only relative to another one, within 68 years
/// either side. `resolve` does that arithmetic, so signatures that expire after
/// 2038-01-19 (where ldns 1.8.3 goes wrong) are placed correctly.
public struct DNSSECTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var secondsSince1970: Int64

    public init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    public init(_ date: Date) {
        self.secondsSince1970 = Int64(date.timeIntervalSince1970.rounded(.down))
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    public static func < (lhs: DNSSECTime, rhs: DNSSECTime) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public static func + (lhs: DNSSECTime, seconds: Int64) -> DNSSECTime {
        DNSSECTime(secondsSince1970: lhs.secondsSince1970 + seconds)
    }

    /// The 32-bit serial number this instant has in an RRSIG time field.
    public var serial: UInt32 { UInt32(truncatingIfNeeded: secondsSince1970) }

    /// Signed seconds from `self` to the RRSIG timestamp `value`, by RFC 1982
    /// serial arithmetic (the nearer of the instants that share the value).
    public func distance(toSerial value: UInt32) -> Int64 {
        Int64(Int32(bitPattern: value &- serial))
    }

    /// The instant an RRSIG timestamp names, read relative to `self`.
    public func resolve(_ value: UInt32) -> DNSSECTime {
        self + distance(toSerial: value)
    }

    /// `YYYYMMDDHHmmSS`, the RRSIG presentation form (RFC 4034 section 3.2).
    public var rrsigText: String {
        let parts = civil
        return String(format: "%04lld%02d%02d%02d%02d%02d",
                      parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// RFC 3339 in UTC, e.g. `2026-03-01T12:00:00Z`.
    public var description: String {
        let parts = civil
        return String(format: "%04lld-%02d-%02dT%02d:%02d:%02dZ",
                      parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// Parses `YYYYMMDDHHmmSS` (as `ldns-verify-zone -t` and RRSIG text take it)
    /// or RFC 3339 (`2026-03-01T12:00:00Z`, `2026-03-01T13:00:00+01:00`,
    /// fractional seconds ignored). Nil when the text is neither or names no valid date.
    public static func parse(_ text: String) -> DNSSECTime? {
        let bytes = Array(text.utf8)
        if bytes.count == 14, bytes.allSatisfy({ $0 &- 48 < 10 }) {
            func number(_ from: Int, _ count: Int) -> Int {
                bytes[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 48) }
            }
            return make(year: number(0, 4), month: number(4, 2), day: number(6, 2),
                        hour: number(8, 2), minute: number(10, 2), second: number(12, 2), offset: 0)
        }
        return parseRFC3339(bytes)
    }

    private static func parseRFC3339(_ bytes: [UInt8]) -> DNSSECTime? {
        // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
        guard bytes.count >= 20 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte &- 48 < 10 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func expect(_ index: Int, _ characters: String) -> Bool {
            index < bytes.count && characters.utf8.contains(bytes[index])
        }
        guard let year = digits(0, 4), expect(4, "-"), let month = digits(5, 2), expect(7, "-"),
              let day = digits(8, 2), expect(10, "Tt "), let hour = digits(11, 2), expect(13, ":"),
              let minute = digits(14, 2), expect(16, ":"), let second = digits(17, 2) else { return nil }
        var index = 19
        if expect(index, ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] &- 48 < 10 { index += 1 }
            guard index > start else { return nil }
        }
        var offset = 0
        if expect(index, "Zz") {
            index += 1
        } else if expect(index, "+-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = digits(index + 1, 2), expect(index + 3, ":"), let minutes = digits(index + 4, 2),
                  hours < 24, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> DNSSECTime? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 61 else { return nil }
        let days = daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return DNSSECTime(secondsSince1970: seconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Proleptic Gregorian calendar conversions (H. Hinnant's days_from_civil and
    // civil_from_days), exact for any year, with no locale or time zone involved.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private var civil: (year: Int64, month: Int32, day: Int32, hour: Int32, minute: Int32, second: Int32) {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondOfDay = secondsSince1970 - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, Int32(month), Int32(day), Int32(secondOfDay / 3600),
                Int32(secondOfDay % 3600 / 60), Int32(secondOfDay % 60))
    }
}
