import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// Zones signed by ldns-signzone during the test run validate, for every
/// algorithm ldns signs with and for NSEC, NSEC3 and NSEC3 with opt-out.
@Suite(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
struct SignedZoneTests {
    static let algorithms = ["RSASHA256", "RSASHA512", "ECDSAP256SHA256", "ECDSAP384SHA384", "ED25519", "ED448"]
    static let time = DNSSECTime.parse(SignedZoneFixture.validationTimeText)!

    static func validate(_ zone: Zone, anchors: [Record] = [], at time: DNSSECTime = time, jobs: Int = 2) -> DNSSECReport {
        DNSSECValidator(options: DNSSECOptions(validationTime: time, trustAnchors: anchors, jobs: jobs)).validate(zone)
    }

    @Test(arguments: algorithms)
    func nsecSignedZoneValidates(algorithm: String) throws {
        let fixture = try SignedZoneFixture.make(algorithm: algorithm)
        defer { fixture.remove() }
        let report = SignedZoneTests.validate(try fixture.zone())
        #expect(report.isValid, "\(report.findings.map(\.message))")
        #expect(report.summary.signaturesBogus == 0)
        #expect(report.summary.signaturesVerified > 20)
        #expect(report.summary.signaturesVerified == report.summary.signatures)
        #expect(report.summary.trust == .takenAsGiven)
        #expect(report.findings(.anchorTakenAsGiven).count == 1)
        if case .nsec(let records) = report.summary.denial { #expect(records == 10) } else { Issue.record("denial \(report.summary.denial)") }
        if LDNSVerifyZone.isAvailable {
            #expect(try LDNSVerifyZone.verdict(fixture.signedPath, at: SignedZoneFixture.validationTimeText) == .valid)
        }
    }

    @Test(arguments: algorithms)
    func nsec3SignedZoneValidates(algorithm: String) throws {
        let fixture = try SignedZoneFixture.make(algorithm: algorithm, denial: .nsec3(iterations: 0, salt: "", optOut: false))
        defer { fixture.remove() }
        let report = SignedZoneTests.validate(try fixture.zone())
        #expect(report.isValid, "\(report.findings.map(\.message))")
        #expect(report.summary.signaturesVerified == report.summary.signatures)
        guard case let .nsec3(_, hash, iterations, salt, optOut, _) = report.summary.denial else {
            Issue.record("denial \(report.summary.denial)")
            return
        }
        #expect(hash == 1 && iterations == 0 && salt.isEmpty && !optOut)
        #expect(report.findings(.nsec3ParametersDiscouraged).isEmpty)
        if LDNSVerifyZone.isAvailable {
            #expect(try LDNSVerifyZone.verdict(fixture.signedPath, at: SignedZoneFixture.validationTimeText) == .valid)
        }
    }

    /// ldns-signzone -p sets the opt-out flag on every NSEC3 but still gives
    /// the unsigned delegation its own NSEC3: valid, opt-out reported, nothing skipped.
    @Test(arguments: ["ECDSAP256SHA256", "RSASHA256"])
    func nsec3OptOutSignedZoneValidates(algorithm: String) throws {
        let fixture = try SignedZoneFixture.make(algorithm: algorithm, denial: .nsec3(iterations: 5, salt: "CAFE", optOut: true))
        defer { fixture.remove() }
        let report = SignedZoneTests.validate(try fixture.zone())
        #expect(report.isValid, "\(report.findings.map(\.message))")
        guard case let .nsec3(_, _, iterations, salt, optOut, skipped) = report.summary.denial else {
            Issue.record("denial \(report.summary.denial)")
            return
        }
        #expect(iterations == 5 && salt == [0xCA, 0xFE] && optOut && skipped == 0)
        #expect(report.findings(.nsec3OptOut).count == 1)
        #expect(report.findings(.nsec3ParametersDiscouraged).count == 1)
        if LDNSVerifyZone.isAvailable {
            #expect(try LDNSVerifyZone.verdict(fixture.signedPath, at: SignedZoneFixture.validationTimeText) == .valid)
        }
    }
}
