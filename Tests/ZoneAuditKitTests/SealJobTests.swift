import Foundation
import Testing
import Reporters
import ZoneModel
@testable import ZoneAuditKit

/// Sealing and seal verification as jobs, on a fixed clock.
@Suite struct SealJobTests {
    static let insideWindow = KitFixture.sealTime.addingTimeInterval(86_400)

    func verify(_ fixture: KitFixture, baseline: String = "baseline.zone", keys: String? = nil, require: Int = 1,
                at: Date = SealJobTests.insideWindow) throws -> JobResult {
        try SealVerifyJob(baselinePath: fixture.path(baseline), trustedKeysPath: keys ?? fixture.trustedKeys,
                          require: require, at: at).run()
    }

    func rules(_ result: JobResult) -> [String] { result.report.findings.map(\.rule.rawValue) }

    @Test func sealThenVerifyHolds() throws {
        let fixture = try KitFixture()
        let summary = try fixture.sealBaseline()
        #expect(summary.hasPrefix("sealed example.com. serial 2026112901 into "))
        let result = try verify(fixture)
        #expect(result.status == .clean)
        #expect(result.report.findings.isEmpty)
        #expect(result.report.banners.isEmpty)
        #expect(result.report.zones.first?.seal?.hasPrefix("seal holds for example.com. serial 2026112901") == true)
    }

    @Test func sealRefusesToReplaceWithoutForce() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let baseline = try fixture.read("baseline.zone")
        #expect(throws: JobError.self) { try fixture.sealBaseline() }
        #expect(try fixture.read("baseline.zone") == baseline)
        let listing = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path)
        #expect(!listing.contains { $0.contains(".tmp-") }, "\(listing)")
    }

    @Test func oneChangedByteIsSealInvalid() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try fixture.edit("baseline.zone", replacing: "192.0.2.53", with: "192.0.2.54")
        let result = try verify(fixture)
        #expect(result.status == .findings)
        #expect(rules(result) == ["baseline.seal-invalid"])
        #expect(result.report.findings.first?.severity == .critical)
        #expect(result.report.banners.count == 1)
    }

    @Test func missingSealIsSealMissing() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        try FileManager.default.removeItem(atPath: fixture.path("baseline.zone.seal"))
        let result = try verify(fixture)
        #expect(result.status == .findings)
        #expect(rules(result) == ["baseline.seal-missing"])
    }

    @Test func untrustedSignerAndTooFewApprovers() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let stranger = try verify(fixture, keys: fixture.path("keys/Kexample.net.+013+61129.key"))
        #expect(stranger.status == .findings)
        #expect(rules(stranger) == ["baseline.untrusted"])
        let twoPerson = try verify(fixture, require: 2)
        #expect(twoPerson.status == .findings)
        #expect(rules(twoPerson) == ["baseline.untrusted"])
    }

    @Test func validityWindowIsJudgedAtTheGivenTime() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        let before = try verify(fixture, at: KitFixture.sealTime.addingTimeInterval(-86_400))
        #expect(before.status == .findings)
        #expect(before.report.banners.first?.hasPrefix("seal not yet valid") == true, "\(before.report.banners)")
        let after = try verify(fixture, at: KitFixture.sealTime.addingTimeInterval(31 * 86_400))
        #expect(after.status == .findings)
        #expect(after.report.banners.first?.hasPrefix("seal expired") == true, "\(after.report.banners)")
        #expect(rules(after) == ["baseline.seal-invalid"])
    }

    @Test func unreadableTrustedKeysIsAJobError() throws {
        let fixture = try KitFixture()
        try fixture.sealBaseline()
        #expect(throws: JobError.self) { try verify(fixture, keys: fixture.path("no-such-keys")) }
    }
}
