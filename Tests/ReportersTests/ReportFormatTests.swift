import Foundation
@testable import Reporters
import Testing
import ZoneModel

@Suite("Report formats and options")
struct ReportFormatTests {
    @Test("every format has a reporter whose identifier is the format's name")
    func registry() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "markdown", "junit"])
        for format in ReportFormat.allCases {
            #expect(format.reporterType.identifier == format.rawValue)
            #expect(!format.reporterType.description.isEmpty)
            #expect(ReportFormat(identifier: format.rawValue) == format)
            #expect(type(of: format.reporter()).identifier == format.rawValue)
        }
        #expect(ReportFormat(identifier: "xml") == nil)
    }

    @Test("colour is only there when asked for, and only adds escape sequences")
    func colour() {
        let plain = TextReporter(options: ReporterOptions(color: false)).render(ReportFixtures.audit)
        let coloured = TextReporter(options: ReporterOptions(color: true)).render(ReportFixtures.audit)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;7;31m!! AUDITED AGAINST AN UNSEALED BASELINE\u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
        for format in ReportFormat.allCases where format != .text {
            #expect(!format.render(ReportFixtures.audit, options: ReporterOptions(color: true)).contains("\u{1B}"))
        }
    }

    @Test("banners come first in every format")
    func bannersFirst() {
        let banner = "AUDITED AGAINST AN UNSEALED BASELINE"
        let text = ReportFormat.text.render(ReportFixtures.audit)
        #expect(text.hasPrefix("!! " + banner + "\n"))
        let markdown = ReportFormat.markdown.render(ReportFixtures.audit)
        #expect(markdown.split(separator: "\n").dropFirst().first { !$0.isEmpty } == "> [!WARNING]")
        let json = ReportFormat.json.render(ReportFixtures.audit)
        #expect(json.hasPrefix("{\n  \"banners\": [\n    \"" + banner + "\"\n  ],"))
        let junit = ReportFormat.junit.render(ReportFixtures.audit)
        #expect(junit.split(separator: "\n")[1] == "<!-- " + banner + " -->")
        let sarif = ReportFormat.sarif.render(ReportFixtures.audit)
        #expect(sarif.contains("\"toolExecutionNotifications\": [\n"))
    }

    @Test("the Markdown detail limit leaves a note with the number not shown")
    func markdownLimit() {
        let limited = MarkdownReporter(options: ReporterOptions(markdownDetailLimit: 2)).render(ReportFixtures.audit)
        #expect(limited.components(separatedBy: "\n#### ").count - 1 == 2)
        #expect(limited.contains("_5 more findings are not shown here; the JSON and SARIF reports have all of them._"))
        let all = MarkdownReporter(options: ReporterOptions()).render(ReportFixtures.audit)
        #expect(all.components(separatedBy: "\n#### ").count - 1 == 7)
        #expect(!all.contains("not shown here"))
    }

    @Test("JUnit fails a rule only for error-level findings that no policy authorized")
    func junitFailures() {
        var report = ReportFixtures.audit
        var authorizedCritical = ReportFixtures.apexNSChanged
        authorizedCritical.authorized = true
        authorizedCritical.policy = "nameservers"
        report.findings = [authorizedCritical, ReportFixtures.mxRemoved, ReportFixtures.badTTL]
        let output = ReportFormat.junit.render(report)
        #expect(output.contains("<testsuites name=\"zoneaudit audit\" tests=\"3\" failures=\"1\""))
        #expect(output.contains("<testcase classname=\"example.org.\" name=\"syntax.bad-ttl\" time=\"0\">\n      <failure"))
        #expect(output.contains("<testcase classname=\"example.com.\" name=\"delegation.apex-ns-changed\" time=\"0\">\n      <system-out>"))
        #expect(output.contains("<testcase classname=\"example.com.\" name=\"record.removed\" time=\"0\">\n      <system-out>"))
    }

    @Test("SARIF leaves the region out without a line and falls back to the zone's file")
    func sarifRegions() throws {
        let output = ReportFormat.sarif.render(ReportFixtures.audit)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        func physical(_ rule: String) -> [String: Any]? {
            let result = results.first { $0["ruleId"] as? String == rule }
            let location = (result?["locations"] as? [[String: Any]])?.first
            return location?["physicalLocation"] as? [String: Any]
        }
        let glue = try #require(physical("zone.glue-missing"))
        #expect(glue["region"] == nil)
        #expect((glue["artifactLocation"] as? [String: Any])?["uri"] as? String == "zones/example.org.zone")
        let removed = try #require(physical("record.removed"))
        #expect(removed["region"] == nil)
        #expect((removed["artifactLocation"] as? [String: Any])?["uri"] as? String == "zones/example.com.zone")
        let ttl = try #require(physical("syntax.bad-ttl"))
        #expect((ttl["region"] as? [String: Int]) == ["startLine": 3, "startColumn": 17])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(Set(ids) == Set(results.compactMap { $0["ruleId"] as? String }))
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(ids[index] == result["ruleId"] as? String)
        }
    }

    @Test("caller-supplied rule descriptions win over the built-in ones")
    func ruleDescriptions() {
        var report = ReportFixtures.audit
        report.ruleDescriptions = ["record.added": "Custom words."]
        let output = ReportFormat.sarif.render(report)
        #expect(output.contains("\"text\": \"Custom words.\""))
        #expect(RuleDescriptions.description(of: "syntax.bad-ttl") == "Zone file syntax rule syntax.bad-ttl.")
        #expect(RuleDescriptions.description(of: "odd") == "zoneaudit rule odd.")
    }

    @Test("timestamps are UTC to the second")
    func timestamps() {
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.iso8601(ReportFixtures.generatedAt) == "2025-01-02T03:04:05Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 951_782_400.9)) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.dateTime(Date(timeIntervalSince1970: 4_102_444_799)) == "2099-12-31T23:59:59")
    }
}
