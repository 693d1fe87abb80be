import Foundation
import Testing
@testable import ZoneAuditKit

/// `--at TIME`: `YYYYMMDDHHMMSS` (UTC, the RRSIG form) or RFC 3339.
@Suite struct ValidationTimeTests {
    @Test func rrsigFormIsUTC() {
        #expect(ValidationTime.parse("20401231000000") == Date(timeIntervalSince1970: 2_240_524_800))
        #expect(ValidationTime.parse("20240229123045") == Date(timeIntervalSince1970: 1_709_209_845))
        #expect(ValidationTime.parse("19700101000000") == Date(timeIntervalSince1970: 0))
    }

    @Test func rfc3339FormsNameTheSameInstant() {
        let instant = Date(timeIntervalSince1970: 1_709_209_845)
        #expect(ValidationTime.parse("2024-02-29T12:30:45Z") == instant)
        #expect(ValidationTime.parse("2024-02-29T14:30:45+02:00") == instant)
        #expect(ValidationTime.parse("2024-02-29T07:30:45-05:00") == instant)
        let fractional = ValidationTime.parse("2024-02-29T12:30:45.500Z")
        #expect(fractional.map { abs($0.timeIntervalSince(instant) - 0.5) < 0.001 } == true)
        #expect(ValidationTime.parse("2024-02-29t12:30:45z") == instant, "RFC 3339 allows lower-case t and z")
        #expect(ValidationTime.parse("2024-02-29T12:30:45+00:00") == instant)
    }

    /// Past 2038 (where ldns 1.8.3 goes wrong) the arithmetic still holds.
    @Test func leapDaysAndCenturies() {
        #expect(ValidationTime.parse("20000229000000") == Date(timeIntervalSince1970: 951_782_400))
        #expect(ValidationTime.parse("21000229000000") == nil, "2100 is not a leap year")
        #expect(ValidationTime.parse("2000-03-01T00:00:00Z") == Date(timeIntervalSince1970: 951_868_800))
    }

    @Test func datesAfter2038() {
        #expect(ValidationTime.parse("20410101000000") == Date(timeIntervalSince1970: 2_240_611_200))
        #expect(ValidationTime.parse("2041-01-01T00:00:00Z") == Date(timeIntervalSince1970: 2_240_611_200))
    }

    @Test(arguments: [
        "",                          // nothing
        "yesterday",
        "2024022912304",             // 13 digits
        "202402291230450",           // 15 digits
        "20230229000000",            // 29 February in a common year
        "20241301000000",            // month 13
        "20240001000000",            // month 0
        "20240100000000",            // day 0
        "20240132000000",            // day 32
        "20240431000000",            // 31 April
        "20240101240000",            // hour 24
        "20240101006000",            // minute 60
        "2024-02-30T00:00:00Z",      // 30 February
        "2024-13-01T00:00:00Z",      // month 13
        "2024-01-01T25:00:00Z",      // hour 25
        "2024-01-01",                // a date without a time
        "2024-01-01T00:00:00",       // no offset: not RFC 3339
        "+2024010100000",            // a sign is not a digit
        "２０２４０１０１０００００００",   // non-ASCII digits
        "2023-02-29T00:00:00Z",      // 29 February in a common year
        "2024-04-31T00:00:00Z",      // 31 April
        "2024-01-01T00:60:00Z",      // minute 60
        "2024-01-01T00:00:00.Z",     // a dot without digits
        "2024-01-01T00:00:00+2:00",  // a one-digit offset
        "2024-01-01T00:00:00+24:00", // offset hour 24
        "2024-01-01T00:00:00Zjunk",  // trailing text
        "2024-01-01 00:00:00Z",      // a space for the T
    ])
    func badTimesAreRejected(text: String) {
        #expect(ValidationTime.parse(text) == nil, "\(text) was accepted")
    }
}
