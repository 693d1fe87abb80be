import Testing
import ZoneModel
@testable import ZoneParser

/// The parser's direct path for the commonest types gives exactly what the
/// general encoder gives, and steps aside for everything else: whenever it
/// answers, its octets equal `RDataText`'s; whenever `RDataText` refuses
/// the tokens (so that a message can be worded), it does not answer.
@Suite struct CommonRDataTests {
    static let origin = try! DomainName("example.com.")

    /// (type, tokens as written, quoted or not)
    static let cases: [(RRType, [(String, Bool)])] = [
        (.a, [("192.0.2.1", false)]), (.a, [("0.0.0.0", false)]), (.a, [("255.255.255.255", false)]),
        (.a, [("256.1.1.1", false)]), (.a, [("1.2.3", false)]), (.a, [("1.2.3.4.", false)]),
        (.a, [("01.2.3.4", false)]), (.a, [("192.0.2.1", true)]), (.a, [("192.0.2.1", false), ("x", false)]),
        (.a, []), (.a, [("\\#", false), ("4", false), ("c0000201", false)]),
        (.aaaa, [("2001:db8::1", false)]), (.aaaa, [("::", false)]), (.aaaa, [("::ffff:192.0.2.1", false)]),
        (.aaaa, [("2001:db8::1::2", false)]), (.aaaa, [("2001:db8::1", true)]), (.aaaa, [("12345::", false)]),
        (.ns, [("ns1", false)]), (.ns, [("ns1.example.net.", false)]), (.ns, [("@", false)]), (.ns, [(".", false)]),
        (.ns, [("a\\.b", false)]), (.ns, [("a\\065b", false)]), (.ns, [("a..b", false)]), (.ns, [("\\#", false)]),
        (.ns, [("ns1", true)]), (.ns, [("ns1", false), ("ns2", false)]), (.ns, [(String(repeating: "a", count: 64), false)]),
        (.cname, [("www", false)]), (.cname, [("*.example.com.", false)]), (.ptr, [("host.example.", false)]),
        (.dname, [("example.net.", false)]), (.dname, [("\\999", false)]),
        (.mx, [("10", false), ("mail", false)]), (.mx, [("0", false), (".", false)]), (.mx, [("65535", false), ("@", false)]),
        (.mx, [("65536", false), ("mail", false)]), (.mx, [("010", false), ("mail", false)]), (.mx, [("-1", false), ("mail", false)]),
        (.mx, [("10", true), ("mail", false)]), (.mx, [("10", false), ("mail", true)]), (.mx, [("10", false)]),
        (.mx, [("10", false), ("a..b", false)]), (.mx, [("10", false), ("mail", false), ("x", false)]),
        (.srv, [("0", false), ("0", false), ("53", false), ("ns", false)]),
        (.srv, [("10", false), ("60", false), ("5060", false), ("host9.example.net.", false)]),
        (.srv, [("10", false), ("60", false), ("65536", false), ("host9", false)]), (.srv, [("10", false), ("60", false), ("5060", false)]),
        (.srv, [("10", true), ("60", false), ("5060", false), ("host9", false)]), (.srv, [("1", false), ("2", false), ("3", false), ("\\#", false)]),
        (.srv, [("1", false), ("2", false), ("3", false), ("a..b", false)]),
        (.txt, [("hello", false)]), (.txt, [("hello world", true)]), (.txt, [("", true)]), (.txt, [("a", true), ("b", false), ("", true)]),
        (.txt, [("a\\\"b", true)]), (.txt, [("a\\065", true)]), (.txt, [(String(repeating: "x", count: 255), true)]),
        (.txt, [(String(repeating: "x", count: 256), true)]), (.txt, []), (.txt, [("\\#", false), ("0", false)]),
        (.txt, Array(repeating: (String(repeating: "y", count: 255), true), count: 257)),
    ]

    @Test func agreesWithTheGeneralEncoder() throws {
        for origin in [Self.origin, nil] as [DomainName?] {
            for (type, tokens) in Self.cases {
                var bytes: [UInt8] = []
                var spans: [TokenSpan] = []
                for (text, quoted) in tokens {
                    let start = bytes.count
                    bytes.append(contentsOf: Array(text.utf8))
                    spans.append(TokenSpan(start: start, end: bytes.count, line: 1, column: 1, isQuoted: quoted))
                }
                var direct: [UInt8] = [7]
                var general: [UInt8] = [7]
                let (answered, generalResult) = bytes.withUnsafeBufferPointer { bytes in
                    spans.withUnsafeBufferPointer { spans in
                        (CommonRData.encode(type: type, bytes: bytes, spans: spans, origin: origin, into: &direct),
                         Result { () throws(RDataSyntaxError) in
                             try RDataText.encode(type: type, fields: RDataLayout.fields(for: type), bytes: bytes,
                                                  spans: spans, origin: origin, into: &general)
                         })
                    }
                }
                let label = "\(type) \(tokens) origin \(origin?.description ?? "none")"
                if answered {
                    #expect((try? generalResult.get()) != nil, "\(label): the general encoder refuses it")
                    #expect(direct == general, "\(label)")
                } else {
                    #expect(direct == [7], "\(label): left octets behind")
                }
                if case .failure = generalResult { #expect(!answered, "\(label)") }
                // It steps aside only when it must: a quoted token (but for
                // TXT), an escape.
                let plain = !tokens.contains { ($0.1 && type != .txt) || $0.0.contains("\\") }
                if plain, CommonRData.layouts.contains(where: { $0.0 == type }), (try? generalResult.get()) != nil {
                    #expect(answered, "\(label): left to the general encoder")
                }
            }
        }
    }

    /// The direct path reads each type as the general layout has it.
    @Test func readsTheLayoutsTheGeneralEncoderHas() {
        for (type, fields) in CommonRData.layouts {
            #expect(RDataLayout.fields(for: type) == fields, "\(type)")
        }
    }
}
