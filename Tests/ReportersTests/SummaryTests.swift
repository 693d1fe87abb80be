import Foundation
import Reporters
import Testing
import ZoneModel

@Suite("Summaries")
struct SummaryTests {
    @Test("counts per severity, level, authorization and zone")
    func auditCounts() throws {
        let report = ReportFixtures.audit
        let summary = report.summary
        #expect(summary.findings == 7)
        #expect(summary.count(.critical) == 1)
        #expect(summary.count(.high) == 3)
        #expect(summary.count(.medium) == 2)
        #expect(summary.count(.low) == 0)
        #expect(summary.count(.info) == 1)
        #expect(summary.count(.error) == 4)
        #expect(summary.count(.warning) == 2)
        #expect(summary.count(.note) == 1)
        #expect(summary.authorized == 1)
        #expect(summary.unauthorized == 3)
        #expect(summary.maxSeverity == .critical)
        #expect(summary.history == nil)

        let org = report.summary(for: ReportFixtures.name("example.org."))
        #expect(org.findings == 2)
        #expect(org.maxSeverity == .high)
        #expect(org.authorized == 0 && org.unauthorized == 0)
        let net = report.summary(for: ReportFixtures.name("example.net."))
        #expect(net.findings == 0)
        #expect(net.maxSeverity == nil)
        #expect(report.summary(for: nil).findings == 1)
    }

    @Test("--fail-on: a finding at or above the threshold fails")
    func failsAt() {
        let summary = ReportFixtures.audit.summary
        for severity in Severity.allCases { #expect(summary.fails(at: severity)) }
        var mild = ReportFixtures.audit
        mild.findings = [ReportFixtures.dynChanged, ReportFixtures.mxRemoved]
        #expect(mild.summary.maxSeverity == .medium)
        #expect(mild.summary.fails(at: .medium))
        #expect(mild.summary.fails(at: .low))
        #expect(!mild.summary.fails(at: .high))
        #expect(!mild.summary.fails(at: .critical))
        let empty = Report(tool: ReportFixtures.tool, command: "check", generatedAt: ReportFixtures.generatedAt)
        #expect(!empty.summary.fails(at: .info))
        #expect(empty.summary.findings == 0)
    }

    @Test("resolved findings count in the history only, never in the exit status")
    func history() throws {
        let summary = ReportFixtures.cronRun.summary
        #expect(summary.findings == 2)
        #expect(summary.history == HistoryCounts(new: 1, ongoing: 1, resolved: 1))
        #expect(summary.count(.medium) == 0)
        var onlyResolved = ReportFixtures.cronRun
        onlyResolved.findings = [ReportFixtures.mxRemoved]
        #expect(onlyResolved.summary.findings == 0)
        #expect(!onlyResolved.summary.fails(at: .info))
        #expect(onlyResolved.summary.history == HistoryCounts(new: 0, ongoing: 0, resolved: 1))
        // A finding the history does not know is new.
        var unknown = ReportFixtures.cronRun
        unknown.findings.append(ReportFixtures.badTTL)
        #expect(unknown.summary.history?.new == 2)
    }

    @Test("the text summary line is the last line and agrees with the counts")
    func textSummaryLine() throws {
        let lastLine = { (report: Report) -> String in
            let output = ReportFormat.text.render(report)
            #expect(output.hasSuffix("\n"))
            return String(output.dropLast().split(separator: "\n").last ?? "")
        }
        #expect(lastLine(ReportFixtures.audit)
            == "total (3 zones): 7 findings (1 critical, 3 high, 2 medium, 1 info), 1 authorized, 3 unauthorized")
        #expect(lastLine(ReportFixtures.cronRun)
            == "example.com.: 2 findings (1 critical, 1 high), 2 unauthorized; 1 new, 1 ongoing, 1 resolved")
        var clean = ReportFixtures.audit
        clean.findings = []
        clean.zones = [ReportFixtures.zones[2]]
        clean.banners = []
        #expect(ReportFormat.text.render(clean) == "zone example.net.: source zones/example.net.zone; records 12\n\nexample.net.: no findings\n")
        let nothing = Report(tool: ReportFixtures.tool, command: "check", generatedAt: ReportFixtures.generatedAt)
        #expect(ReportFormat.text.render(nothing) == "no findings\n")
    }

    @Test("the JSON summary matches ReportSummary")
    func jsonSummary() throws {
        let output = ReportFormat.json.render(ReportFixtures.cronRun)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 2)
        #expect(summary["maxSeverity"] as? String == "critical")
        #expect(summary["unauthorized"] as? Int == 2)
        #expect(summary["zones"] as? Int == 1)
        #expect((summary["state"] as? [String: Int]) == ["new": 1, "ongoing": 1, "resolved": 1])
        #expect((summary["severity"] as? [String: Int]) == ["critical": 1, "high": 1, "medium": 0, "low": 0, "info": 0])
        #expect(document["schemaVersion"] as? Int == 1)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { $0["state"] as? String } == ["new", "ongoing", "resolved"])
    }
}
