import Foundation
import Testing
@testable import ZoneModel

/// The streaming base64 decoder against Foundation's, over every way of
/// cutting the text into pieces, and its refusals.
@Suite("Base64 decoding")
struct Base64DecoderTests {
    static func decode(_ pieces: [String]) -> [UInt8]? {
        var decoder = Base64Decoder()
        var out: [UInt8] = [9, 9]
        for piece in pieces {
            guard decoder.feed(Array(piece.utf8)[...], into: &out) else { return nil }
        }
        guard decoder.finish(into: &out) else { return nil }
        // What was in `out` before stays in front.
        guard out.count >= 2, out[0] == 9, out[1] == 9 else { return nil }
        return Array(out.dropFirst(2))
    }

    @Test("decodes what Foundation encodes, whole and cut at every position")
    func roundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString()
            #expect(Self.decode([text]) == bytes)
            for cut in 0...text.count {
                let index = text.index(text.startIndex, offsetBy: cut)
                #expect(Self.decode([String(text[..<index]), String(text[index...])]) == bytes, "cut at \(cut) of \(text)")
            }
        }
    }

    @Test("refuses other characters anywhere, data after padding, bad lengths")
    func refusals() {
        let good = "AAECAwQFBgcICQoL"
        for position in 0..<good.count {
            // '=' is refused only where data follows it (the last symbol may be padding).
            for bad in ["!", " ", "\u{7f}", "é"] + (position < good.count - 2 ? ["="] : []) {
                var text = Array(good)
                text[position] = Character(bad)
                #expect(Self.decode([String(text)]) == nil, "\(String(text))")
            }
        }
        #expect(Self.decode(["AAE="]) == [0, 1])
        #expect(Self.decode(["AA=="]) == [0])
        #expect(Self.decode(["AA==", "AA=="]) == nil)
        #expect(Self.decode(["A==="]) == nil)
        #expect(Self.decode(["AAE"]) == nil)
        #expect(Self.decode(["AAECA"]) == nil)
    }
}
