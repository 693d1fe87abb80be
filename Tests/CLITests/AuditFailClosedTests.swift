import Foundation
import Testing

/// The audit fails closed: a seal that does not hold is a critical finding
/// with the report labelled as made against an untrusted baseline; input
/// that cannot be read completely stops the audit (exit 2) with no report
/// that could pass for a clean one.
@Suite struct AuditFailClosedTests {
    static let untrustedBanner = "!! COMPARISON AGAINST AN UNTRUSTED BASELINE: "

    func audit(_ box: Sandbox, _ extra: [String], source: String = "zones/example.com.zone",
               baseline: String = "baseline.zone") throws -> CLIResult {
        try box.zoneaudit(arguments: ["audit", "--baseline", baseline] + extra + [source])
    }

    @Test func missingSealIsCriticalWithABanner() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        try box.remove("baseline.zone.seal")
        // Even against the unchanged zone: an unsealed reference proves nothing.
        let text = try audit(box, ["--trusted-keys", box.trustedKeys])
        #expect(text.status == 1, "\(text)")
        #expect(text.stdoutLines.first == AuditFailClosedTests.untrustedBanner + "no seal: baseline.zone.seal does not exist", "\(text)")
        #expect(text.stdout.contains("error: no seal: baseline.zone.seal does not exist; the comparison is against an untrusted baseline [baseline.seal-missing]"), "\(text)")

