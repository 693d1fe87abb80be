import Reporters
import Testing
@testable import ZoneModel

@Suite("Finding fingerprints")
struct FingerprintTests {
    static func name(_ text: String) -> DomainName { try! DomainName(text) }

    static func ns(_ owner: String, _ target: String, ttl: UInt32 = 3600, line: Int = 1) -> Record {
        Record(owner: name(owner), type: .ns, ttl: ttl, rdata: name(target).wire,
               location: SourceLocation(file: "z", line: line, column: 1))
    }

    static func change(before: [Record], after: [Record], owner: String = "example.com.",
                       rule: RuleID = "delegation.apex-ns-changed", line: Int = 6) -> Finding {
        Finding(rule: rule, severity: .critical, message: "changed at line \(line)",
                zone: name("example.com."), owner: name(owner), type: .ns,
                before: before, after: after, location: SourceLocation(file: "z", line: line, column: 1),
                authorized: false)
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors")
    func sha256() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(FingerprintDigest.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(FingerprintDigest.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(FingerprintDigest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Crosses a block boundary with the padding: 64 and 119 octets.
        #expect(hex(FingerprintDigest.sha256([UInt8](repeating: 0x61, count: 64)))
            == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        #expect(hex(FingerprintDigest.sha256([UInt8](repeating: 0x61, count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("a fingerprint is 64 lower-case hex digits")
    func shape() {
        let fingerprint = Self.change(before: [Self.ns("example.com.", "a.example.net.")], after: []).fingerprint
        #expect(fingerprint.count == 64)
        #expect(fingerprint.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test("record order, owner case, TTLs, locations and messages do not change it")
    func stable() {
        let one = Self.ns("example.com.", "ns1.example.net.")
        let two = Self.ns("example.com.", "ns2.example.net.")
        let evil = Self.ns("example.com.", "ns1.attacker.example.")
        let reference = Self.change(before: [one, two], after: [one, evil]).fingerprint
        #expect(Self.change(before: [two, one], after: [evil, one]).fingerprint == reference)
        #expect(Self.change(before: [two, one], after: [evil, one], line: 99).fingerprint == reference)
        let upper = Self.ns("EXAMPLE.com.", "NS1.Example.NET.", ttl: 60, line: 42)
        #expect(Self.change(before: [upper, two], after: [one, evil], owner: "Example.COM.").fingerprint == reference)
    }

    @Test("different data, rule, owner or type give different fingerprints")
    func distinct() {
        let one = Self.ns("example.com.", "ns1.example.net.")
        let two = Self.ns("example.com.", "ns2.example.net.")
        let evil = Self.ns("example.com.", "ns1.attacker.example.")
        let other = Self.ns("example.com.", "ns1.attacker2.example.")
        let reference = Self.change(before: [one, two], after: [one, evil])
        var fingerprints: Set<String> = [reference.fingerprint]
        let variants = [
            Self.change(before: [one, two], after: [one, other]),
            Self.change(before: [one], after: [one, two, evil]),
            Self.change(before: [one, two, evil], after: [one]),
            // The same records on the other side of the change.
            Self.change(before: [one, evil], after: [one, two]),
            Self.change(before: [one, two], after: [one, evil], rule: "delegation.ns-changed"),
            Self.change(before: [one, two], after: [one, evil], owner: "sub.example.com."),
        ]
        for variant in variants { fingerprints.insert(variant.fingerprint) }
        var typed = reference
        typed.type = .ds
        fingerprints.insert(typed.fingerprint)
        var otherZone = reference
        otherZone.zone = Self.name("example.org.")
        fingerprints.insert(otherZone.fingerprint)
        var noZone = reference
        noZone.zone = nil
        fingerprints.insert(noZone.fingerprint)
        #expect(fingerprints.count == 10)
    }

    @Test("findings with neither owner nor records are told apart by their message")
    func messageOnlyFindings() {
        let first = Finding(rule: "syntax.bad-ttl", severity: .high, message: "bad TTL \"1x\"",
                            zone: Self.name("example.com."), location: SourceLocation(file: "z", line: 3, column: 1))
        var second = first
        second.message = "bad TTL \"2y\""
        var moved = first
        moved.location = SourceLocation(file: "z", line: 30, column: 7)
        #expect(first.fingerprint != second.fingerprint)
        #expect(first.fingerprint == moved.fingerprint)
    }
}
