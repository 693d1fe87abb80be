import Testing
import ZoneModel
@testable import ZoneParser

/// Every token of every entry as `line:column text` (quoted tokens in quotes).
private func lex(_ text: String, chunkSize: Int = 1 << 20, maxEntryBytes: Int = 1 << 20) -> [[String]] {
    let input = try! ByteInput(bytes: Array(text.utf8), limit: Int.max, chunkSize: chunkSize)
    let lexer = EntryLexer(input: input, maxEntryBytes: maxEntryBytes)
    var entry = LexedEntry()
    var entries: [[String]] = []
    while lexer.next(into: &entry) {
        var tokens: [String] = entry.startsWithBlank ? ["<blank>"] : []
        for (index, span) in entry.spans.enumerated() {
            let text = entry.string(index)
            tokens.append("\(span.line):\(span.column) " + (span.isQuoted ? "\"\(text)\"" : text))
        }
        if let problem = entry.problem {
            tokens.append("!\(entry.problemLine):\(entry.problemColumn) \(problem.rule)")
        }
        entries.append(tokens)
    }
    return entries
}

@Suite("Lexer")
struct LexerTests {
    @Test func splitsOnBlanksAndKeepsPositions() {
        #expect(lex("www  IN\tA 192.0.2.1\n") == [["1:1 www", "1:6 IN", "1:9 A", "1:11 192.0.2.1"]])
    }

    @Test func leadingBlankMeansInheritedOwner() {
        #expect(lex("a A 1\n\tA 2\n  A 3\n") == [
            ["1:1 a", "1:3 A", "1:5 1"], ["<blank>", "2:2 A", "2:4 2"], ["<blank>", "3:3 A", "3:5 3"],
        ])
    }

    @Test func skipsBlankAndCommentLines() {
        #expect(lex("; only a comment\n\n   \n\t; indented comment\na A 1 ; trailing\n") == [["5:1 a", "5:3 A", "5:5 1"]])
    }

    @Test func parenthesesJoinLinesAndNest() {
        #expect(lex("@ SOA ns hm (\n 1 ; serial\n 2 ((3)) 4\n 5 )\nb A 1\n") == [
            ["1:1 @", "1:3 SOA", "1:7 ns", "1:10 hm", "2:2 1", "3:2 2", "3:6 3", "3:10 4", "4:2 5"],
            ["5:1 b", "5:3 A", "5:5 1"],
        ])
    }

    @Test func parenthesesAndQuotesDelimitTokens() {
        #expect(lex("a(1)TXT a\"b\"c \"d\"e\n") == [
            ["1:1 a", "1:3 1", "1:5 TXT", "1:9 a", "1:10 \"b\"", "1:13 c", "1:15 \"d\"", "1:18 e"],
        ])
    }

    @Test func quotedStringsKeepBlanksSemicolonsAndEscapes() {
        #expect(lex("t TXT \"a b;c\" \"q\\\"q\" \"\"\n") == [
            ["1:1 t", "1:3 TXT", "1:7 \"a b;c\"", "1:15 \"q\\\"q\"", "1:22 \"\""],
        ])
    }

    @Test func escapesProtectDelimitersInPlainTokens() {
        #expect(lex("a\\ b\\;c\\(\\) TXT x\\\"y\n") == [["1:1 a\\ b\\;c\\(\\)", "1:13 TXT", "1:17 x\\\"y"]])
    }

    @Test func carriageReturnBeforeLineFeedIsIgnored() {
        #expect(lex("a A 1\r\nb A 2\r\n") == [["1:1 a", "1:3 A", "1:5 1"], ["2:1 b", "2:3 A", "2:5 2"]])
    }

    @Test func loneCarriageReturnEndsTheLine() {
        // BIND: a CR on its own ends the line (the line number does not move).
        #expect(lex("a A 1\rb A 2\n") == [["1:1 a", "1:3 A", "1:5 1"], ["1:7 b", "1:9 A", "1:11 2"]])
    }

    @Test func carriageReturnInsideQuotesIsData() {
        #expect(lex("t TXT \"x\ry\"\n") == [["1:1 t", "1:3 TXT", "1:7 \"x\ry\""]])
    }

    @Test func lastLineWithoutNewline() {
        #expect(lex("a A 1") == [["1:1 a", "1:3 A", "1:5 1"]])
    }

    @Test func unterminatedStringIsReportedAtTheQuote() {
        #expect(lex("t TXT \"abc\nb A 1\n") == [
            ["1:1 t", "1:3 TXT", "1:7 \"abc\"", "!1:7 syntax.unterminated-string"], ["2:1 b", "2:3 A", "2:5 1"],
        ])
    }

    @Test func unbalancedClosingParenthesis() {
        #expect(lex("a A 1 )\nb A 2\n") == [
            ["1:1 a", "1:3 A", "1:5 1", "!1:7 syntax.unbalanced-parentheses"], ["2:1 b", "2:3 A", "2:5 2"],
        ])
    }

    @Test func unclosedParenthesisAtEndOfFile() {
        #expect(lex("a A (1\nb A 2\n") == [
            ["1:1 a", "1:3 A", "1:6 1", "2:1 b", "2:3 A", "2:5 2", "!1:5 syntax.unbalanced-parentheses"],
        ])
    }

    @Test func backslashAtEndOfLineIsAnError() {
        #expect(lex("a\\\nb A 1\n") == [["1:1 a\\", "!1:2 syntax.bad-escape"], ["2:1 b", "2:3 A", "2:5 1"]])
        // The error points at the backslash wherever the chunk ends, and at
        // the end of the input too.
        for size in [1, 2, 3, 4, 64] {
            #expect(lex("a\\\nb A 1\n", chunkSize: size) == [["1:1 a\\", "!1:2 syntax.bad-escape"], ["2:1 b", "2:3 A", "2:5 1"]],
                    "chunk size \(size)")
            #expect(lex("b A 1\nab\\", chunkSize: size) == [["1:1 b", "1:3 A", "1:5 1"], ["2:1 ab\\", "!2:3 syntax.bad-escape"]],
                    "chunk size \(size)")
        }
    }

    @Test func entryBudgetIsEnforced() {
        let long = String(repeating: "x", count: 100)
        let entries = lex("a TXT \(long)\nb A 1\n", maxEntryBytes: 50)
        #expect(entries.count == 2)
        #expect(entries[0].last == "!1:7 syntax.entry-too-long")
        #expect(entries[1] == ["2:1 b", "2:3 A", "2:5 1"])
    }

    /// Entries borrow their text from the input chunk and are copied out
    /// only when they cross into the next one: wherever the boundary falls
    /// (before, inside or after a token, inside quotes or an escape, with
    /// empty quoted tokens around it), the tokens are the same.
    @Test func chunkBoundariesDoNotChangeTheTokens() {
        let text = "$ORIGIN example.\n@ 3600 IN SOA ns hm ( 1 2 3 4 5 ) ; c\n\tTXT \"a \\\" b\" x\\ y\r\nw\\065 A 1\n; <<>> DiG\n"
            + "e TXT \"\" \"\" z\nf\tIN\tMX\t10 mail.example.\n"
        let reference = lex(text)
        #expect(reference.count == 6)
        #expect(reference.last?.first == "7:1 f")
        #expect(reference[4] == ["6:1 e", "6:3 TXT", "6:7 \"\"", "6:10 \"\"", "6:13 z"])
        for size in [1, 2, 3, 5, 7, 13, 64] {
            #expect(lex(text, chunkSize: size) == reference, "chunk size \(size)")
        }
    }

    @Test func transferMarkersAreNoticed() {
        let input = try! ByteInput(bytes: Array("; <<>> DiG 9.18 <<>> axfr\n;; XFR size: 15 records (messages 1, bytes 438)\n".utf8), limit: Int.max)
        let lexer = EntryLexer(input: input, maxEntryBytes: 1000)
        var entry = LexedEntry()
        while lexer.next(into: &entry) {}
        #expect(lexer.transferMarkers.seen)
        #expect(lexer.transferMarkers.reportedRecords == 15)
    }
}

