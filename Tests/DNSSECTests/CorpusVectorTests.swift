@testable import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// The RFC example zones and vectors in ../shared/corpus, at their fixed
/// validation times, validate as their SOURCE.md files say.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.absent))
struct CorpusVectorTests {
    static func validate(_ zone: Zone, at time: String, anchors: [Record] = [], jobs: Int = 2) -> DNSSECReport {
        DNSSECValidator(options: DNSSECOptions(validationTime: DNSSECTime.parse(time)!, trustAnchors: anchors, jobs: jobs))
            .validate(zone)
    }

    static let example = try! DomainName("example.")
    static let rfc4035 = "isc-bind10/tests/lettuce/configurations/nsec/rfc4035-example.zone.signed"
    static let rfc5155 = "isc-bind10/src/lib/testutils/testdata/rfc5155-example.zone.signed"

    @Test func rfc4035ExampleZoneValidatesInsideItsWindowOnly() throws {
        let zone = try TestZoneReader.zone(fromFile: Corpus.path(CorpusVectorTests.rfc4035), origin: CorpusVectorTests.example)
        let report = CorpusVectorTests.validate(zone, at: "20040420000000")
        #expect(report.isValid, "\(report.findings.map(\.message))")
        #expect(report.summary.algorithms == [5])
        #expect(report.summary.signaturesBogus == 0)
        // 27 signatures verify (the 4 glue and 2 delegation NS RRsets are unsigned by design).
        #expect(report.summary.signaturesVerified == 27)
        if case .nsec = report.summary.denial {} else { Issue.record("denial \(report.summary.denial)") }

        let early = CorpusVectorTests.validate(zone, at: "20040409183618")
        #expect(!early.isValid)
        #expect(!early.findings(.rrsigNotYetValid).isEmpty)
        #expect(early.findings(.rrsigExpired).isEmpty)
        let late = CorpusVectorTests.validate(zone, at: "20040509183620")
        #expect(!late.isValid)
        #expect(!late.findings(.rrsigExpired).isEmpty)
        #expect(late.findings(.rrsigNotYetValid).isEmpty)
    }

    @Test func rfc5155ExampleZoneValidatesWithOptOut() throws {
        let zone = try TestZoneReader.zone(fromFile: Corpus.path(CorpusVectorTests.rfc5155), origin: CorpusVectorTests.example)
        let report = CorpusVectorTests.validate(zone, at: "20100101000000")
        #expect(report.isValid, "\(report.findings.map(\.message))")
        #expect(report.summary.signaturesVerified == 30)
        guard case let .nsec3(_, hash, iterations, salt, optOut, optedOut) = report.summary.denial else {
            Issue.record("denial \(report.summary.denial)")
            return
        }
        #expect(hash == 1 && iterations == 12 && salt == [0xAA, 0xBB, 0xCC, 0xDD])
        #expect(optOut)
        // c.example. is the unsigned delegation the opt-out span covers.
        #expect(optedOut == 1)
        #expect(report.findings(.nsec3OptOut).count == 1)
        // 12 iterations and a salt: valid, but RFC 9276 advises against it.
        #expect(report.findings(.nsec3ParametersDiscouraged).count == 1)
    }

    @Test func rfc5155HashVectorsThroughLDNS() throws {
        let salt: [UInt8] = [0xAA, 0xBB, 0xCC, 0xDD]
        let vectors = [
            ("example.", "0p9mhaveqvm6t7vbl5lop2u3t2rp3tom"),
            ("a.example.", "35mthgpgcu1qg68fab165klnsnk3dpvl"),
            ("ns1.example.", "2t7b4g4vsa5smi47k61mv5bv1a22bojr"),
        ]
        for (name, expected) in vectors {
            let hash = try LDNSNSEC3Hash.hash(of: try DomainName(name), algorithm: 1, iterations: 12, salt: salt)
            #expect(LDNSNSEC3Hash.encodeBase32Hex(hash) == expected)
            #expect(LDNSNSEC3Hash.decodeBase32Hex(Array(expected.uppercased().utf8)) == hash)
        }
    }

    /// Splits an RFC vector file into its blocks (each starts with a DNSKEY).
    static func blocks(_ relative: String) throws -> [[Record]] {
        var blocks: [[Record]] = []
        for record in try TestZoneReader.records(fromFile: Corpus.path(relative)) {
            if record.type == .dnskey { blocks.append([]) }
            blocks[blocks.count - 1].append(record)
        }
        return blocks
    }

