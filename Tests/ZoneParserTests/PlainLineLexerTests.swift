import Testing
import ZoneModel
@testable import ZoneParser

/// The lexer reads the common line (blanks and unquoted tokens, ending
/// within 64 bytes) from byte masks, and every other line byte by byte.
/// Both must give the same entries: the same text is lexed with the fast
/// path open (large chunks) and shut (chunks under 64 bytes, where no line
/// start has 64 bytes after it in its chunk).
@Suite("Lexer: plain lines from byte masks")
struct PlainLineLexerTests {
    /// Every token of every entry, with its place and the entry's, and the
    /// lines `plainLine` read.
    static func lex(_ bytes: [UInt8], chunkSize: Int) -> (entries: [String], plainLines: Int) {
        let input = try! ByteInput(bytes: bytes, limit: Int.max, chunkSize: chunkSize)
        let lexer = EntryLexer(input: input, maxEntryBytes: 1 << 20)
        var entry = LexedEntry()
        var entries: [String] = []
        while lexer.next(into: &entry) {
            var text = "\(entry.line):\(entry.column)\(entry.startsWithBlank ? " <blank>" : "")"
            for (index, span) in entry.spans.enumerated() {
                text += " \(span.line):\(span.column)" + (span.isQuoted ? "\"\(entry.string(index))\"" : "=\(entry.string(index))")
            }
            if let problem = entry.problem { text += " !\(entry.problemLine):\(entry.problemColumn) \(problem.rule)" }
            entries.append(text)
        }
        return (entries, lexer.plainLines)
    }

    /// A line of random pieces: tokens (with bytes above 0x7F too), runs of
    /// spaces and TABs, quoted tokens, and now and then what the fast path
    /// leaves alone.
    static func randomLine(_ generator: inout SplitMix64) -> [UInt8] {
        var line: [UInt8] = []
        let target = Int(generator.next() % 90)
        while line.count < target {
            switch generator.next() % 20 {
            case 0..<9:
                let length = 1 + Int(generator.next() % 12)
                line += (0..<length).map { _ in
                    let value = generator.next() % 40
                    return value == 0 ? 0xC3 : UInt8(ascii: "a") + UInt8(value % 26)
                }
            case 9..<16: line.append(UInt8(ascii: " "))
            case 16..<18: line.append(0x09)
            case 18:
                // A closed quoted token, blanks and all, maybe empty.
                line.append(UInt8(ascii: "\""))
                line += (0..<Int(generator.next() % 8)).map { _ in generator.next() % 4 == 0 ? 0x20 : UInt8(ascii: "q") }
                line.append(UInt8(ascii: "\""))
            default:
                let rare: [UInt8] = [0x0D, 0x01, 0x7F, UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
                                     UInt8(ascii: "\""), UInt8(ascii: "\\")]
                line.append(rare[Int(generator.next() % UInt64(rare.count))])
            }
        }
        // Some lines end in CR LF.
        if generator.next() % 5 == 0 { line.append(0x0D) }
        line.append(0x0A)
        return line
    }

    @Test("random lines give the same entries with the fast path open and shut")
    func randomLinesMatch() {
        var generator = SplitMix64(seed: 0x9A11_11E5)
        for round in 0..<200 {
            var text: [UInt8] = []
            for _ in 0..<40 { text += Self.randomLine(&generator) }
            let fast = Self.lex(text, chunkSize: 1 << 20)
            let slow = Self.lex(text, chunkSize: 61)
            #expect(slow.plainLines == 0)
            #expect(fast.entries == slow.entries, "round \(round)")
            if fast.entries != slow.entries { return }
        }
    }

    @Test("the fast path reads plain lines, ending within 64 bytes, and only those")
    func takesPlainLinesOnly() {
        func plainLines(_ text: String) -> Int {
            // The padding gives each line 64 bytes after its start in the chunk.
            let padded = text + String(repeating: ";", count: 70) + "\n"
            let bytes = Array(padded.utf8)
            let fast = Self.lex(bytes, chunkSize: 1 << 20), slow = Self.lex(bytes, chunkSize: 61)
            #expect(fast.entries == slow.entries, "\(text.debugDescription)")
            return fast.plainLines
        }
        #expect(plainLines("www IN A 192.0.2.1\n") == 1)
        #expect(plainLines("\tIN A 192.0.2.1\r\n") == 1)
        #expect(plainLines("   \t \n") == 1)
        #expect(plainLines("\n") == 1)
        // 63 bytes and the LF fit in the 64; one more byte does not.
        #expect(plainLines(String(repeating: "a", count: 63) + "\n") == 1)
        #expect(plainLines(String(repeating: "a", count: 64) + "\n") == 0)
        // CR LF fits when the LF is the 64th byte.
        #expect(plainLines(String(repeating: "a", count: 62) + "\r\n") == 1)
        // Closed quoted tokens too, next to others or not, empty or not.
        #expect(plainLines("a TXT \"b c\" \"\"\"d\"e\n") == 1)
        #expect(plainLines("\"\"\n") == 1)
        for other in ["a \"b\n", "a \"b;\" c\n", "a \"b\\\"\" c\n", "a ; c\n", "a (\n b )\n", "a b\\ c\n", "a \u{1}b\n", ";x\n"] {
            #expect(plainLines(other) == 0, "\(other.debugDescription)")
        }
        // A lone CR ends a line (without counting one): what follows it is a line start.
        #expect(plainLines("a\rb\n") == 1)
    }

    @Test("quoted tokens on the fast path: their text without the quotes, placed at the opening quote")
    func quotedOnTheFastPath() {
        let text = Array(("t TXT \"v=spf1 -all\" \"\"x\"y z\"\n" + String(repeating: " ", count: 64) + "\n").utf8)
        let fast = Self.lex(text, chunkSize: 1 << 20)
        #expect(fast.plainLines >= 1)
        #expect(fast.entries == ["1:1 1:1=t 1:3=TXT 1:7\"v=spf1 -all\" 1:21\"\" 1:23=x 1:24\"y z\""])
    }

    @Test("columns and lines of tokens read on the fast path")
    func placesOnTheFastPath() {
        let text = Array(("a\tbb  ccc\n\n  d e\r\n" + String(repeating: " ", count: 64) + "\n").utf8)
        let fast = Self.lex(text, chunkSize: 1 << 20)
        #expect(fast.plainLines >= 3)
        #expect(fast.entries == ["1:1 1:1=a 1:3=bb 1:7=ccc", "3:1 <blank> 3:3=d 3:5=e"])
    }
}
