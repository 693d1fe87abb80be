import Foundation
import Testing

/// `zoneaudit check`: zoneaudit(1) promises exit 0 without errors, 1 with
/// errors (warnings too under --strict), 2 for unreadable files, and
/// `file:line:column: error: message [rule]` lines with a summary line last.
@Suite struct CheckCommandTests {
    @Test func cleanSampleZoneExitsZero() throws {
        let box = try Sandbox()
        // example.com.zone uses $INCLUDE (hosts.inc beside it) and $GENERATE.
        let result = try box.zoneaudit("check", "zones/example.com.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.lastLine == "example.com.: no findings", "\(result)")
        #expect(result.stdout.contains("records 25"), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// Every planted error in Samples/zones/broken.example.zone, at its exact
    /// line and column, then the summary line.
    @Test func brokenSampleReportsEachErrorAtItsPlace() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "zones/broken.example.zone")
        #expect(result.status == 1, "\(result)")
        let expected: [(place: String, rule: String)] = [
            ("zones/broken.example.zone:8:18", "syntax.bad-rdata"),            // 192.0.2.300
            ("zones/broken.example.zone:9:18", "syntax.unterminated-string"),  // "unterminated
            ("zones/broken.example.zone:10:1", "zone.cname-and-other-data"),   // alias CNAME + A
            ("zones/broken.example.zone:13:1", "zone.glue-missing"),           // sub NS ns1.sub
            ("zones/broken.example.zone:15:5", "syntax.bad-ttl"),              // 1h2x
            ("zones/broken.example.zone:16:13", "syntax.unknown-type"),        // WXYZ
        ]
        let findingLines = result.stdoutLines.filter { $0.hasPrefix("zones/broken.example.zone:") }
        #expect(findingLines.count == expected.count, "\(result)")
        for (place, rule) in expected {
            let line = findingLines.first { $0.hasPrefix(place + ": error: ") && $0.hasSuffix("[\(rule)]") }
            #expect(line != nil, "no '\(place): error: ... [\(rule)]' line in:\n\(result)")
        }
        #expect(result.stdout.contains("bad IPv4 address \"192.0.2.300\""), "the message names the token")
        #expect(result.stdout.contains("bad TTL '1h2x'"), "the message names the token")
        #expect(result.lastLine == "broken.example.: 6 findings (6 high)", "\(result)")
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let box = try Sandbox()
        // Differing TTLs inside one RRset: a warning (RFC 2181), not an error.
        try box.write("""
            $ORIGIN warn.example.
            $TTL 3600
            @    IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                 IN NS  ns1
            ns1  IN A   192.0.2.1
            www 300 IN A 192.0.2.2
            www 600 IN A 192.0.2.3

            """, to: "zones/warn.zone")
        let lenient = try box.zoneaudit("check", "zones/warn.zone")
        #expect(lenient.status == 0, "\(lenient)")
        #expect(lenient.stdout.contains(": warning: "), "\(lenient)")
        #expect(!lenient.stdout.contains(": error: "), "\(lenient)")
        let strict = try box.zoneaudit("check", "--strict", "zones/warn.zone")
        #expect(strict.status == 1, "\(strict)")
    }

    @Test func missingFileExitsTwoWithAClearMessage() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "zones/no-such.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("cannot read zones/no-such.zone: No such file or directory"), "\(result)")
        #expect(result.stdout.isEmpty, "no report for a file that was not read: \(result)")
    }

    @Test func directoryInsteadOfFileExitsTwo() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "zones")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("cannot read zones: is a directory"), "\(result)")
    }

    @Test func oneUnreadableFileAmongGoodOnesStillExitsTwo() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "zones/example.com.zone", "zones/missing.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("zones/missing.zone"), "\(result)")
    }

    @Test func jsonFormatCarriesSchemaVersionAndFindings() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "--format", "json", "zones/broken.example.zone")
        #expect(result.status == 1, "\(result)")
        let report = try result.json()
        #expect(report["schemaVersion"] as? Int == 1)
        #expect(report["command"] as? String == "check")
        let findings = JSONFinding.all(in: report)
        #expect(findings.count == 6)
        let badRData = try #require(findings.first { $0.rule == "syntax.bad-rdata" })
        #expect(badRData.line == 8 && badRData.column == 18 && badRData.file == "zones/broken.example.zone")
        #expect(badRData.severity == "high")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 6)
    }

    @Test func sarifFormatParsesWithLocations() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "--format", "sarif", "zones/broken.example.zone")
        #expect(result.status == 1, "\(result)")
        let sarif = try result.json()
        #expect(sarif["version"] as? String == "2.1.0")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == 6)
        let ttl = try #require(results.first { $0["ruleId"] as? String == "syntax.bad-ttl" })
        let locations = try #require(ttl["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 15)
        #expect(region["startColumn"] as? Int == 5)
    }

    /// The cap ends the run with its own finding; nothing is judged about
    /// the part of the file that was never read.
    @Test func maxErrorsStopsWithTheCapFinding() throws {
        let box = try Sandbox()
        let text = try box.zoneaudit("check", "--max-errors", "1", "zones/broken.example.zone")
        #expect(text.status == 1, "\(text)")
        #expect(text.stdout.contains("zones/broken.example.zone:8:18: error: stopped after 1 errors"), "\(text)")
        #expect(text.stdout.contains("[syntax.too-many-errors]"), "\(text)")

        let json = try box.zoneaudit("check", "--max-errors", "1", "--format", "json", "zones/broken.example.zone")
        let rules = Set(JSONFinding.all(in: try json.json()).map(\.rule))
        #expect(rules == ["syntax.too-many-errors", "syntax.bad-rdata"], "\(json)")
        // Later lines (the unterminated string, the bad TTL) were never read.
        #expect(!rules.contains("syntax.bad-ttl"))
        #expect(!rules.contains { $0.hasPrefix("zone.") }, "semantic checks on a half-read file: \(rules)")
    }

    @Test func includeOutsideTheDirectoryIsAnErrorUnlessIncludeRootWidensIt() throws {
        let box = try Sandbox()
        try box.write("www IN A 192.0.2.7\n", to: "shared/hosts.inc")
        try box.write("""
            $ORIGIN inc.example.
            $TTL 3600
            @    IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                 IN NS  ns1
            ns1  IN A   192.0.2.1
            $INCLUDE ../shared/hosts.inc

            """, to: "zones/inc.zone")
        let confined = try box.zoneaudit("check", "zones/inc.zone")
        #expect(confined.status == 1, "\(confined)")
        #expect(confined.stdout.contains("zones/inc.zone:6:10: error: "), "\(confined)")
        #expect(confined.stdout.contains("[syntax.include-outside-root]"), "\(confined)")
        #expect(confined.stdout.contains("records 3"), "the file outside was not read: \(confined)")

        let widened = try box.zoneaudit("check", "--include-root", ".", "zones/inc.zone")
        #expect(widened.status == 0, "\(widened)")
        #expect(widened.stdout.contains("records 4"), "\(widened)")
    }
}
