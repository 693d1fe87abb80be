import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// The shared conformance corpus (../shared/corpus relative to the package
/// root); every test returns early, recording why, when it is absent.
enum SharedCorpus {
    static var root: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // ZoneParserTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/corpus")
    }

    /// The file's text, or nil (with a note in the test log) when the corpus is absent.
    static func text(_ relativePath: String) -> String? {
        let url = root.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipped: \(url.path) is absent (the shared corpus is not checked out next to the package)")
            return nil
        }
        return text
    }
}

@Suite struct RDataCorpusTests {
    /// RFC 3597 section 5: unknown classes and types, `\#` split over a
    /// parenthesised continuation, a known type in generic form.
    @Test func rfc3597Examples() throws {
        guard let input = SharedCorpus.text("rfc-vectors/rfc3597-examples.txt"),
              let expectedText = SharedCorpus.text("rfc-vectors/rfc3597-examples.expected") else { return }
        let records = TestTokens.records(input)
        let expected = expectedText.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
        try #require(records.count == expected.count)
        for (record, answer) in zip(records, expected) {
            let rrClass = try #require(record[1].text.withUnsafeBufferPointer { RRClass(mnemonic: $0) })
            let type = try #require(record[2].text.withUnsafeBufferPointer { RRType(mnemonic: $0) })
            let wire = try RDataText.encode(type: type, tokens: record[3...], origin: nil)
            #expect(record[0].string == String(answer[0]))
            #expect(String(rrClass.rawValue) == String(answer[1]))
            #expect(String(type.rawValue) == String(answer[2]))
            #expect((wire.isEmpty ? "-" : TestTokens.hex(wire)) == String(answer[3]))
        }
        // Printing e.example in canonical presentation form gives the A records back.
        let printed = RDataPresentation.string(type: .a, rdata: [10, 0, 0, 1])
        #expect(printed == "10.0.0.1")
    }

    /// RFC 9460 Appendix D: the N-th presentation-form vector gives exactly
    /// the RDATA of the N-th generic-form vector, and the printed form
    /// re-parses to it.
    @Test func svcbVectors() throws {
        guard let text = SharedCorpus.text("dnspython/tests/svcb_test_vectors.text"),
              let generic = SharedCorpus.text("dnspython/tests/svcb_test_vectors.generic") else { return }
        let typed = TestTokens.records(text)
        let wires = TestTokens.records(generic)
        try #require(typed.count == wires.count)
        #expect(typed.count == 10)
        for (index, (record, genericRecord)) in zip(typed, wires).enumerated() {
            let ours = try RDataText.encode(type: .svcb, tokens: record[...], origin: nil)
            let expected = try RDataText.encode(type: .svcb, tokens: genericRecord[...], origin: nil)
            #expect(TestTokens.hex(ours) == TestTokens.hex(expected), "vector \(index + 1): \(record.map(\.string))")
            let printed = RDataPresentation.string(type: .svcb, rdata: ours)
            let again = try RDataText.encode(type: .svcb, tokens: TestTokens.tokens(printed), origin: nil)
            #expect(again == ours, "vector \(index + 1) printed as \(printed)")
            let https = try RDataText.encode(type: .https, tokens: record[...], origin: nil)
            #expect(https == ours)
        }
    }

    /// The lexer may split `key="value"` into `key=` and a quoted token.
    @Test func svcbValueAsSeparateQuotedToken() throws {
        let bytes = Array("1 foo.example.com. ipv6hint=".utf8)
        var tokens = TestTokens.tokens(String(decoding: bytes, as: UTF8.self))
        let value = Array("2001:db8::1,2001:db8::53:1".utf8)
        tokens.append(Token(text: value[...], isQuoted: true))
        let joined = try RDataText.encode(type: .svcb, tokens: tokens, origin: nil)
        let inline = try RDataText.encode(type: .svcb, tokens: TestTokens.tokens("1 foo.example.com. ipv6hint=\"2001:db8::1,2001:db8::53:1\""), origin: nil)
        #expect(joined == inline)
        #expect(joined.count == 55)
    }
}
