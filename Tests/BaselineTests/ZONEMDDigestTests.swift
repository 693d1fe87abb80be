import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// RFC 8976 ZONEMD: the test vectors, the verification rules of section 4,
/// and agreement with ldns on zones written here.
@Suite struct ZONEMDDigestTests {
    static let origin = try! DomainName("example.")

    /// A well-formed zone with what the SIMPLE scheme must get right: mixed
    /// case owners and targets, a wildcard, a delegation with glue and
    /// occluded data, a non-apex ZONEMD, an RRSIG over the apex ZONEMD, an
    /// unknown type, a duplicate, records out of order.
    static let sampleText = """
        example. 3600 IN SOA ns1.example. Hostmaster.Example. 2024010101 7200 3600 1209600 300
        Www.example. 300 IN CNAME example.
        example. 3600 IN NS ns1.example.
        example. 3600 IN NS NS2.example.
        example. 3600 IN MX 10 Mail.Example.
        example. 3600 IN TXT "v=spf1 -all"
        example. 3600 IN TXT "v=spf1 -all"
        ns1.example. 3600 IN A 192.0.2.1
        NS2.Example. 3600 IN AAAA 2001:db8::2
        *.wild.example. 300 IN A 192.0.2.9
        sub.example. 3600 IN NS ns.sub.example.
        ns.sub.example. 3600 IN A 192.0.2.53
        deep.occluded.sub.example. 3600 IN TXT "occluded but digested"
        _sip._tcp.example. 600 IN SRV 0 5 5060 SIP.example.
        unknown.example. 600 IN TYPE65280 \\# 3 010203
        non-apex.example. 900 IN ZONEMD 2024010101 1 1 616c6c6f77656420627574206967\
        6e6f7265642e20616c6c6f77656420627574206967616c6c6f7765642062757420
        example. 3600 IN RRSIG ZONEMD 13 1 3600 20400101000000 20240101000000 12345 example. \
        dGhpcyBpcyBub3QgYSBzaWduYXR1cmUgYnV0IGl0IGlzIGJhc2U2NCBlbmNvZGVkIGRhdGEgb2Yg
        """

    static func sampleRecords() throws -> [Record] {
        try ZoneFixtures.records(sampleText.replacingOccurrences(of: "\\\n", with: ""))
    }

    static func sampleZone(_ records: [Record]? = nil) throws -> Zone {
        ZoneFixtures.zone(try records ?? sampleRecords(), origin: origin)
    }

