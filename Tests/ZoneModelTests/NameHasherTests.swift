import Testing
@testable import ZoneModel

/// `NameHasher` is SipHash (checked against the reference vectors of
/// Aumasson and Bernstein with SipHash-2-4; the index uses SipHash-1-3) of
/// a name's octets with ASCII letters lowered eight at a time.
@Suite struct NameHasherTests {
    /// Key 00 01 ... 0f, as in the reference implementation's vectors.
    static let reference = NameHasher(key0: 0x0706_0504_0302_0100, key1: 0x0F0E_0D0C_0B0A_0908)

    static func hash(_ bytes: [UInt8], rounds: (Int, Int), lowering: Bool = false) -> UInt64 {
        bytes.withUnsafeBufferPointer {
            reference.siphash($0, compressionRounds: rounds.0, finalizationRounds: rounds.1, lowering: lowering)
        }
    }

    @Test(arguments: [
        (0, 0x726f_db47_dd0e_0e31 as UInt64), (1, 0x74f8_39c5_93dc_67fd), (8, 0x93f5_f579_9a93_2462),
        (15, 0xa129_ca61_49be_45e5), (16, 0x3f2a_cc7f_57c2_9bdb), (63, 0x958a_324c_eb06_4572),
    ])
    func sipHash24MatchesTheReferenceVectors(length: Int, expected: UInt64) {
        #expect(Self.hash(Array(0..<UInt8(length)), rounds: (2, 4)) == expected)
    }

    @Test(arguments: [
        (0, 0xabac_0158_050f_c4dc as UInt64), (1, 0xc9f4_9bf3_7d57_ca93), (15, 0xd320_d86d_2a51_9956),
        (16, 0xcc4f_dd1a_7d90_8b66), (63, 0x9d19_9062_b7bb_b3a8),
    ])
    func sipHash13OfTheSameMessages(length: Int, expected: UInt64) {
        // Octets 0 to 62 hold no letters, so lowering changes nothing.
        let message = Array(0..<UInt8(length))
        #expect(Self.hash(message, rounds: (1, 3)) == expected)
        #expect(message.withUnsafeBufferPointer(Self.reference.hash) == expected)
    }

    @Test func upperCaseLettersHashAsLowerCaseAndNothingElseDoes() throws {
        for text in ["Example.COM.", "a.B.c.D.e.F.g.H.i.J.", "WWW-1.Zz9.", "@[`{.AZaz."] {
            let name = try DomainName(text)
            let lower = name.wire.map(asciiLower)
            #expect(name.wire.withUnsafeBufferPointer(Self.reference.hash)
                    == lower.withUnsafeBufferPointer(Self.reference.hash), "\(text)")
        }
        // Every octet value, in every position of a word: only A-Z fold.
        for value in 0...255 {
            for position in 0..<8 {
                var word = [UInt8](repeating: 0x61, count: 8)
                word[position] = UInt8(value)
                let folded = word.map(asciiLower)
                let raw = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let expected = folded.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(NameHasher.lowered(raw) == expected, "octet \(value) at \(position)")
            }
        }
        let different = [[UInt8(1), 0x61, 0], [1, 0x62, 0]].map { $0.withUnsafeBufferPointer(Self.reference.hash) }
        #expect(different[0] != different[1])
    }

    @Test func keysDiffer() {
        let name: [UInt8] = [3, 0x77, 0x77, 0x77, 0]
        #expect(name.withUnsafeBufferPointer(NameHasher().hash) != name.withUnsafeBufferPointer(NameHasher().hash))
    }
}
