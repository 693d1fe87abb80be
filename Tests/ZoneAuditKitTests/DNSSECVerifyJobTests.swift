import Foundation
import Reporters
import Testing
import ZoneModel
@testable import ZoneAuditKit

@Suite struct DNSSECVerifyJobTests {
    /// Inside the sample signatures' window (2026-11-01 to 2040-12-31).
    static let inside = ValidationTime.parse("20301231000000")!

    func run(_ fixture: KitFixture, _ file: String = "zones/example.net.signed", anchor: String? = nil,
             at: Date = DNSSECVerifyJobTests.inside, zonemdOnly: Bool = false) throws -> JobResult {
        try DNSSECVerifyJob(source: fixture.path(file), read: ZoneReadOptions(),
                            settings: DNSSECSettings(trustAnchorFile: anchor.map(fixture.path), at: at, jobs: 2),
                            zonemdOnly: zonemdOnly).run()
    }

    @Test func signedSampleIsValidWithAndWithoutAnchor() throws {
        let fixture = try KitFixture()
        let given = try run(fixture)
        #expect(given.status == .clean)
        #expect(given.report.findings.map(\.rule) == ["dnssec.anchor-taken-as-given"])
        let anchored = try run(fixture, anchor: "trust-anchors.zone")
        #expect(anchored.status == .clean)
        #expect(anchored.report.findings.isEmpty)
    }

    @Test func changedRecordFails() throws {
        let fixture = try KitFixture()
        try fixture.edit("zones/example.net.signed", replacing: "198.51.100.53", with: "198.51.100.54")
        let result = try run(fixture, anchor: "trust-anchors.zone")
        #expect(result.status == .findings)
        let invalid = result.report.findings.filter { $0.rule == "dnssec.rrsig-invalid" }
        #expect(invalid.map { $0.owner?.presentation } == ["ns1.example.net."])
    }

    @Test func expiredAfter2040() throws {
        let fixture = try KitFixture()
        let result = try run(fixture, at: ValidationTime.parse("20410101000000")!)
        #expect(result.status == .findings)
        #expect(result.report.findings.filter { $0.rule == "dnssec.rrsig-expired" }.count == 16)
    }

    @Test func zonemdOnly() throws {
        let fixture = try KitFixture()
        #expect(try run(fixture, zonemdOnly: true).status == .clean)
        try fixture.edit("zones/example.net.signed", replacing: "198.51.100.53", with: "198.51.100.54")
        let changed = try run(fixture, zonemdOnly: true)
        #expect(changed.status == .findings)
        #expect(changed.report.findings.map(\.rule) == ["dnssec.zonemd-mismatch"])
        let unsigned = try run(fixture, "zones/example.net.zone", zonemdOnly: true)
        #expect(unsigned.status == .findings)
    }

    @Test func unsignedZoneIsAFailure() throws {
        let fixture = try KitFixture()
        let result = try run(fixture, "zones/example.net.zone")
        #expect(result.status == .findings)
        let unsigned = try #require(result.report.findings.first { $0.rule == "dnssec.unsigned" })
        #expect(unsigned.severity == .high)
        #expect(result.report.banners == ["The zone is not signed (no DNSKEY at the apex)."])
    }

    @Test func unusableAnchorsOrZonesAreJobErrors() throws {
        let fixture = try KitFixture()
        #expect(throws: JobError.self) { try run(fixture, anchor: "missing-anchors.zone") }
        try fixture.write("; nothing here\n", to: "empty-anchors.zone")
        #expect(throws: JobError.self) { try run(fixture, anchor: "empty-anchors.zone") }
        #expect(throws: JobError.self) { try run(fixture, "zones/missing.signed") }
        #expect(throws: JobError.self) { try run(fixture, "zones/broken.example.zone") }
    }
}
