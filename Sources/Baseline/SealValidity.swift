/// How long a seal's signatures stay valid: the `--validity DURATION`
/// argument of `zoneaudit baseline seal`.
public enum SealValidity {
    /// Half a year: long enough that routine re-approval is a calendar
    /// event, short enough that a leaked approver key does not sign forever.
    public static let defaultValidity = Duration.seconds(180 * 86_400)

    /// Parses `N` or `Ns` (seconds), `Nm`, `Nh`, `Nd`, `Nw`, or `Ny` (365
    /// days). Nil when malformed, zero, or beyond the 68 years RRSIG serial
    /// times can express.
    public static func parse(_ text: String) -> Duration? {
        guard let last = text.last else { return nil }
        let unit: Int64
        var digits = Substring(text)
        switch last {
        case "s", "S": unit = 1
        case "m", "M": unit = 60
        case "h", "H": unit = 3600
        case "d", "D": unit = 86_400
        case "w", "W": unit = 7 * 86_400
        case "y", "Y": unit = 365 * 86_400
        case "0"..."9": unit = 1
        default: return nil
        }
        if !last.isNumber { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 12,
              let count = Int64(digits), count > 0 else { return nil }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow, seconds <= Int64(Int32.max) - BaselineSealer.clockSkewAllowance else { return nil }
        return .seconds(seconds)
    }
}
