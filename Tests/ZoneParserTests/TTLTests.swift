import Testing
import ZoneModel
@testable import ZoneParser

@Suite("TTL")
struct TTLTests {
    private func ttl(_ text: String) -> UInt32? {
        Array(text.utf8).withUnsafeBufferPointer { try? TTLText.parse($0) }
    }

    @Test func unitsAreSummedInAnyCase() {
        #expect(ttl("0") == 0)
        #expect(ttl("00300") == 300)
        #expect(ttl("1w2d3h4m5s") == 788_645)
        #expect(ttl("1W2D3H4M5S") == 788_645)
        #expect(ttl("1s1m1m") == 121)
        #expect(ttl("1h1h") == 7200)
        #expect(ttl("4294967295") == UInt32.max)
    }

    @Test func malformedValuesAreRejected() {
        for bad in ["", "1x", "h", "1h30", "-1", "4294967296", "100000000W", "4294967295s1w", "1.5h"] {
            #expect(ttl(bad) == nil, "\(bad)")
        }
    }

    @Test func dollarTTLAppliesUntilChanged() {
        let result = parse("$TTL 1h\na A 192.0.2.1\nb 60 A 192.0.2.1\nc A 192.0.2.1\n$TTL 2m\nd A 192.0.2.1\n")
        #expect(result.records.map(\.ttl) == [3600, 60, 3600, 120])
        #expect(result.findings.isEmpty)
    }

    @Test func withoutDollarTTLThePreviousRecordsTTLIsUsedWithOneWarning() {
        let result = parse("@ 100 IN SOA ns hm 1 2 3 4 5\n@ NS ns\nns 60 A 192.0.2.1\nx A 192.0.2.2\n")
        #expect(result.records.map(\.ttl) == [100, 100, 60, 60])
        #expect(rules(result) == ["syntax.previous-ttl"])
        #expect(result.findings[0].location?.line == 2)
    }

    @Test func soaMinimumWhenNothingElseIsKnown() {
        // BIND: "no TTL specified; using SOA MINTTL instead"; it then acts as $TTL.
        let result = parse("@ IN SOA ns hm 1 2 3 4 5\n@ NS ns\nns 60 A 192.0.2.1\nx A 192.0.2.2\n")
        #expect(result.records.map(\.ttl) == [5, 5, 60, 5])
        #expect(rules(result) == ["syntax.ttl-from-soa-minimum"])
        #expect(result.findings[0].severity == .medium)
    }

    @Test func noTTLAtAllIsAnError() {
        let result = parse("ns A 192.0.2.1\n@ IN SOA ns hm 1 2 3 4 5\n")
        #expect(errorSites(result) == ["1:1 syntax.missing-ttl"])
        #expect(result.records.map(\.ttl) == [5])
    }

    @Test func optionDefaultActsAsDollarTTL() {
        let result = parse("a A 192.0.2.1\nb 7 A 192.0.2.1\nc A 192.0.2.1\n") { $0.defaultTTL = 3600 }
        #expect(result.records.map(\.ttl) == [3600, 7, 3600])
        #expect(result.findings.isEmpty)
    }

    @Test func largeTTLIsKeptWithAWarning() {
        let result = parse("$TTL 2147483648\na A 192.0.2.1\nb 2147483647 A 192.0.2.1\n")
        #expect(result.records.map(\.ttl) == [2_147_483_648, 2_147_483_647])
        #expect(rules(result) == ["syntax.ttl-too-large"])
        #expect(!result.hasErrors)
    }

    @Test func badDollarTTL() {
        let result = parse("$TTL\n$TTL 1x\n$TTL 1 2\n$TTL 5\na A 192.0.2.1\n")
        #expect(errorSites(result) == ["1:5 syntax.bad-ttl", "2:6 syntax.bad-ttl", "3:8 syntax.bad-directive"])
        #expect(result.records.map(\.ttl) == [5])
    }
}
