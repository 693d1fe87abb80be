import DNSSEC
import Foundation

/// `--at TIME`: a validation time given as `YYYYMMDDHHMMSS` (the RRSIG form,
/// as `ldns-verify-zone -t` takes it, always UTC) or RFC 3339. One parser
/// serves seals and DNSSEC alike: `DNSSECTime.parse`.
public enum ValidationTime {
    public static func parse(_ text: String) -> Date? {
        DNSSECTime.parse(text).map { Date(timeIntervalSince1970: TimeInterval($0.secondsSince1970)) }
    }
}
