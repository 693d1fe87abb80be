import Testing
import ZoneModel
@testable import ZoneParser

/// Bad RDATA for each family of types: the message names the offending token
/// and what was expected, and `tokenIndex` points at it (nil: a missing field).
@Suite struct RDataErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        var type: String
        var rdata: String
        var fragment: String
        var tokenIndex: Int?
        var description: String { "\(type) \(rdata)" }
    }

    static let cases: [Case] = [
        // Addresses.
        Case(type: "A", rdata: "192.0.2.300", fragment: "bad IPv4 address \"192.0.2.300\"", tokenIndex: 0),
        Case(type: "A", rdata: "192.0.2", fragment: "bad IPv4 address \"192.0.2\"", tokenIndex: 0),
        Case(type: "A", rdata: "01.2.3.4", fragment: "bad IPv4 address", tokenIndex: 0),
        Case(type: "A", rdata: "", fragment: "missing an IPv4 address", tokenIndex: nil),
        Case(type: "A", rdata: "192.0.2.1 extra", fragment: "unexpected extra field \"extra\"", tokenIndex: 1),
        Case(type: "AAAA", rdata: "1::2::3", fragment: "bad IPv6 address \"1::2::3\"", tokenIndex: 0),
        Case(type: "AAAA", rdata: "1:2:3:4:5:6:7:8:9", fragment: "bad IPv6 address", tokenIndex: 0),
        Case(type: "AAAA", rdata: "12345::", fragment: "bad IPv6 address", tokenIndex: 0),
        Case(type: "AAAA", rdata: "192.0.2.1", fragment: "bad IPv6 address", tokenIndex: 0),
        Case(type: "EUI48", rdata: "00-00-5e-00-53", fragment: "bad EUI-48 address", tokenIndex: 0),
        Case(type: "EUI64", rdata: "00-00-5e-ef-10-00-00-zz", fragment: "bad EUI-64 address", tokenIndex: 0),
        Case(type: "NID", rdata: "10 0014:4fff:ff20", fragment: "bad 64-bit locator", tokenIndex: 1),
        // Integers.
        Case(type: "MX", rdata: "70000 mail", fragment: "expected a 16-bit integer, got \"70000\"", tokenIndex: 0),
        Case(type: "MX", rdata: "-1 mail", fragment: "expected a 16-bit integer, got \"-1\"", tokenIndex: 0),
        Case(type: "MX", rdata: "0x10 mail", fragment: "expected a 16-bit integer", tokenIndex: 0),
        Case(type: "MX", rdata: "10", fragment: "missing a domain name", tokenIndex: nil),
        Case(type: "SRV", rdata: "0 5 65536 sip", fragment: "expected a 16-bit integer, got \"65536\"", tokenIndex: 2),
        Case(type: "DS", rdata: "1 8 256 abcd", fragment: "expected an 8-bit integer, got \"256\"", tokenIndex: 2),
        Case(type: "SOA", rdata: "a b 4294967296 1 1 1 1", fragment: "expected a 32-bit integer", tokenIndex: 2),
        Case(type: "SOA", rdata: "a b 1 1x 1 1 1", fragment: "expected a time value", tokenIndex: 3),
        Case(type: "SOA", rdata: "a b 1 1 1 1", fragment: "missing a time value", tokenIndex: nil),
        Case(type: "SOA", rdata: "a b 1 9999999999 1 1 1", fragment: "expected a time value", tokenIndex: 3),
        Case(type: "TLSA", rdata: "4x 1 1 ab", fragment: "expected an 8-bit integer", tokenIndex: 0),
        Case(type: "CERT", rdata: "FOO 1 1 AA==", fragment: "expected a certificate type, got \"FOO\"", tokenIndex: 0),
        Case(type: "DS", rdata: "1 FOO 2 ab", fragment: "expected a DNSSEC algorithm, got \"FOO\"", tokenIndex: 1),
        // Names.
        Case(type: "NS", rdata: "a..b", fragment: "bad domain name \"a..b\": empty label", tokenIndex: 0),
        Case(type: "NS", rdata: String(repeating: "x", count: 64), fragment: "label longer than 63 octets", tokenIndex: 0),
        Case(type: "NS", rdata: "a\\", fragment: "bad escape sequence", tokenIndex: 0),
        Case(type: "NS", rdata: "a\\256", fragment: "bad escape sequence", tokenIndex: 0),
        Case(type: "CNAME", rdata: Array(repeating: "abcdefghijklmnopqrstuvwxyz", count: 10).joined(separator: "."),
             fragment: "name longer than 255 octets", tokenIndex: 0),
        // Character strings.
        Case(type: "TXT", rdata: "", fragment: "missing a character string", tokenIndex: nil),
        Case(type: "TXT", rdata: "ok \"" + String(repeating: "y", count: 256) + "\"", fragment: "character string longer than 255 octets (256)", tokenIndex: 1),
        Case(type: "TXT", rdata: "\"a\\25\"", fragment: "bad escape in character string", tokenIndex: 0),
        Case(type: "HINFO", rdata: "cpu", fragment: "missing a character string", tokenIndex: nil),
        // RFC 3403's example regexp written as is: "\2" starts a \DDD escape (RFC 1035 5.1), as in ldns.
        Case(type: "NAPTR", rdata: "100 10 \"\" \"\" \"!^urn:cid:.+@([^\\.]+\\.)(.*)$!\\2!i\" .",
             fragment: "bad escape in character string", tokenIndex: 4),
        Case(type: "CAA", rdata: "0 iss-ue \"x\"", fragment: "expected a CAA tag (letters and digits), got \"iss-ue\"", tokenIndex: 1),
        Case(type: "CAA", rdata: "0 issue", fragment: "missing a string", tokenIndex: nil),
        // Hex, base64, base32hex.
        Case(type: "DS", rdata: "1 8 2 abc", fragment: "odd number of hex digits", tokenIndex: 3),
        Case(type: "DS", rdata: "1 8 2 ab xyz", fragment: "bad hex \"xyz\"", tokenIndex: 4),
        Case(type: "DS", rdata: "1 8 2", fragment: "missing hex data", tokenIndex: nil),
        Case(type: "DNSKEY", rdata: "256 3 8 AAA", fragment: "bad base64 length", tokenIndex: 3),
        Case(type: "DNSKEY", rdata: "256 3 8 AA*A", fragment: "bad base64 \"AA*A\"", tokenIndex: 3),
        Case(type: "DNSKEY", rdata: "256 3 8 AA== AAAA", fragment: "bad base64 \"AAAA\"", tokenIndex: 4),
        Case(type: "NSEC3", rdata: "1 1 12 xyz 2t7b4g4v A", fragment: "expected a salt (hex or -), got \"xyz\"", tokenIndex: 3),
        Case(type: "NSEC3", rdata: "1 1 12 - 2t7b!g4v A", fragment: "bad base32hex next hashed owner name", tokenIndex: 4),
        Case(type: "NSEC3", rdata: "1 1 12 - 2t7", fragment: "bad base32hex next hashed owner name", tokenIndex: 4),
        Case(type: "NSEC3PARAM", rdata: "1 0 0", fragment: "missing a salt", tokenIndex: nil),
        Case(type: "NSAP", rdata: "47000580", fragment: "expected an NSAP address starting with 0x", tokenIndex: 0),
        Case(type: "NSAP", rdata: "0x470", fragment: "odd number of hex digits", tokenIndex: 0),
        // Times.
        Case(type: "RRSIG", rdata: "A 8 2 3600 20201301000000 20200101000000 1 . AAAA", fragment: "bad date (YYYYMMDDHHMMSS) \"20201301000000\"", tokenIndex: 4),
        Case(type: "RRSIG", rdata: "A 8 2 3600 4294967296 0 1 . AAAA", fragment: "expected a time (YYYYMMDDHHMMSS or seconds since 1970), got \"4294967296\"", tokenIndex: 4),
        Case(type: "RRSIG", rdata: "A 8 2 3600 20200101000000 19691231235959 1 . AAAA", fragment: "is before 1970", tokenIndex: 5),
        Case(type: "RRSIG", rdata: "A 8 2 3600 20200230000000 0 1 . AAAA", fragment: "bad date", tokenIndex: 4),
        Case(type: "RRSIG", rdata: "XYZ 8 2 3600 0 0 1 . AAAA", fragment: "bad record type \"XYZ\"", tokenIndex: 0),
        Case(type: "RRSIG", rdata: "A 8 2 3600 0 0 1 .", fragment: "missing base64 data", tokenIndex: nil),
        // Type bitmaps.
        Case(type: "NSEC", rdata: "b A FOO", fragment: "bad record type \"FOO\"", tokenIndex: 2),
        Case(type: "NSEC", rdata: "", fragment: "missing a domain name", tokenIndex: nil),
        Case(type: "NXT", rdata: "b A TYPE200", fragment: "NXT bitmaps hold types 1 to 127 only", tokenIndex: 2),
        Case(type: "WKS", rdata: "192.0.2.1 foo 25", fragment: "expected a protocol (tcp, udp or a number), got \"foo\"", tokenIndex: 1),
        Case(type: "WKS", rdata: "192.0.2.1 tcp nosuch", fragment: "expected a port number or a well-known service name, got \"nosuch\"", tokenIndex: 2),
        // LOC.
        Case(type: "LOC", rdata: "91 N 0 E 0", fragment: "expected latitude degrees (0 to 90), got \"91\"", tokenIndex: 0),
        Case(type: "LOC", rdata: "52 60 N 0 E 0", fragment: "expected latitude minutes (0 to 59)", tokenIndex: 1),
        Case(type: "LOC", rdata: "52 1 60 N 0 E 0", fragment: "expected latitude seconds (0 to 59.999)", tokenIndex: 2),
        Case(type: "LOC", rdata: "52 22 23 X 4 E 0", fragment: "expected N or S for the latitude, got \"X\"", tokenIndex: 3),
        Case(type: "LOC", rdata: "90 1 N 0 E 0", fragment: "latitude beyond 90 degrees", tokenIndex: 2),
        Case(type: "LOC", rdata: "0 N 181 E 0", fragment: "expected longitude degrees (0 to 180)", tokenIndex: 2),
        Case(type: "LOC", rdata: "0 N 0 E -100000.01m", fragment: "expected an altitude in metres", tokenIndex: 4),
        Case(type: "LOC", rdata: "0 N 0 E 0 90000001m", fragment: "expected a size or precision in metres", tokenIndex: 5),
        // 20 digits overflowed the fixed-point reader (a fuzz crasher).
        Case(type: "LOC", rdata: "0 N 0 E 99999999999999999999m", fragment: "expected an altitude in metres", tokenIndex: 4),
        Case(type: "LOC", rdata: "0 N 0 E 0 99999999999999999999", fragment: "expected a size or precision in metres", tokenIndex: 5),
        Case(type: "LOC", rdata: "0 N 0 E", fragment: "missing an altitude", tokenIndex: nil),
        // APL, IPSECKEY, AMTRELAY, A6, HIP.
        Case(type: "APL", rdata: "1:192.0.2.0/33", fragment: "APL IPv4 prefix length 33 is over 32", tokenIndex: 0),
        Case(type: "APL", rdata: "1:192.0.2.0/24 3:192.0.2.0/24", fragment: "APL address family 3", tokenIndex: 1),
        Case(type: "APL", rdata: "1:192.0.2.0", fragment: "expected an APL item [!]afi:address/prefix", tokenIndex: 0),
        Case(type: "APL", rdata: "2:2001:db8::x/32", fragment: "bad APL IPv6 address", tokenIndex: 0),
        Case(type: "IPSECKEY", rdata: "10 4 2 . AQNR", fragment: "expected a gateway type (0 to 3), got \"4\"", tokenIndex: 1),
        Case(type: "IPSECKEY", rdata: "10 0 2 192.0.2.1 AQNR", fragment: "expected \".\" for gateway type 0", tokenIndex: 3),
        Case(type: "IPSECKEY", rdata: "10 1 2 gw.example. AQNR", fragment: "bad IPv4 address \"gw.example.\"", tokenIndex: 3),
        Case(type: "AMTRELAY", rdata: "10 2 1 192.0.2.1", fragment: "expected the discovery optional bit (0 or 1), got \"2\"", tokenIndex: 1),
        Case(type: "AMTRELAY", rdata: "10 0 4 .", fragment: "expected a relay type (0 to 3)", tokenIndex: 2),
        Case(type: "A6", rdata: "129 ::1 a", fragment: "expected a prefix length (0 to 128), got \"129\"", tokenIndex: 0),
        Case(type: "A6", rdata: "64 ::1", fragment: "missing a domain name", tokenIndex: nil),
        Case(type: "HIP", rdata: "2 xyz AAAA", fragment: "bad HIT \"xyz\"", tokenIndex: 1),
        // SVCB / HTTPS.
        Case(type: "SVCB", rdata: "1 . port=53 port=54", fragment: "duplicate SvcParamKey port", tokenIndex: 3),
        Case(type: "SVCB", rdata: "1 . port=53 key3=54", fragment: "duplicate SvcParamKey port", tokenIndex: 3),
        Case(type: "SVCB", rdata: "1 . alpn", fragment: "alpn needs a value", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . alpn=", fragment: "alpn needs a value", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . alpn=h2,,h3", fragment: "alpn IDs must be 1 to 255 octets", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . port", fragment: "port needs a value", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . port=70000", fragment: "port must be a 16-bit integer", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . no-default-alpn=x alpn=h2", fragment: "no-default-alpn takes no value", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . mandatory=port", fragment: "mandatory key port is not in the record", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . mandatory=mandatory,port port=1", fragment: "mandatory must not list itself", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . mandatory=port,port port=1", fragment: "duplicate key port in mandatory", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . foo=bar", fragment: "unknown SvcParamKey \"foo\"", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . key65535=a", fragment: "unknown SvcParamKey \"key65535\"", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . key070=a", fragment: "unknown SvcParamKey \"key070\"", tokenIndex: 2),
        Case(type: "SVCB", rdata: "1 . ipv4hint=192.0.2", fragment: "bad IPv4 address \"192.0.2\"", tokenIndex: 2),
        Case(type: "HTTPS", rdata: "1 . ipv6hint=::1,x", fragment: "bad IPv6 address \"x\"", tokenIndex: 2),
        Case(type: "HTTPS", rdata: "1 . ech=AAA", fragment: "bad base64 in ech", tokenIndex: 2),
        Case(type: "HTTPS", rdata: "1", fragment: "missing a domain name", tokenIndex: nil),
        Case(type: "HTTPS", rdata: "1 . dohpath", fragment: "dohpath needs a value", tokenIndex: 2),
        // RFC 3597 generic form, and types without a typed syntax.
        Case(type: "A", rdata: "\\# 3 abcd", fragment: "\\# length 3 does not match the 2 octets of hex data", tokenIndex: 1),
        Case(type: "TYPE999", rdata: "\\# 2 zzzz", fragment: "bad hex \"zzzz\"", tokenIndex: 2),
        Case(type: "TYPE999", rdata: "\\# 0 00", fragment: "unexpected extra field \"00\"", tokenIndex: 2),
        Case(type: "TYPE999", rdata: "\\# x 00", fragment: "expected the RDATA length after \\#, got \"x\"", tokenIndex: 1),
        Case(type: "TYPE999", rdata: "\\# 1", fragment: "missing hex data", tokenIndex: nil),
        Case(type: "TYPE999", rdata: "\\# 70000 00", fragment: "got \"70000\"", tokenIndex: 1),
        Case(type: "TYPE999", rdata: "abc", fragment: "type TYPE999 has no typed RDATA syntax; use the RFC 3597 form", tokenIndex: 0),
        Case(type: "NULL", rdata: "abcd", fragment: "type NULL has no typed RDATA syntax", tokenIndex: 0),
    ]

    @Test(arguments: cases)
    func badInputIsRejectedWithTheTokenAtFault(_ testCase: Case) throws {
        let type = try #require(RRType(mnemonic: testCase.type))
        var out: [UInt8] = [0xAA]
        do {
            try RDataText.encode(type: type, tokens: TestTokens.tokens(testCase.rdata), origin: TestTokens.origin, into: &out)
            Issue.record("accepted: \(testCase)")
        } catch {
            #expect(error.message.contains(testCase.fragment), "message: \(error.message)")
            #expect(error.tokenIndex == testCase.tokenIndex, "message: \(error.message)")
        }
        // A failed encode leaves the buffer as it was.
        #expect(out == [0xAA])
    }

    @Test func tokenIndexIsASubscriptOfTheSliceGiven() throws {
        let all = Array(TestTokens.tokens("www 300 IN MX 70000 mail"))
        do {
            _ = try RDataText.encode(type: .mx, tokens: all[4...], origin: TestTokens.origin)
            Issue.record("accepted")
        } catch {
            #expect(error.tokenIndex == 4)
            #expect(all[error.tokenIndex!].string == "70000")
        }
    }

    @Test func longTokensAreCutInMessages() throws {
        let huge = String(repeating: "z", count: 5000)
        do {
            _ = try RDataText.encode(type: .a, tokens: TestTokens.tokens(huge), origin: nil)
            Issue.record("accepted")
        } catch {
            #expect(error.message.count < 200)
            #expect(error.message.hasSuffix("...\""))
        }
    }

    @Test func relativeNameWithoutOriginIsAnError() {
        #expect(throws: RDataSyntaxError.self) {
            _ = try RDataText.encode(type: .ns, tokens: TestTokens.tokens("ns1"), origin: nil)
        }
    }
}
