import LDNS
import Testing
import ZoneModel
@testable import ZoneParser

/// Whatever the wire octets, the printed form reads back to them: either the
/// typed text is exact or the printer falls back to `\#`. Checked on
/// mutations of every fixture record (truncated, extended, octets changed)
/// and on random octets for every known type.
@Suite struct RDataRoundTripTests {
    /// A fixed seed keeps the cases the same on every run.
    typealias Generator = SplitMix64

    static func mutations(of wire: [UInt8], _ generator: inout Generator) -> [[UInt8]] {
        var result: [[UInt8]] = [wire]
        if !wire.isEmpty {
            result.append(Array(wire.dropLast()))
            result.append(Array(wire.prefix(generator.below(wire.count))))
            for _ in 0..<6 {
                var changed = wire
                changed[generator.below(changed.count)] = UInt8(truncatingIfNeeded: generator.next())
                result.append(changed)
            }
        }
        result.append(wire + [UInt8(truncatingIfNeeded: generator.next())])
        return result
    }

    @Test func mutatedFixtureRecordsReadBack() throws {
        var generator = Generator(seed: 1)
        var typedCount = 0
        for fixture in try RDataFixtureCase.load() {
            guard let wire = try? RDataText.encode(type: fixture.type, tokens: TestTokens.tokens(fixture.rdataText), origin: TestTokens.origin) else { continue }
            for candidate in Self.mutations(of: wire, &generator) {
                var typed: [UInt8] = []
                RDataPresentation.appendTyped(type: fixture.type, rdata: candidate, to: &typed)
                let text = String(decoding: typed, as: UTF8.self)
                if !text.hasPrefix("\\#") { typedCount += 1 }
                let again = try? RDataText.encode(type: fixture.type, tokens: TestTokens.tokens(text), origin: nil)
                #expect(again == candidate, "\(fixture): \(TestTokens.hex(candidate)) printed as \(text)")
                // ldns reads the typed form back too (ldns cannot hold malformed RDATA of a
                // known type at all, so \# text of such RDATA is checked with zoneaudit only).
                let printed = RDataPresentation.string(type: fixture.type, rdata: candidate)
                if fixture.expected == nil && !printed.hasPrefix("\\#") {
                    let ldns = LDNSOracle.wire(typeText: RDataTextCompatibility.mnemonic(fixture.type), rdata: printed)
                    #expect(ldns == candidate, "\(fixture): ldns on \(printed)")
                }
            }
        }
        #expect(typedCount > 1000)
    }

    @Test func randomOctetsForEveryTypeReadBack() {
        var generator = Generator(seed: 2)
        for (type, _) in RRType.known {
            for _ in 0..<200 {
                let length = generator.below(48)
                let rdata = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                var typed: [UInt8] = []
                RDataPresentation.appendTyped(type: type, rdata: rdata, to: &typed)
                let text = String(decoding: typed, as: UTF8.self)
                let again = try? RDataText.encode(type: type, tokens: TestTokens.tokens(text), origin: nil)
                #expect(again == rdata, "\(type): \(TestTokens.hex(rdata)) printed as \(text)")
            }
        }
    }
}
