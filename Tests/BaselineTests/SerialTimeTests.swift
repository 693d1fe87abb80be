import Baseline
import Testing

/// RFC 4034 section 3.1.5 windows in serial arithmetic, across 2038 and 2106.
@Suite struct SerialTimeTests {
    static let y2026: Int64 = 1_780_000_000
    static let y2040: Int64 = 2_208_988_800
    static let y2107: Int64 = 4_323_456_000

    func judge(_ inception: Int64, _ expiration: Int64, at now: Int64) -> ValidityJudgement {
        ValidityJudgement.judge(
            inception: SerialTime(unixSeconds: inception), expiration: SerialTime(unixSeconds: expiration),
            at: SerialTime(unixSeconds: now))
    }

    @Test func windowsAcross2038() {
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2026 + 10) == .valid)
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2040 - 1) == .valid)
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2040) == .valid)
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2040 + 1) == .expired)
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2026 - 1) == .notYetValid)
        #expect(judge(Self.y2026, Self.y2040, at: Self.y2026) == .valid)
    }

    @Test func windowsAcross2106() {
        #expect(judge(Self.y2107 - 86_400 * 400, Self.y2107, at: Self.y2107 - 86_400) == .valid)
        #expect(judge(Self.y2107 - 86_400 * 400, Self.y2107, at: Self.y2107 + 1) == .expired)
    }

    @Test func expirationBeforeInceptionIsNoWindow() {
        #expect(judge(Self.y2040, Self.y2026, at: Self.y2040) == .invalidWindow)
        // Exactly 2^31 apart: the order is undefined.
        #expect(judge(0, 0x8000_0000, at: 10) == .invalidWindow)
    }

    @Test func absoluteTimesAreTheOnesNearTheReference() {
        let time = SerialTime(unixSeconds: Self.y2040)
        #expect(time.rawValue > 0x8000_0000)
        #expect(time.unixSeconds(near: Self.y2026) == Self.y2040)
        #expect(time.timestamp(near: Self.y2026) == "20400101000000")
        #expect(SerialTime(unixSeconds: Self.y2107).unixSeconds(near: Self.y2107 - 1000) == Self.y2107)
        #expect(SerialTime.format(unixSeconds: Self.y2026, separators: true) == "2026-05-28T20:26:40Z")
    }
}

/// `--validity DURATION`.
@Suite struct SealValidityTests {
    @Test func durationsParse() {
        #expect(SealValidity.parse("90d") == .seconds(90 * 86_400))
        #expect(SealValidity.parse("12w") == .seconds(12 * 7 * 86_400))
        #expect(SealValidity.parse("36h") == .seconds(36 * 3600))
        #expect(SealValidity.parse("30m") == .seconds(1800))
        #expect(SealValidity.parse("3600") == .seconds(3600))
        #expect(SealValidity.parse("3600s") == .seconds(3600))
        #expect(SealValidity.parse("2y") == .seconds(2 * 365 * 86_400))
    }

    @Test func nonsenseAndTooLongAreRefused() {
        for text in ["", "d", "0d", "-5d", "1.5d", "10x", "69y", "99999999999999d", "١٢d"] {
            #expect(SealValidity.parse(text) == nil, "\(text)")
        }
    }
}
