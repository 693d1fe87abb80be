import DNSSEC
import Foundation
import Testing
import ZoneModel
import ZoneParser

/// zoneaudit's own parser (what the CLI uses) and the tests' ldns-based reader
/// give zones that validate identically.
struct ParserAgreementTests {
    static func bothReports(_ path: String, origin: DomainName, at time: String) throws -> (DNSSECReport, DNSSECReport) {
        let options = DNSSECOptions(validationTime: DNSSECTime.parse(time)!, jobs: 2)
        let loaded = ZoneLoader.loadZone(path: path, options: ParseOptions(origin: origin))
        let parsed = try #require(loaded.zone, "\(loaded.findings.map(\.message))")
        let viaLDNS = try TestZoneReader.zone(fromFile: path, origin: origin)
        return (DNSSECValidator(options: options).validate(parsed), DNSSECValidator(options: options).validate(viaLDNS))
    }

    @Test(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
    func ldnsSignedZone() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP384SHA384", denial: .nsec3(iterations: 1, salt: "AB", optOut: true), zonemd: true)
        defer { fixture.remove() }
        let (parsed, viaLDNS) = try ParserAgreementTests.bothReports(fixture.signedPath, origin: SignedZoneFixture.origin,
                                                                     at: SignedZoneFixture.validationTimeText)
        #expect(parsed.isValid, "\(parsed.findings.map(\.message))")
        #expect(parsed.findings == viaLDNS.findings)
        #expect(parsed.summary == viaLDNS.summary)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.absent), arguments: [
        (CorpusVectorTests.rfc4035, "20040420000000"),
        (CorpusVectorTests.rfc5155, "20100101000000"),
    ])
    func rfcExampleZones(file: String, time: String) throws {
        let (parsed, viaLDNS) = try ParserAgreementTests.bothReports(Corpus.path(file), origin: CorpusVectorTests.example, at: time)
        #expect(parsed.isValid, "\(parsed.findings.map(\.message))")
        #expect(parsed.findings.map(\.message) == viaLDNS.findings.map(\.message))
        #expect(parsed.summary == viaLDNS.summary)
    }
}