    static func withZONEMD(_ records: [Record], hash: ZONEMDHashAlgorithm = .sha384) throws -> [Record] {
        let zone = ZoneFixtures.zone(records, origin: origin)
        return records + [try #require(ZONEMDDigest.record(for: zone, hash: hash))]
    }

    // MARK: RFC 8976 Appendix A vectors

    @Test(.enabled(if: ZoneFixtures.corpusAvailable, "../shared/corpus is absent"))
    func rfc8976ComplexExampleVerifies() throws {
        let zone = try ZoneFixtures.zone(
            ofFile: ZoneFixtures.corpusFile("rfc-vectors/rfc8976-A.2-complex-example.zone"), origin: "example.")
        let verification = ZONEMDVerifier.verify(zone)
        #expect(verification.status == .verified)
        #expect(verification.checks.map(\.outcome) == [.verified])
        let digest = ZONEMDDigest.simple(zone, hash: .sha384)
        #expect(hex(digest).hasPrefix("a3b69bad980a3504"))
        #expect(hex(digest).hasSuffix("b71e34b72077f8fe"))
    }

    @Test(.enabled(if: ZoneFixtures.corpusAvailable, "../shared/corpus is absent"),
          arguments: [
              ("A.1.Simple-EXAMPLE-Zone", "example."),
              ("A.2.Complex-EXAMPLE-Zone", "example."),
              ("A.3.EXAMPLE-Zone-with-multiple-digests", "example."),
              ("A.4.The-URI.ARPA-Zone", "uri.arpa."),
              ("A.5.The-ROOT-SERVERS.NET-Zone", "root-servers.net."),
          ])
    func ldnsCopiesOfTheRFCVectorsVerify(file: String, origin: String) throws {
        let zone = try ZoneFixtures.zone(
            ofFile: ZoneFixtures.corpusFile("nlnetlabs-ldns/test/25-ZONEMD.tpkg/\(file)"), origin: origin)
        let verification = ZONEMDVerifier.verify(zone)
        #expect(verification.status == .verified, "\(file): \(verification.checks.map(\.outcome))")
    }

    @Test(.enabled(if: ZoneFixtures.corpusAvailable, "../shared/corpus is absent"))
    func multipleDigestsVerifyAndUnsupportedOnesAreIgnored() throws {
        let zone = try ZoneFixtures.zone(
            ofFile: ZoneFixtures.corpusFile("nlnetlabs-ldns/test/25-ZONEMD.tpkg/A.3.EXAMPLE-Zone-with-multiple-digests"),
            origin: "example.")
        let outcomes = ZONEMDVerifier.verify(zone).checks.map { ($0.record.zonemd!.scheme, $0.record.zonemd!.hashAlgorithm, $0.outcome) }
        #expect(outcomes.contains { $0.0 == 1 && $0.1 == 1 && $0.2 == .verified })
        #expect(outcomes.contains { $0.0 == 1 && $0.1 == 2 && $0.2 == .verified })
        #expect(outcomes.contains { $0.0 == 1 && $0.1 == 240 && $0.2 == .unsupportedHashAlgorithm })
        #expect(outcomes.contains { $0.0 == 241 && $0.2 == .unsupportedScheme })
    }

    @Test(.enabled(if: ZoneFixtures.corpusAvailable, "../shared/corpus is absent"))
    func repeatedSchemeAndAlgorithmFails() throws {
        let zone = try ZoneFixtures.zone(
            ofFile: ZoneFixtures.corpusFile("nlnetlabs-ldns/test/25-ZONEMD.tpkg/repeated-ZONEMD-scheme-and-algorithm"),
            origin: "example.")
        let verification = ZONEMDVerifier.verify(zone)
        #expect(verification.status == .failed)
        #expect(verification.checks.count == 2)
        #expect(verification.checks.allSatisfy { $0.outcome == .duplicateSchemeAndHash })
    }

    // MARK: Section 4 rules

    @Test func aZoneWithoutZONEMDHasNone() throws {
        #expect(ZONEMDVerifier.verify(try Self.sampleZone()).status == .noZONEMD)
    }

    @Test func serialMustMatchTheSOA() throws {
        let records = try Self.sampleRecords()
        var zonemd = try #require(ZONEMDDigest.record(for: try Self.sampleZone(records)))
        zonemd.rdata[3] ^= 1
        let verification = ZONEMDVerifier.verify(try Self.sampleZone(records + [zonemd]))
        #expect(verification.status == .failed)
        #expect(verification.checks.map(\.outcome) == [.serialMismatch(soaSerial: 2024010101)])
    }

    @Test func digestLengthMustBeTheAlgorithms() throws {
        let records = try Self.sampleRecords()
        var zonemd = try #require(ZONEMDDigest.record(for: try Self.sampleZone(records)))
        zonemd.rdata.removeLast()
        #expect(ZONEMDVerifier.verify(try Self.sampleZone(records + [zonemd])).checks.map(\.outcome)
            == [.badDigestLength(expected: 48)])
        zonemd.rdata.removeLast(40)
        #expect(ZONEMDVerifier.verify(try Self.sampleZone(records + [zonemd])).checks.map(\.outcome)
            == [.badDigestLength(expected: 48)])
    }

    @Test func onlyUnsupportedDigestsMeansNotVerified() throws {
        let records = try Self.sampleRecords()
        var zonemd = try #require(ZONEMDDigest.record(for: try Self.sampleZone(records)))
        zonemd.rdata[4] = 2
        let verification = ZONEMDVerifier.verify(try Self.sampleZone(records + [zonemd]))
        #expect(verification.status == .failed)
        #expect(verification.checks.map(\.outcome) == [.unsupportedScheme])
    }

    @Test func aChangedRecordIsADigestMismatch() throws {
        var records = try Self.sampleRecords()
        let zonemd = try #require(ZONEMDDigest.record(for: try Self.sampleZone(records)))
        let index = try #require(records.firstIndex { $0.type == .a })
        records[index].rdata[3] ^= 1
        let verification = ZONEMDVerifier.verify(try Self.sampleZone(records + [zonemd]))
        #expect(verification.status == .failed)
        guard case .digestMismatch = verification.checks.first?.outcome else {
            Issue.record("expected a digest mismatch, got \(verification.checks)")
            return
        }
    }

    @Test func bothHashAlgorithmsRoundTrip() throws {
        let records = try Self.sampleRecords()
        for hash in ZONEMDHashAlgorithm.allCases {
            let zone = try Self.sampleZone(try Self.withZONEMD(records, hash: hash))
            #expect(ZONEMDVerifier.verify(zone).status == .verified, "\(hash)")
            #expect(ZONEMDDigest.simple(zone, hash: hash).count == hash.digestLength)
        }
    }

    // MARK: What is and is not digested

    @Test func apexZONEMDAndItsSignaturesAreExcludedButNonApexOnesAreNot() throws {
        let records = try Self.sampleRecords()
        let digest = ZONEMDDigest.simple(try Self.sampleZone(records), hash: .sha384)
        let withoutApexSignature = records.filter { !($0.type == .rrsig && $0.owner == Self.origin) }
        #expect(ZONEMDDigest.simple(try Self.sampleZone(withoutApexSignature), hash: .sha384) == digest)
        #expect(ZONEMDDigest.simple(try Self.sampleZone(try Self.withZONEMD(records)), hash: .sha384) == digest)

        let withoutNonApex = records.filter { !($0.type == .zonemd) }
        #expect(ZONEMDDigest.simple(try Self.sampleZone(withoutNonApex), hash: .sha384) != digest)
        var signatureBelowApex = try #require(records.first { $0.type == .rrsig })
        signatureBelowApex.owner = try DomainName("non-apex.example.")
        #expect(ZONEMDDigest.simple(try Self.sampleZone(records + [signatureBelowApex]), hash: .sha384) != digest)
    }

    @Test func occludedDataAndGlueAreDigested() throws {
        let records = try Self.sampleRecords()
        let digest = ZONEMDDigest.simple(try Self.sampleZone(records), hash: .sha384)
        for owner in ["deep.occluded.sub.example.", "ns.sub.example."] {
            let name = try DomainName(owner)
            let fewer = records.filter { $0.owner != name }
            #expect(ZONEMDDigest.simple(try Self.sampleZone(fewer), hash: .sha384) != digest, "\(owner)")
        }
    }

    @Test func ownerCaseAndInputOrderDoNotMatterButTTLsDo() throws {
        let records = try Self.sampleRecords()
        let digest = ZONEMDDigest.simple(try Self.sampleZone(records), hash: .sha384)
        let upper = try records.map { record -> Record in
            var copy = record
            copy.owner = try DomainName(record.owner.presentation.uppercased())
            return copy
        }
        #expect(ZONEMDDigest.simple(try Self.sampleZone(upper), hash: .sha384) == digest)
        #expect(ZONEMDDigest.simple(try Self.sampleZone(records.reversed()), hash: .sha384) == digest)
        var ttlChanged = records
        ttlChanged[1].ttl += 1
        #expect(ZONEMDDigest.simple(try Self.sampleZone(ttlChanged), hash: .sha384) != digest)
    }

    @Test func aZoneMadeByHandInAnyRecordOrderDigestsTheSame() throws {
        let zone = try Self.sampleZone()
        let shuffled = zone.rrsets.map { rrset in
            RRset(owner: rrset.owner, type: rrset.type, rrClass: rrset.rrClass, records: rrset.records.reversed())
        }
        let handMade = Zone(origin: zone.origin, rrClass: zone.rrClass, sortedRRsets: shuffled)
        #expect(ZONEMDDigest.simple(handMade, hash: .sha512) == ZONEMDDigest.simple(zone, hash: .sha512))
    }

    // MARK: Agreement with ldns

    @Test func ldnsAgreesWithTheDigestWeInsert() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        for hash in ZONEMDHashAlgorithm.allCases {
            let path = directory + "/sample-\(hash.rawValue).zone"
            try ZoneFixtures.writeZoneFile(try Self.withZONEMD(try Self.sampleRecords(), hash: hash), to: path)
            #expect(throws: Never.self, "\(hash)") {
                try LDNSZoneDigestCheck.verifyTrustedZoneFile(path, origin: Self.origin)
            }
            let output = try ZoneFixtures.runStatus("/usr/bin/ldns-verify-zone", ["-Z", path])
            #expect(output.status == 0, "ldns-verify-zone -Z: \(output.stdout) \(output.stderr)")
        }
    }

    @Test func ldnsRejectsADigestWeAltered() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        var records = try Self.withZONEMD(try Self.sampleRecords())
        records[records.count - 1].rdata[10] ^= 0x40
        let path = directory + "/altered.zone"
        try ZoneFixtures.writeZoneFile(records, to: path)
        #expect(throws: LDNSError.self) {
            try LDNSZoneDigestCheck.verifyTrustedZoneFile(path, origin: Self.origin)
        }
        #expect(ZONEMDVerifier.verify(try Self.sampleZone(records)).status == .failed)
    }

    @Test func theLDNSOracleRefusesNSEC3Zones() throws {
        let directory = try ZoneFixtures.temporaryDirectory()
        defer { ZoneFixtures.remove(directory) }
        let path = directory + "/nsec3.zone"
        try """
            example. 3600 IN SOA ns1.example. admin.example. 1 2 3 4 5
            example. 3600 IN ZONEMD 1 1 1 000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
            0p9mhaveqvm6t7vbl5lop2u3t2rp3tom.example. 3600 IN NSEC3 1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr MX DNSKEY NS SOA NSEC3PARAM RRSIG
            """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LDNSError.self) {
            try LDNSZoneDigestCheck.verifyTrustedZoneFile(path, origin: Self.origin)
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
