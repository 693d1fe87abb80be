import Foundation
import Reporters
import Testing
import ZoneModel
@testable import ZoneAuditKit

/// DNSSECVerifyJob with a verification cache file.
@Suite struct DNSSECCacheJobTests {
    func run(_ fixture: KitFixture, cache: String?, at: Date = DNSSECVerifyJobTests.inside) throws -> JobResult {
        try DNSSECVerifyJob(source: fixture.path("zones/example.net.signed"), read: ZoneReadOptions(),
                            settings: DNSSECSettings(trustAnchorFile: fixture.path("trust-anchors.zone"), at: at, jobs: 2),
                            zonemdOnly: false, cacheFile: cache.map(fixture.path)).run()
    }

    @Test func coldRunFillsTheCacheAndWarmRunUsesIt() throws {
        let fixture = try KitFixture()
        let uncached = try run(fixture, cache: nil)
        let cold = try run(fixture, cache: "cache.sqlite")
        let warm = try run(fixture, cache: "cache.sqlite")
        #expect(cold.figures?.hasPrefix("16 of 16 signatures verified (0 from the cache)") == true, "\(cold.figures ?? "")")
        #expect(warm.figures?.hasPrefix("16 of 16 signatures verified (16 from the cache)") == true, "\(warm.figures ?? "")")
        #expect(uncached.figures?.contains("from the cache") == false)
        #expect(warm.status == .clean && cold.status == .clean)
        #expect(warm.report.findings == cold.report.findings)
        #expect(warm.report.findings == uncached.report.findings)
    }

    @Test func expiredIsReportedFromACachedRun() throws {
        let fixture = try KitFixture()
        _ = try run(fixture, cache: "cache.sqlite")
        let later = try run(fixture, cache: "cache.sqlite", at: ValidationTime.parse("20410101000000")!)
        #expect(later.status == .findings)
        #expect(later.report.findings.filter { $0.rule == "dnssec.rrsig-expired" }.count == 16)
        #expect(later.figures?.hasPrefix("16 of 16 signatures verified (16 from the cache)") == true, "\(later.figures ?? "")")
    }
}
