extension KnotScannerTests {
    /// Cases where zoneaudit's answer is not Knot's, each with the reason.
    /// Every other case must agree with Knot record for record.
    static let expectations: [String: Expectation] = [:]
}
