import DNSSEC
import Foundation
import Testing

/// Validation time parsing and RFC 4034 section 3.1.5 serial arithmetic.
struct DNSSECTimeTests {
    @Test func parsesTheRRSIGForm() throws {
        let time = try #require(DNSSECTime.parse("20040420000000"))
        #expect(time.secondsSince1970 == 1_082_419_200)
        #expect(time.rrsigText == "20040420000000")
        #expect(time.description == "2004-04-20T00:00:00Z")
    }

    @Test func parsesRFC3339() throws {
        #expect(DNSSECTime.parse("2004-04-20T00:00:00Z") == DNSSECTime.parse("20040420000000"))
        #expect(DNSSECTime.parse("2004-04-20T02:00:00+02:00") == DNSSECTime.parse("20040420000000"))
        #expect(DNSSECTime.parse("2004-04-19T21:30:00.250-02:30") == DNSSECTime.parse("20040420000000"))
    }

    @Test(arguments: ["", "2004042000000", "20041320000000", "20040230000000", "2004-04-20 00:00:00", "2004-04-20T00:00:00", "tomorrow"])
    func rejectsWhatIsNotATime(text: String) {
        #expect(DNSSECTime.parse(text) == nil)
    }

    /// Expirations after 2038-01-19 (where 32-bit signed comparisons break)
    /// and after the 2106 wrap of the 32-bit field resolve to the right instant.
    @Test func serialArithmeticAcrossTheWraps() throws {
        let now = try #require(DNSSECTime.parse("20300101000000"))
        let in2040 = try #require(DNSSECTime.parse("20400101000000"))
        #expect(now.resolve(in2040.serial) == in2040)
        let past = try #require(DNSSECTime.parse("20250101000000"))
        #expect(now.resolve(past.serial) == past)

        let late = try #require(DNSSECTime.parse("21050101000000"))
        let afterWrap = try #require(DNSSECTime.parse("21070101000000"))
        #expect(afterWrap.serial < late.serial)
        #expect(late.resolve(afterWrap.serial) == afterWrap)
        #expect(afterWrap.resolve(late.serial) == late)
        #expect(afterWrap.rrsigText == "21070101000000")
    }

    @Test func wrapsDates() throws {
        let date = Date(timeIntervalSince1970: 1_438_207_200.9)
        #expect(DNSSECTime(date).secondsSince1970 == 1_438_207_200)
        #expect(DNSSECTime(secondsSince1970: 1_438_207_200).date == Date(timeIntervalSince1970: 1_438_207_200))
    }
}
