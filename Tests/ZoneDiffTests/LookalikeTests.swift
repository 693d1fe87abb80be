import Testing
@testable import ZoneDiff
import ZoneModel

@Suite struct LookalikeTests {
    private func resemblance(_ candidate: String, _ reference: String) throws -> String? {
        Lookalike.resemblance(try DomainName(candidate), try DomainName(reference))
    }

    @Test(arguments: [
        ("nsl.example.net.", "ns1.example.net.", "look-alike characters"),
        ("ns1.examp1e.net.", "ns1.example.net.", "look-alike characters"),
        ("ns1.exarnple.net.", "ns1.example.net.", "look-alike characters"),
        ("ns1.example.com.", "ns1.example.net.", "same name under another suffix"),
        ("ns1.example.net.evil.example.", "ns1.example.net.", "same name under another suffix"),
        ("ns1.example.co.uk.", "ns1.example.com.", "same name under another suffix"),
        ("ns1.exmaple.net.", "ns1.example.net.", "1 character apart"),
        ("dns1.example.net.", "ns1.example.net.", "1 character apart"),
        ("ns1.example-net.", "ns1.example.net.", "1 character apart"),
        ("ns1.exampel.nte.", "ns1.example.net.", "2 characters apart"),
    ])
    func nearMissesAreLookalikes(candidate: String, reference: String, reason: String) throws {
        #expect(try resemblance(candidate, reference) == reason)
    }

    @Test(arguments: [
        ("ns2.example.net.", "ns1.example.net."),
        ("ns10.example.net.", "ns1.example.net."),
        ("b.iana-servers.net.", "a.iana-servers.net."),
        ("ns-1.awsdns-02.org.", "ns-7.awsdns-05.org."),
        ("ns1.example.net.", "NS1.Example.NET."),
        ("ns1.attacker.example.", "ns1.example.net."),
        ("ns1.shop-host.example.", "ns1.example.net."),
    ])
    func siblingsAndStrangersAreNot(candidate: String, reference: String) throws {
        #expect(try resemblance(candidate, reference) == nil)
    }

    @Test func editDistanceCountsSwapsAsOne() {
        #expect(Lookalike.editDistance(Array("abcd".utf8), Array("abdc".utf8), limit: 2) == 1)
        #expect(Lookalike.editDistance(Array("abc".utf8), Array("xyz".utf8), limit: 2) == 3)
        #expect(Lookalike.editDistance(Array("".utf8), Array("ab".utf8), limit: 2) == 2)
    }
}