/// The word-at-a-time scan of plain tokens must never pass over a byte that
/// ends a token or starts an escape, and must let ordinary words through.
@Suite struct PlainTokenWordScanTests {
    static let special: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x3B, 0x28, 0x29, 0x22, 0x5C]

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test func everySpecialByteInEveryPlaceStopsTheScan() {
        for byte in 0...255 {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "Q"), count: 8)
                bytes[place] = UInt8(byte)
                let passes = EntryLexer.isSurelyOrdinary(Self.word(bytes))
                if Self.special.contains(UInt8(byte)) || byte < 0x21 {
                    #expect(!passes, "byte \(byte) at \(place)")
                } else {
                    #expect(passes, "byte \(byte) at \(place)")
                }
            }
        }
    }

    @Test func randomWordsAgreeWithTheByteTable() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<200_000 {
            // Mostly printable bytes, as in zone files, with some of everything.
            let bytes = (0..<8).map { _ -> UInt8 in
                let value = generator.next()
                return value % 4 == 0 ? UInt8(truncatingIfNeeded: value >> 8) : UInt8(0x21 + (value >> 8) % 94)
            }
            let stops = bytes.contains { Self.special.contains($0) || $0 < 0x21 }
            #expect(EntryLexer.isSurelyOrdinary(Self.word(bytes)) == !stops, "\(bytes)")
        }
    }

    @Test func longTokensEndAtTheRightByteWherever() {
        // A token of every length up to 40 followed by each delimiter, so the
        // delimiter falls in every place of a word and after the word loop.
        for length in 1...40 {
            for delimiter in [" ", "\t", "\n", ";c", "(", ")", "\"q\""] {
                let token = String(repeating: "A", count: length - 1) + "z"
                let text = "@ IN TXT \(token)\(delimiter)\n"
                let input = try! ByteInput(bytes: Array(text.utf8), limit: Int.max, chunkSize: 1 << 20)
                let lexer = EntryLexer(input: input, maxEntryBytes: 1 << 20)
                var entry = LexedEntry()
                #expect(lexer.next(into: &entry))
                #expect(entry.string(3) == token, "length \(length), delimiter \(delimiter.debugDescription)")
            }
        }
    }
}
