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

@Suite struct EditDistanceTests {
    /// The plain quadratic recurrence, for comparison with the banded one.
    private func reference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test func bandedDistanceAgreesWithTheFullOneUpToTheLimit() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abn1l.".utf8)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var b = a
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                switch Int.random(in: 0...2, using: &generator) {
                case 0 where !b.isEmpty: b.remove(at: Int.random(in: 0..<b.count, using: &generator))
                case 1: b.insert(alphabet.randomElement(using: &generator)!, at: Int.random(in: 0...b.count, using: &generator))
                default: if !b.isEmpty { b[Int.random(in: 0..<b.count, using: &generator)] = alphabet.randomElement(using: &generator)! }
                }
            }
            let expected = min(reference(a, b), 3)
            #expect(Lookalike.editDistance(a, b, limit: 2) == expected, "\(a) \(b)")
        }
    }

    @Test func longNamesStayCheap() {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 250)
        var other = long
        other[100] = UInt8(ascii: "b")
        #expect(Lookalike.editDistance(long, other, limit: 2) == 1)
        #expect(Lookalike.editDistance(long, [UInt8](repeating: UInt8(ascii: "b"), count: 250), limit: 2) == 3)
    }
}