    /// DS(DNSKEY) equals the DS shown, and the RRSIG verifies over its RRset
    /// (and stops verifying when one signature byte changes).
    static func checkVectorBlock(_ block: [Record], at time: String) throws {
        let dnskey = try #require(block.first { $0.type == .dnskey })
        let shown = try #require(block.first { $0.type == .ds })
        let computed = try LDNSDigest.dsRecord(for: dnskey, digestType: try #require(shown.ds?.digestType))
        #expect(computed.rdata == shown.rdata)
        #expect(LDNSVerificationKey.keyTag(dnskeyRData: dnskey.rdata) == shown.ds?.keyTag)

        let signature = try #require(block.first { $0.type == .rrsig })
        let rrsig = try #require(signature.rrsig)
        let covered = block.filter { $0.type == rrsig.typeCovered && $0.owner == signature.owner }
        let rrset = RRset(owner: signature.owner, type: rrsig.typeCovered, records: covered)
        var builder = SignedDataBuilder()
        let built = builder.build(rrsigRData: signature.rdata, over: rrset)
        #expect(built)
        let data = builder.bytes
        let key = try LDNSVerificationKey(algorithm: rrsig.algorithm, publicKey: try #require(dnskey.dnskey?.publicKey))
        #expect(key.verify(signature: rrsig.signature, signedData: data) == .valid)
        var flipped = rrsig.signature
        flipped[flipped.count / 2] ^= 0x01
        #expect(key.verify(signature: flipped, signedData: data) != .valid)

        let now = try #require(DNSSECTime.parse(time))
        #expect(now.resolve(rrsig.inception) <= now && now <= now.resolve(rrsig.expiration))
    }

    @Test func rfc6605ECDSAVectors() throws {
        let blocks = try CorpusVectorTests.blocks("rfc-vectors/rfc6605-ecdsa-examples.txt")
        #expect(blocks.count == 2)
        for block in blocks { try CorpusVectorTests.checkVectorBlock(block, at: "20100820000000") }
    }

    @Test func rfc8080Ed25519Vectors() throws {
        let blocks = try CorpusVectorTests.blocks("rfc-vectors/rfc8080-ed25519-examples.txt")
        #expect(blocks.count == 2)
        for block in blocks { try CorpusVectorTests.checkVectorBlock(block, at: "20150801000000") }
    }

    /// Knot's validation zones: version 1 of each is valid, version 2 carries
    /// the defect the TSV names. Two rows are Knot policy (see SOURCE.md):
    /// zoneaudit rejects a redundant corrupted RRSIG (every bogus signature is
    /// reported, as Knot does) and accepts an empty non-terminal left out
    /// under opt-out (RFC 5155 section 7.1 allows it; Knot does not).
    @Test func knotValidationZones() throws {
        let table = try String(contentsOfFile: Corpus.path("knot/EXPECTED-dnssec-validate.tsv"), encoding: .utf8)
        var rows = 0
        for line in table.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 3 else { continue }
            rows += 1
            let zone = try TestZoneReader.zone(fromFile: Corpus.path("knot/" + columns[0]), origin: try DomainName(columns[1]))
            let report = CorpusVectorTests.validate(zone, at: "20250101000000")
            var expectedValid = columns[2] == "valid"
            if columns[0].hasSuffix("optout.ent.zone.2") { expectedValid = true }
            #expect(report.isValid == expectedValid, "\(columns[0]): \(report.findings.filter { $0.level == .error }.map(\.message))")
        }
        #expect(rows == 28)
    }

    /// The defects of Knot's version-2 zones come out under the right rules.
    @Test(arguments: [
        ("bitmap.nsec.zone.2", "bitmap.nsec.", "dnssec.nsec-bitmap-mismatch"),
        ("bitmap.nsec3.zone.2", "bitmap.nsec3.", "dnssec.nsec3-bitmap-mismatch"),
        ("chain.nsec.zone.2", "chain.nsec.", "dnssec.nsec-chain-broken"),
        ("chain.nsec3.zone.2", "chain.nsec3.", "dnssec.nsec3-chain-broken"),
        ("missing.nsec.zone.2", "missing.nsec.", "dnssec.nsec-chain-broken"),
        ("missing.nsec3.zone.2", "missing.nsec3.", "dnssec.nsec3-chain-broken"),
        ("rrsig.a.zone.2", "rrsig.a.", "dnssec.rrsig-invalid"),
        ("rrsig.nsec.zone.2", "rrsig.nsec.", "dnssec.rrsig-invalid"),
        ("rrsig.nsec3.zone.2", "rrsig.nsec3.", "dnssec.rrsig-invalid"),
        ("redundant.invalid.rrsig.zone.2", "redundant.invalid.rrsig.", "dnssec.rrsig-invalid"),
    ])
    func knotDefectsHaveTheirRule(file: String, origin: String, rule: String) throws {
        let path = Corpus.path("knot/tests-extra/tests/dnssec/validate/data/" + file)
        let report = CorpusVectorTests.validate(try TestZoneReader.zone(fromFile: path, origin: try DomainName(origin)), at: "20250101000000")
        #expect(report.findings.contains { $0.rule.rawValue == rule }, "\(report.findings.map(\.message))")
    }

    /// The real root zone of 2011-03-02 (3980 records, RSASHA256, NSEC) with
    /// the root KSK-2010 DS as trust anchor: a complete chain.
    @Test func rootZone2011ValidatesFromTheKSK2010DS() throws {
        let zone = try TestZoneReader.zone(fromFile: Corpus.path("nlnetlabs-nsd/tpkg/cutest_qroot.tdir/root.zone"), origin: .root)
        let anchor = try TestZoneReader.records(
            fromText: ". IN DS 19036 8 2 49AAC11D7B6F6446702E54A1607371607A1A41855200FD2CE1CDDE32F24E8FB5")
        let report = CorpusVectorTests.validate(zone, at: "20110302150000", anchors: anchor)
        #expect(report.isValid, "\(report.findings.prefix(5).map(\.message))")
        #expect(report.summary.trust == .anchored(keyTags: [19036]))
        #expect(report.summary.signaturesBogus == 0)
        #expect(report.summary.signaturesVerified > 300)
        // Results never depend on the number of threads.
        let single = CorpusVectorTests.validate(zone, at: "20110302150000", anchors: anchor, jobs: 1)
        #expect(single.findings == report.findings)
        #expect(single.summary == report.summary)
    }

    /// RFC 8976 A.4: the uri.arpa. zone's ZONEMD verifies but is not signed;
    /// a full audit says so rather than calling the zone verified.
    @Test func uriArpaZONEMDVerifiesButIsUnsigned() throws {
        let path = Corpus.path("nlnetlabs-ldns/test/25-ZONEMD.tpkg/A.4.The-URI.ARPA-Zone")
        let zone = try TestZoneReader.zone(fromFile: path, origin: try DomainName("uri.arpa."))
        let report = CorpusVectorTests.validate(zone, at: "20181021203928")
        #expect(report.summary.zonemd == .verified([.init(scheme: 1, hashAlgorithm: 1)]))
        let unsigned = report.findings(.rrsigMissing)
        #expect(unsigned.count == 1 && unsigned.first?.type == .zonemd)
        // The ZONEMD was added after signing: the apex NSEC does not list it either.
        let bitmap = report.findings(.nsecBitmapMismatch)
        #expect(bitmap.count == 1 && bitmap.first?.message.contains("omits ZONEMD") == true)
        #expect(report.findings.filter { $0.level == .error }.count == 2, "\(report.findings.map(\.message))")
    }

    @Test(arguments: [
        ("A.1.Simple-EXAMPLE-Zone", true),
        ("A.2.Complex-EXAMPLE-Zone", true),
        ("A.3.EXAMPLE-Zone-with-multiple-digests", true),
        ("A.5.The-ROOT-SERVERS.NET-Zone", true),
        ("repeated-ZONEMD-scheme-and-algorithm", false),
    ])
    func rfc8976Vectors(file: String, verifies: Bool) throws {
        let path = Corpus.path("nlnetlabs-ldns/test/25-ZONEMD.tpkg/" + file)
        let origin = try DomainName(file.hasPrefix("A.5") ? "root-servers.net." : "example.")
        let zone = try TestZoneReader.zone(fromFile: path, origin: origin)
        let report = DNSSECValidator(options: DNSSECOptions(validationTime: DNSSECTime(secondsSince1970: 0), zonemdOnly: true))
            .validate(zone)
        #expect(report.isValid == verifies, "\(report.findings.map(\.message))")
        if !verifies { #expect(!report.findings(.zonemdDuplicate).isEmpty) }
    }

    /// simdzone's boundary zone carries placeholder signatures: parsing works,
    /// validation must fail, and must finish. (Its anonymised NSEC3 owners all
    /// read alike, so the zone builder folds identical records together.)
    @Test func placeholderSignaturesFail() throws {
        let zone = try TestZoneReader.zone(fromFile: Corpus.path("nlnetlabs-simdzone/tests/zones/xbounds.zone"))
        let report = CorpusVectorTests.validate(zone, at: "20240625000000")
        #expect(!report.isValid)
        #expect(report.summary.signaturesVerified == 0)
        #expect(report.summary.signatures > 50)
        #expect(report.summary.signaturesBogus + report.summary.signaturesUnchecked == report.summary.signatures)
    }
}
