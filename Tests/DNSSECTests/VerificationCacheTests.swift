import DNSSEC
import Foundation
import Testing
import ZoneModel

/// `DNSSECOptions.verifiedSignatures`: a warm validation skips the
/// cryptography of cached signatures and nothing else, and only the very same
/// signature over the very same data with the very same key is ever skipped.
@Suite(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
struct SignatureCacheTests {
    static let time = DNSSECTime.parse(SignedZoneFixture.validationTimeText)!

    static func validate(_ zone: Zone, at time: DNSSECTime = time, cache: Set<SignatureDigest> = []) -> DNSSECReport {
        DNSSECValidator(options: DNSSECOptions(validationTime: time, jobs: 2, verifiedSignatures: cache, recordsVerifiedSignatures: true)).validate(zone)
    }

    /// Without a cache to fill or read, no digests are made, and the verdict is the same.
    @Test func digestsAreRecordedOnlyWhenAsked() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256", denial: .nsec)
        defer { fixture.remove() }
        let zone = try fixture.zone()
        let recorded = SignatureCacheTests.validate(zone)
        let plain = DNSSECValidator(options: DNSSECOptions(validationTime: SignatureCacheTests.time, jobs: 2)).validate(zone)
        #expect(!recorded.newlyVerified.isEmpty)
        #expect(plain.newlyVerified.isEmpty)
        #expect(plain.findings == recorded.findings)
        #expect(plain.summary == recorded.summary)
    }

    @Test(arguments: ["ECDSAP256SHA256", "RSASHA256", "ED25519"])
    func warmValidationEqualsColdWithoutCryptography(algorithm: String) throws {
        let fixture = try SignedZoneFixture.make(algorithm: algorithm, denial: .nsec3(iterations: 0, salt: "", optOut: false))
        defer { fixture.remove() }
        let zone = try fixture.zone()
        let cold = SignatureCacheTests.validate(zone)
        #expect(cold.summary.signaturesCached == 0)
        #expect(cold.summary.signaturesVerified > 0)
        #expect(cold.newlyVerified.count == cold.summary.signaturesVerified)
        #expect(Set(cold.newlyVerified).count == cold.newlyVerified.count)
        #expect(cold.reusedVerified.isEmpty)

        let warm = SignatureCacheTests.validate(zone, cache: Set(cold.newlyVerified))
        #expect(warm.findings == cold.findings)
        #expect(warm.isValid == cold.isValid)
        #expect(warm.summary.signaturesCached == cold.summary.signaturesVerified)
        #expect(warm.summary.signaturesVerified == cold.summary.signaturesVerified)
        #expect(warm.newlyVerified.isEmpty)
        #expect(Set(warm.reusedVerified) == Set(cold.newlyVerified))
        var comparable = warm.summary
        comparable.signaturesCached = 0
        #expect(comparable == cold.summary)
    }

    @Test func aTamperedRRsetWithAStaleCacheIsStillBogus() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        let cache = Set(SignatureCacheTests.validate(try fixture.zone()).newlyVerified)
        var text = ZoneText(fixture.signedText)
        let index = try #require(text.index(owner: "www.example.", type: "A"))
        text.replaceField(4, at: index, with: "192.0.2.81")
        let zone = try fixture.zone(at: try fixture.write(text.text, as: "tampered.zone"))
        let warm = SignatureCacheTests.validate(zone, cache: cache)
        let invalid = warm.findings(.rrsigInvalid)
        #expect(invalid.map(\.owner) == [try DomainName("www.example.")])
        #expect(!warm.isValid)
        #expect(warm.summary.signaturesBogus == 1)
        // Everything else came from the cache.
        #expect(warm.summary.signaturesCached == warm.summary.signaturesVerified)
        #expect(warm.summary.signaturesCached == cache.count - 1)
    }

    @Test func aTamperedSignatureWithAStaleCacheIsStillBogus() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        let cache = Set(SignatureCacheTests.validate(try fixture.zone()).newlyVerified)
        var text = ZoneText(fixture.signedText)
        text.flipSignatureCharacter(at: try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "AAAA")))
        let zone = try fixture.zone(at: try fixture.write(text.text, as: "tampered.zone"))
        let warm = SignatureCacheTests.validate(zone, cache: cache)
        #expect(warm.findings(.rrsigInvalid).map(\.owner) == [try DomainName("www.example.")])
        #expect(!warm.isValid)
        #expect(!warm.newlyVerified.contains { cache.contains($0) })
    }

    @Test func expiredSignaturesInTheCacheAreStillExpired() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        let zone = try fixture.zone()
        let cold = SignatureCacheTests.validate(zone)
        #expect(cold.isValid)
        let later = DNSSECTime.parse("20360101000000")!
        let warm = SignatureCacheTests.validate(zone, at: later, cache: Set(cold.newlyVerified))
        #expect(warm.summary.signaturesCached == cold.summary.signaturesVerified)
        #expect(warm.findings(.rrsigExpired).count == warm.summary.signatures)
        #expect(!warm.isValid)
        #expect(warm.findings == SignatureCacheTests.validate(zone, at: later).findings)
        // Expiring soon is judged on cached signatures too.
        let soon = SignatureCacheTests.validate(zone, at: DNSSECTime.parse("20341228000000")!, cache: Set(cold.newlyVerified))
        #expect(soon.findings(.rrsigExpiring).count == 1)
    }

    @Test func reSignedZoneMissesTheCache() throws {
        // Same data, new keys and signatures: nothing in the old cache applies.
        let first = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { first.remove() }
        let second = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { second.remove() }
        let cache = Set(SignatureCacheTests.validate(try first.zone()).newlyVerified)
        let report = SignatureCacheTests.validate(try second.zone(), cache: cache)
        #expect(report.summary.signaturesCached == 0)
        #expect(report.isValid)
        #expect(Set(report.newlyVerified).isDisjoint(with: cache))
    }
}