        let json = try audit(box, ["--trusted-keys", box.trustedKeys, "--format", "json"])
        #expect(json.status == 1, "\(json)")
        let report = try json.json()
        let banners = try #require(report["banners"] as? [String])
        #expect(banners.first?.hasPrefix("COMPARISON AGAINST AN UNTRUSTED BASELINE") == true, "\(banners)")
        let seal = try #require(JSONFinding.all(in: report).first { $0.rule == "baseline.seal-missing" })
        #expect(seal.severity == "critical")
        #expect(seal.zone == "example.com.", "the seal finding belongs to the audited zone")
    }

    @Test func tamperedBaselineIsSealInvalidAndTheReportSaysSoAtTheTop() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        // The attacker approves their own change by editing the baseline too.
        try box.edit("baseline.zone", replacing: "192.0.2.25", with: "203.0.113.66")
        let text = try audit(box, ["--trusted-keys", box.trustedKeys], source: "dumps/example.com.axfr")
        #expect(text.status == 1, "\(text)")
        let first = try #require(text.stdoutLines.first)
        #expect(first.hasPrefix(AuditFailClosedTests.untrustedBanner + "seal invalid for example.com.: baseline.zone does not match the sealed ZONEMD digest"), "\(text)")
        #expect(text.stdout.contains("[baseline.seal-invalid]"), "\(text)")
        #expect(text.stdout.contains("the comparison is against an untrusted baseline"), "\(text)")

        let json = try audit(box, ["--trusted-keys", box.trustedKeys, "--format", "json"], source: "dumps/example.com.axfr")
        let findings = JSONFinding.all(in: try json.json())
        let seal = try #require(findings.first { $0.rule == "baseline.seal-invalid" })
        #expect(seal.severity == "critical")
        // The comparison still runs (labelled), so the other findings are there too.
        #expect(findings.contains { $0.rule == "delegation.ds-changed" })
    }

    @Test func trustedKeysWithoutTheSignerIsUntrusted() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try audit(box, ["--trusted-keys", "keys/Kexample.net.+013+25868.key", "--format", "json"])
        #expect(result.status == 1, "\(result)")
        let report = try result.json()
        let finding = try #require(JSONFinding.all(in: report).first { $0.rule == "baseline.untrusted" })
        #expect(finding.severity == "critical")
        #expect((report["banners"] as? [String])?.first?.hasPrefix("COMPARISON AGAINST AN UNTRUSTED BASELINE: seal untrusted") == true)
    }

    @Test func expiredSealIsInvalid() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline(extra: ["--validity", "1d"])
        let result = try audit(box, ["--trusted-keys", box.trustedKeys, "--at", "2030-01-01T00:00:00Z"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.first?.hasPrefix(AuditFailClosedTests.untrustedBanner + "seal expired for example.com.") == true, "\(result)")
        #expect(result.stdout.contains("[baseline.seal-invalid]"), "\(result)")
    }

    /// --unsealed audits against a bare baseline, and every format says so at the top.
    @Test func unsealedIsAnnouncedAtTheTopOfEveryReport() throws {
        let box = try Sandbox()
        try box.copy("zones/example.com.zone", to: "bare.zone")
        try box.copy("zones/hosts.inc", to: "hosts.inc")
        let banner = "AUDITED AGAINST AN UNSEALED BASELINE"

        let text = try audit(box, ["--unsealed"], baseline: "bare.zone")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdoutLines.first?.hasPrefix("!! " + banner) == true, "\(text)")

        let json = try audit(box, ["--unsealed", "--format", "json"], baseline: "bare.zone")
        #expect(json.status == 0, "\(json)")
        let banners = try #require(try json.json()["banners"] as? [String])
        #expect(banners.count == 1 && banners[0].hasPrefix(banner), "\(banners)")

        let markdown = try audit(box, ["--unsealed", "--format", "markdown"], baseline: "bare.zone")
        #expect(markdown.status == 0, "\(markdown)")
        let lines = markdown.stdoutLines.filter { !$0.isEmpty }
        // The heading, then the warning before anything else.
        #expect(lines.count > 3 && lines[1] == "> [!WARNING]" && lines[2].contains(banner), "\(markdown)")
    }

    @Test func neitherTrustedKeysNorUnsealedIsAUsageError() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try audit(box, [])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--trusted-keys"), "\(result)")
        #expect(result.stdout.isEmpty)
        let both = try audit(box, ["--unsealed", "--trusted-keys", box.trustedKeys])
        #expect(both.status == 2, "\(both)")
    }

    @Test func policyWithAnUnknownFieldStopsTheAudit() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        try box.edit("policy.yml", replacing: "    min-ttl: 300\n", with: "    min-ttl: 300\n    min-tll: 60\n")
        let line = try box.read("policy.yml").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("min-tll") }.map { $0 + 1 }
        let result = try audit(box, ["--trusted-keys", box.trustedKeys, "--policy", "policy.yml"], source: "dumps/example.com.axfr")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("policy.yml:\(try #require(line)):5: error: unknown field 'min-tll'"), "\(result)")
        #expect(result.stdout.isEmpty, "no report from an audit that could not be done: \(result)")
    }

    @Test func missingPolicyFileStopsTheAudit() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try audit(box, ["--trusted-keys", box.trustedKeys, "--policy", "no-such-policy.yml"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no-such-policy.yml"), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func unparsableCurrentZoneStopsTheAuditWithoutAReport() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let zone = try box.read("zones/example.com.zone")
        try box.write(zone + "evil IN A 203.0.113.300\n", to: "zones/example.com.zone")
        for format in ["text", "json"] {
            let result = try audit(box, ["--trusted-keys", box.trustedKeys, "--format", format, "--output", "report.out"])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("cannot read the zone zones/example.com.zone:"), "\(result)")
            #expect(result.stderr.contains("[syntax.bad-rdata]"), "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(!box.exists("report.out"), "no report file claiming anything")
        }
    }

    @Test func truncatedDumpStopsTheAuditWithoutAReport() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        // Cut the transfer before its closing SOA.
        var lines = try box.read("dumps/example.com.axfr").components(separatedBy: "\n")
        let closing = try #require(lines.lastIndex { $0.contains("\tSOA\t") })
        lines.remove(at: closing)
        try box.write(lines.joined(separator: "\n"), to: "dumps/cut.axfr")
        let result = try audit(box, ["--trusted-keys", box.trustedKeys], source: "dumps/cut.axfr")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("[transfer.truncated]"), "\(result)")
        #expect(result.stdout.isEmpty, "a cut transfer must never look like a complete zone: \(result)")

        // A closing SOA that differs from the opening one is a cut too.
        try box.write(try box.read("dumps/example.com.axfr")
            .replacingOccurrences(of: "2026112902 7200 3600 1209600 300\n;; Query", with: "2026112903 7200 3600 1209600 300\n;; Query"),
            to: "dumps/mismatch.axfr")
        let mismatch = try audit(box, ["--trusted-keys", box.trustedKeys], source: "dumps/mismatch.axfr")
        #expect(mismatch.status == 2, "\(mismatch)")
        #expect(mismatch.stdout.isEmpty)
    }

    @Test func anotherZoneIsNotAuditedAsAnEmptyOne() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try audit(box, ["--trusted-keys", box.trustedKeys], source: "zones/example.net.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no SOA record at example.com."), "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    @Test func missingSourceOrBaselineExitsTwo() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let source = try audit(box, ["--trusted-keys", box.trustedKeys], source: "zones/gone.zone")
        #expect(source.status == 2, "\(source)")
        #expect(source.stderr.contains("cannot read zones/gone.zone"), "\(source)")
        let baseline = try audit(box, ["--unsealed"], baseline: "gone.zone")
        #expect(baseline.status == 2, "\(baseline)")
        #expect(baseline.stdout.isEmpty)
    }

    @Test func emptyTrustedKeysOrPolicyStopsTheAudit() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        try box.write("; no keys yet\n", to: "empty-keys.zone")
        let keys = try audit(box, ["--trusted-keys", "empty-keys.zone"], source: "dumps/example.com.axfr")
        #expect(keys.status == 2, "\(keys)")
        #expect(keys.stderr.contains("no usable DNSKEY records"), "\(keys)")
        #expect(keys.stdout.isEmpty)

        try box.write("", to: "empty-policy.yml")
        let policy = try audit(box, ["--trusted-keys", box.trustedKeys, "--policy", "empty-policy.yml"],
                               source: "dumps/example.com.axfr")
        #expect(policy.status == 2, "\(policy)")
        #expect(policy.stderr.contains("the policy is empty"), "\(policy)")
        #expect(policy.stdout.isEmpty)
    }
}
