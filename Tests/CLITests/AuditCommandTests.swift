import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `zoneaudit audit`: the zone now against its sealed baseline and the
/// policy. Samples/dumps/example.com.axfr is a transfer of the tampered zone.
@Suite struct AuditCommandTests {
    static func sealedBox() throws -> Sandbox {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        return box
    }

    @Test func tamperedDumpIsReportedWithPolicyAuthorizedChangesAtInfo() throws {
        let box = try AuditCommandTests.sealedBox()
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--policy", "policy.yml", "--format", "json", "dumps/example.com.axfr")
        #expect(result.status == 1, "\(result)")
        let report = try result.json()
        #expect(report["schemaVersion"] as? Int == 1)
        #expect((report["banners"] as? [String])?.isEmpty == true, "the seal holds: no banner")
        let findings = JSONFinding.all(in: report)

        let unauthorized = findings.filter { $0.authorized != true }
        #expect(Set(unauthorized.map(\.rule)) == [
            "delegation.added", "delegation.ds-changed", "delegation.lookalike-ns", "delegation.ns-outside",
            "record.added", "record.certificate-control", "record.changed", "record.mail-redirect",
            "record.ttl-below-minimum", "record.ttl-lowered", "zone.bulk-change",
        ], "\(unauthorized.map(\.rule).sorted())")
        #expect(unauthorized.allSatisfy { $0.authorized == false && $0.policy == nil })
        #expect(unauthorized.contains { $0.rule == "delegation.ds-changed" && $0.owner == "dev.example.com." && $0.severity == "critical" })
        #expect(unauthorized.contains { $0.rule == "delegation.ns-outside" && $0.owner == "login.example.com." && $0.severity == "critical" })
        #expect(unauthorized.contains { $0.rule == "record.mail-redirect" && $0.owner == "mail.example.com." })
        // The change findings point into the dump, where the record is.
        let acme = try #require(unauthorized.first { $0.rule == "record.added" })
        #expect(acme.owner == "_acme-challenge.example.com." && acme.file == "dumps/example.com.axfr" && acme.line == 14)

        // The two changes the policy's `mutable` entries allow: info, authorized, naming the entry.
        let authorized = findings.filter { $0.authorized == true }
        #expect(authorized.count == 2, "\(authorized.map { ($0.rule, $0.owner ?? "") })")
        let api = try #require(authorized.first { $0.owner == "api.example.com." })
        #expect(api.rule == "record.changed" && api.severity == "info")
        #expect(api.policy?.contains("mutable[1]") == true, "\(api.policy ?? "nil")")
        let pool = try #require(authorized.first { $0.owner == "host-4.pool.example.com." })
        #expect(pool.rule == "record.changed" && pool.severity == "info")
        #expect(pool.policy?.contains("mutable[0]") == true, "\(pool.policy ?? "nil")")

        let zones = try #require(report["zones"] as? [[String: Any]])
        #expect((zones.first?["seal"] as? String)?.hasPrefix("seal holds for example.com.") == true)
        #expect(zones.first?["serialBefore"] as? Int == 2026112901)
        #expect(zones.first?["serialAfter"] as? Int == 2026112902)
    }

    @Test func withoutThePolicyTheSameChangesAreUnauthorized() throws {
        let box = try AuditCommandTests.sealedBox()
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--format", "json", "dumps/example.com.axfr")
        #expect(result.status == 1, "\(result)")
        let findings = JSONFinding.all(in: try result.json())
        let api = try #require(findings.first { $0.owner == "api.example.com." && $0.rule == "record.changed" })
        #expect(api.authorized == false && api.severity == "high")
    }

    @Test func unchangedZoneExitsZero() throws {
        let box = try AuditCommandTests.sealedBox()
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--policy", "policy.yml", "zones/example.com.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.lastLine == "example.com.: no findings", "\(result)")
        #expect(!result.stdout.contains("!!"), "no banner when the seal holds: \(result)")
    }

    /// Authorized changes are reported at info and never fail the audit,
    /// not even with --fail-on info.
    @Test func onlyAuthorizedChangesExitZero() throws {
        let box = try AuditCommandTests.sealedBox()
        try box.edit("zones/example.com.zone", replacing: "2026112901", with: "2026112902")
        try box.edit("zones/example.com.zone", replacing: "192.0.2.80", with: "192.0.2.88")  // api A: mutable
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--policy", "policy.yml", "--fail-on", "info", "zones/example.com.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(
            "zones/example.com.zone:22:1: note: api.example.com. A changed: 192.0.2.80 -> 192.0.2.88 (info, authorized by"),
            "\(result)")
        #expect(result.lastLine == "example.com.: 1 finding (1 info), 1 authorized", "\(result)")

        // The same change without the policy fails at the default threshold.
        let unjudged = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                         "zones/example.com.zone")
        #expect(unjudged.status == 1, "\(unjudged)")
    }

    @Test(arguments: ["text", "json", "sarif", "markdown", "junit"])
    func everyFormatRenders(format: String) throws {
        let box = try AuditCommandTests.sealedBox()
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--policy", "policy.yml", "--format", format, "dumps/example.com.axfr")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("delegation.ds-changed"), "\(format): \(result)")
        switch format {
        case "json":
            #expect(try result.json()["schemaVersion"] as? Int == 1)
        case "sarif":
            let sarif = try result.json()
            #expect(sarif["version"] as? String == "2.1.0")
            let results = (sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]
            #expect(results?.count == 16)
        case "markdown":
            #expect(result.stdout.hasPrefix("## zoneaudit audit report"), "\(result)")
            #expect(result.stdout.contains("| Zone | Critical | High |"), "\(result)")
        case "junit":
            #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "\(result)")
            #expect(try XMLWellFormedness.check(result.stdout), "\(result)")
            #expect(result.stdout.contains("<testcase classname=\"example.com.\" name=\"delegation.ds-changed\""), "\(result)")
        default:
            #expect(result.lastLine?.hasPrefix("example.com.: 16 findings (4 critical") == true, "\(result)")
        }
    }

    @Test func outputFileIsWrittenAtomicallyWithoutLeftovers() throws {
        let box = try AuditCommandTests.sealedBox()
        try box.write("old report\n", to: "reports/audit.json")
        let before = try FileManager.default.attributesOfItem(atPath: box.path("reports/audit.json"))[.systemFileNumber] as? NSNumber
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--policy", "policy.yml", "--format", "json", "--output", "reports/audit.json",
                                       "dumps/example.com.axfr")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty, "the report went to the file: \(result)")
        #expect(try box.listing("reports") == ["audit.json"], "no temporary files left")
        let data = try box.bytes("reports/audit.json")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        // Replaced by rename, not rewritten in place: a reader never sees half a report.
        let after = try FileManager.default.attributesOfItem(atPath: box.path("reports/audit.json"))[.systemFileNumber] as? NSNumber
        #expect(before != nil && after != nil && before != after)
    }

    @Test func outputIntoAMissingDirectoryExitsTwo() throws {
        let box = try AuditCommandTests.sealedBox()
        let result = try box.zoneaudit("audit", "--baseline", "baseline.zone", "--trusted-keys", box.trustedKeys,
                                       "--output", "nowhere/audit.txt", "dumps/example.com.axfr")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("cannot write nowhere/audit.txt"), "\(result)")
        #expect(!box.exists("nowhere"))
    }
}

/// Well-formedness through Foundation's XML parser.
enum XMLWellFormedness {
    static func check(_ text: String) throws -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }
}
