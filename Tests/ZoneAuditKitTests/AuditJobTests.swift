import Foundation
import Reporters
import Testing
import ZoneModel
@testable import ZoneAuditKit

/// The audit's fail-closed logic, in process.
@Suite struct AuditJobTests {
    static let insideWindow = DNSSECSettings(at: KitFixture.sealTime.addingTimeInterval(86_400))

    func job(_ fixture: KitFixture, source: String = "dumps/example.com.axfr", trusted: String? = nil,
             unsealed: Bool = false, policy: String? = "policy.yml", failOn: Severity = .high) -> AuditJob {
        AuditJob(source: fixture.path(source), baselinePath: fixture.path("baseline.zone"),
                 trustedKeysPath: unsealed ? nil : (trusted ?? fixture.trustedKeys),
                 unsealed: unsealed, policyPath: policy.map(fixture.path), dnssec: AuditJobTests.insideWindow,
                 failOn: failOn)
    }

    static let untrustedBanner = "COMPARISON AGAINST AN UNTRUSTED BASELINE: "

    @Test func sealedAuditOfTheTamperedDump() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let result = try job(fixture).run()
        #expect(result.status == .findings)
        #expect(result.report.banners.isEmpty)
        let authorized = result.report.findings.filter { $0.authorized == true }
        #expect(Set(authorized.compactMap { $0.owner?.presentation }) == ["api.example.com.", "host-4.pool.example.com."])
        #expect(authorized.allSatisfy { $0.severity == .info && $0.policy != nil })
        let rules = Set(result.report.findings.filter { $0.authorized == false }.map(\.rule.rawValue))
        #expect(rules.isSuperset(of: ["delegation.ds-changed", "delegation.added", "record.certificate-control", "record.mail-redirect"]))
        #expect(!rules.contains { $0.hasPrefix("baseline.") })
    }

    @Test func unchangedZoneIsClean() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let result = try job(fixture, source: "zones/example.com.zone").run()
        #expect(result.status == .clean)
        #expect(result.report.findings.isEmpty)
    }

    @Test func missingSealIsCriticalAboutTheZoneEvenWhenNothingChanged() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try FileManager.default.removeItem(atPath: fixture.path("baseline.zone.seal"))
        let result = try job(fixture, source: "zones/example.com.zone").run()
        #expect(result.status == .findings)
        let seal = try #require(result.report.findings.first)
        #expect(seal.rule == "baseline.seal-missing" && seal.severity == .critical)
        #expect(seal.zone?.presentation == "example.com.")
        #expect(result.report.banners.first?.hasPrefix(AuditJobTests.untrustedBanner) == true)
        // Even a threshold above critical cannot exist: critical always fails.
        #expect(try job(fixture, source: "zones/example.com.zone", failOn: .critical).run().status == .findings)
    }

    @Test func tamperedBaselineIsSealInvalidAndTheComparisonStillRuns() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try fixture.edit("baseline.zone", replacing: "192.0.2.25", with: "203.0.113.66")
        let result = try job(fixture).run()
        #expect(result.status == .findings)
        #expect(result.report.findings.contains { $0.rule == "baseline.seal-invalid" && $0.severity == .critical })
        #expect(result.report.banners.first?.hasPrefix(AuditJobTests.untrustedBanner + "seal invalid") == true)
        // The baseline now agrees with the attacker's mail host; the other changes still show.
        #expect(!result.report.findings.contains { $0.rule == "record.mail-redirect" })
        #expect(result.report.findings.contains { $0.rule == "delegation.ds-changed" })
    }

    @Test func untrustedSignerIsBaselineUntrusted() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let result = try job(fixture, source: "zones/example.com.zone",
                             trusted: fixture.path("keys/Kexample.net.+013+25868.key")).run()
        #expect(result.status == .findings)
        #expect(result.report.findings.map(\.rule) == ["baseline.untrusted"])
    }

    @Test func expiredSealIsInvalid() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        var audit = job(fixture, source: "zones/example.com.zone")
        audit.dnssec.at = KitFixture.sealTime.addingTimeInterval(60 * 86_400)
        let result = try audit.run()
        #expect(result.status == .findings)
        #expect(result.report.findings.map(\.rule) == ["baseline.seal-invalid"])
        #expect(result.report.banners.first?.hasPrefix(AuditJobTests.untrustedBanner + "seal expired") == true)
    }

    @Test func unsealedSaysSo() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try FileManager.default.removeItem(atPath: fixture.path("baseline.zone.seal"))
        let result = try job(fixture, source: "zones/example.com.zone", unsealed: true).run()
        #expect(result.status == .clean)
        #expect(result.report.banners.first?.hasPrefix("AUDITED AGAINST AN UNSEALED BASELINE") == true)
        #expect(result.report.zones.first?.seal == "unsealed (not verified)")
    }

    @Test func noTrustedKeysAndNotUnsealedIsAJobError() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let audit = AuditJob(source: fixture.path("zones/example.com.zone"), baselinePath: fixture.path("baseline.zone"),
                             trustedKeysPath: nil)
        #expect(throws: JobError.self) { try audit.run() }
    }

    @Test func badPolicyIsAJobErrorWithItsPlace() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try fixture.edit("policy.yml", replacing: "version: 1", with: "version: 1\ncolour: red")
        do {
            _ = try job(fixture).run()
            Issue.record("a policy with an unknown field was accepted")
        } catch {
            #expect(error.message.contains("policy.yml:5:1: error: unknown field 'colour'"), "\(error.message)")
        }
    }

    @Test func truncatedDumpIsAJobError() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        var lines = try fixture.read("dumps/example.com.axfr").components(separatedBy: "\n")
        lines.remove(at: try #require(lines.lastIndex { $0.contains("\tSOA\t") }))
        try fixture.write(lines.joined(separator: "\n"), to: "dumps/cut.axfr")
        do {
            _ = try job(fixture, source: "dumps/cut.axfr").run()
            Issue.record("a truncated dump was audited")
        } catch {
            #expect(error.message.contains("[transfer.truncated]"), "\(error.message)")
        }
    }

    @Test func unparsableZoneIsAJobError() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try fixture.write(try fixture.read("zones/example.com.zone") + "bad IN AAAA 2001:db8::zz\n", to: "zones/example.com.zone")
        #expect(throws: JobError.self) { try job(fixture, source: "zones/example.com.zone").run() }
    }

    @Test func anotherZoneIsAJobError() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        #expect(throws: JobError.self) { try job(fixture, source: "zones/example.net.zone").run() }
    }

    @Test func authorizedFindingsNeverFail() {
        let authorized = Finding(rule: "record.changed", severity: .info, message: "ok", authorized: true, policy: "p")
        let allowedCritical = Finding(rule: "record.changed", severity: .critical, message: "ok", authorized: true)
        let unauthorized = Finding(rule: "record.changed", severity: .medium, message: "bad", authorized: false)
        let notAChange = Finding(rule: "dnssec.rrsig-invalid", severity: .high, message: "bad")
        #expect(ExitStatus.judging([authorized, allowedCritical], failOn: .info) == .clean)
        #expect(ExitStatus.judging([unauthorized], failOn: .high) == .clean)
        #expect(ExitStatus.judging([unauthorized], failOn: .medium) == .findings)
        #expect(ExitStatus.judging([notAChange], failOn: .high) == .findings)
        #expect(ExitStatus.judging([notAChange], failOn: .critical) == .clean)
        #expect(ExitStatus.judging([], failOn: .info) == .clean)
    }
}
