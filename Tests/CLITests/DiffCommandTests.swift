import Foundation
import Testing

/// `zoneaudit diff OLD NEW`: every change with its rule, no policy, exit by
/// `--fail-on` (default high).
@Suite struct DiffCommandTests {
    /// Samples/served/example.com.zone is the approved zone tampered with:
    /// a look-alike delegation, the child DS removed, CAA loosened, an ACME
    /// token, the mail host moved with a short TTL, and two address changes.
    @Test func approvedVersusServedSample() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("diff", "--format", "json", "zones/example.com.zone", "served/example.com.zone")
        #expect(result.status == 1, "\(result)")
        let findings = JSONFinding.all(in: try result.json())
        let rules = Set(findings.map(\.rule))
        #expect(rules == [
            "delegation.added", "delegation.ds-changed", "delegation.lookalike-ns",
            "record.added", "record.certificate-control", "record.changed", "record.mail-redirect",
            "record.ttl-lowered", "zone.bulk-change",
        ], "\(rules.sorted())")
        // No policy: nothing is authorized, every change is judged.
        #expect(findings.allSatisfy { $0.authorized == false }, "\(result)")

        func finding(_ rule: String, _ owner: String) -> JSONFinding? {
            findings.first { $0.rule == rule && $0.owner == owner }
        }
        #expect(finding("delegation.added", "login.example.com.")?.severity == "high")
        #expect(finding("delegation.lookalike-ns", "login.example.com.")?.severity == "critical")
        let downgrade = try #require(finding("delegation.ds-changed", "dev.example.com."))
        #expect(downgrade.severity == "critical")
        // A removal points at the approved record's place in the old file.
        #expect(downgrade.file == "zones/example.com.zone" && downgrade.line == 28)
        #expect(finding("record.mail-redirect", "mail.example.com.") != nil)
        #expect(finding("record.ttl-lowered", "mail.example.com.")?.severity == "medium")
        #expect(finding("record.certificate-control", "_acme-challenge.example.com.") != nil)
        #expect(finding("record.certificate-control", "example.com.") != nil, "CAA loosened")
        let added = try #require(finding("record.added", "_acme-challenge.example.com."))
        #expect(added.file == "served/example.com.zone" && added.line == 20 && added.column == 1)
        #expect(finding("record.changed", "host-4.pool.example.com.") != nil)
        #expect(finding("record.changed", "api.example.com.") != nil)
    }

    @Test func textOutputHasCompilerStyleLinesAndASummaryLast() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("diff", "zones/example.com.zone", "served/example.com.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("served/example.com.zone:25:1: error: new delegation login.example.com."), "\(result)")
        #expect(result.stdout.contains("    + login.example.com. 3600 IN NS ns1.examp1e.com."), "\(result)")
        #expect(result.stdout.contains("    - dev.example.com. 3600 IN DS 31589 13 2"), "\(result)")
        let last = try #require(result.lastLine)
        #expect(last.hasPrefix("example.com.: 14 findings (3 critical"), "\(result)")
    }

    @Test func identicalZonesExitZero() throws {
        let box = try Sandbox()
        let same = try box.zoneaudit("diff", "zones/example.com.zone", "zones/example.com.zone")
        #expect(same.status == 0, "\(same)")
        #expect(same.lastLine == "example.com.: no findings", "\(same)")

        // The same records written differently (printed, as a dump) are no change either.
        let printed = try box.zoneaudit("print", "zones/example.com.zone")
        try box.write(printed.stdout, to: "printed.zone")
        let equivalent = try box.zoneaudit("diff", "zones/example.com.zone", "printed.zone")
        #expect(equivalent.status == 0, "\(equivalent)")
        #expect(equivalent.lastLine == "example.com.: no findings", "\(equivalent)")
    }

    /// One address change (a high finding) fails at the default and at
    /// `info`, not at `critical`; the served sample (critical findings)
    /// fails even at `critical`.
    @Test func failOnThresholds() throws {
        let box = try Sandbox()
        try box.copy("zones", to: "changed")
        try box.edit("changed/example.com.zone", replacing: "2026112901", with: "2026112902")
        try box.edit("changed/example.com.zone", replacing: "192.0.2.80", with: "192.0.2.81")

        let json = try box.zoneaudit("diff", "--format", "json", "zones/example.com.zone", "changed/example.com.zone")
        let severities = Set(JSONFinding.all(in: try json.json()).map(\.severity))
        #expect(severities == ["high"], "\(json)")

        #expect(try box.zoneaudit("diff", "zones/example.com.zone", "changed/example.com.zone").status == 1)
        #expect(try box.zoneaudit("diff", "--fail-on", "info", "zones/example.com.zone", "changed/example.com.zone").status == 1)
        #expect(try box.zoneaudit("diff", "--fail-on", "critical", "zones/example.com.zone", "changed/example.com.zone").status == 0)
        #expect(try box.zoneaudit("diff", "--fail-on", "critical", "zones/example.com.zone", "served/example.com.zone").status == 1)
    }

    @Test func aNewZoneThatDoesNotParseStopsTheDiff() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("diff", "zones/example.com.zone", "zones/broken.example.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func differentZonesAreNotCompared() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("diff", "zones/example.com.zone", "zones/example.net.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }
}
