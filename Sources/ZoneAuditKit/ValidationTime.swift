import Foundation

/// `--at TIME`: a validation time given as `YYYYMMDDHHMMSS` (the RRSIG form,
/// as `ldns-verify-zone -t` takes it, always UTC) or RFC 3339.
public enum ValidationTime {
    public static func parse(_ text: String) -> Date? {
        if text.count == 14, text.allSatisfy(\.isASCIIDigitCharacter) {
            var components = DateComponents()
            components.timeZone = TimeZone(identifier: "UTC")
            let digits = Array(text)
            func number(_ range: Range<Int>) -> Int { Int(String(digits[range]))! }
            components.year = number(0..<4)
            components.month = number(4..<6)
            components.day = number(6..<8)
            components.hour = number(8..<10)
            components.minute = number(10..<12)
            components.second = number(12..<14)
            guard (1...12).contains(components.month!), (1...31).contains(components.day!),
                  components.hour! < 24, components.minute! < 60, components.second! < 61 else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let date = calendar.date(from: components),
                  calendar.component(.day, from: date) == components.day else { return nil }
            return date
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
