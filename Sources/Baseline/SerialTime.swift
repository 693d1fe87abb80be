#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RRSIG times: seconds since 1970 modulo 2^32, compared in RFC 1982
/// serial arithmetic as RFC 4034 section 3.1.5 prescribes, so the window
/// check works across 2038 and 2106 without ldns (1.8.3 misjudges times
/// after 2038-01-19).
public struct SerialTime: Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32

    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// The serial time of a point given in seconds since 1970.
    public init(unixSeconds: Int64) { rawValue = UInt32(truncatingIfNeeded: unixSeconds) }

    /// RFC 1982: `self` is before `other` when the distance forward from
    /// `self` to `other` is in 1...2^31-1. At exactly 2^31 the order is
    /// undefined and neither is before the other.
    public func isBefore(_ other: SerialTime) -> Bool {
        let distance = other.rawValue &- rawValue
        return distance != 0 && distance < 0x8000_0000
    }

    /// The absolute time (seconds since 1970) this serial time denotes
    /// relative to `reference`: the one within 68 years of it.
    public func unixSeconds(near reference: Int64) -> Int64 {
        let referenceSerial = UInt32(truncatingIfNeeded: reference)
        return reference + Int64(Int32(bitPattern: rawValue &- referenceSerial))
    }

    /// `YYYYMMDDHHMMSS` in UTC, the RRSIG presentation form, taken as the
    /// time nearest to `reference`.
    public func timestamp(near reference: Int64) -> String {
        SerialTime.format(unixSeconds: unixSeconds(near: reference), separators: false)
    }

    public var description: String { String(rawValue) }

    /// UTC calendar form: `YYYYMMDDHHMMSS`, or `YYYY-MM-DDTHH:MM:SSZ`.
    public static func format(unixSeconds: Int64, separators: Bool) -> String {
        var seconds = time_t(unixSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = String(parts.tm_year + 1900)
        let month = two(parts.tm_mon + 1), day = two(parts.tm_mday)
        let hour = two(parts.tm_hour), minute = two(parts.tm_min), second = two(parts.tm_sec)
        return separators
            ? "\(year)-\(month)-\(day)T\(hour):\(minute):\(second)Z"
            : "\(year)\(month)\(day)\(hour)\(minute)\(second)"
    }
}

/// An RRSIG's validity window judged at one moment.
public enum ValidityJudgement: Sendable, Hashable {
    case valid
    /// The moment is before the inception.
    case notYetValid
    /// The moment is after the expiration.
    case expired
    /// Expiration is not after inception in serial arithmetic (or the two
    /// are 2^31 apart, where the order is undefined).
    case invalidWindow

    /// RFC 4034 section 3.1.5: valid when inception <= now <= expiration.
    public static func judge(inception: SerialTime, expiration: SerialTime, at now: SerialTime) -> ValidityJudgement {
        func notAfter(_ lhs: SerialTime, _ rhs: SerialTime) -> Bool { lhs == rhs || lhs.isBefore(rhs) }
        guard notAfter(inception, expiration) else { return .invalidWindow }
        guard notAfter(inception, now) else { return .notYetValid }
        guard notAfter(now, expiration) else { return .expired }
        return .valid
    }
}
