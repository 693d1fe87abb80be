import Foundation
import Reporters
import Testing
import ZoneModel

/// Many findings through every format: the output must stay complete and
/// well-formed. (No timing is asserted; the figures for 100k findings are
/// taken in a release build with ZONEAUDIT_REPORT_SCALE=100000.)
@Suite("Scale")
struct ScaleTests {
    static var count: Int {
        ProcessInfo.processInfo.environment["ZONEAUDIT_REPORT_SCALE"].flatMap(Int.init) ?? 5_000
    }

    static func report(findings count: Int) -> Report {
        let zones = (0..<50).map { try! DomainName("zone\($0).example.") }
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        let severities = Severity.allCases
        for index in 0..<count {
            let zone = zones[index % zones.count]
            let owner = try! zone.prepending(label: Array("host\(index)".utf8))
            let address: [UInt8] = [198, 51, UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index)]
            let before = [Record(owner: owner, type: .a, ttl: 300, rdata: [192, 0, 2, UInt8(index % 250)],
                                 location: SourceLocation(file: "baseline/\(zone.presentation)zone", line: index + 1, column: 1))]
            let after = [Record(owner: owner, type: .a, ttl: 300, rdata: address,
                                location: SourceLocation(file: "zones/\(zone.presentation)zone", line: index + 1, column: 1))]
            findings.append(Finding(
                rule: RuleID("record.rule-\(index % 40)"), severity: severities[index % severities.count],
                message: "A RRset changed at \(owner.presentation)", zone: zone, owner: owner, type: .a,
                before: before, after: after, location: after[0].location,
                authorized: index % 3 == 0, policy: index % 3 == 0 ? "addresses" : nil,
                techniques: ["T1584.002"]
            ))
        }
        return Report(
            tool: ReportFixtures.tool, command: "audit", generatedAt: ReportFixtures.generatedAt,
            zones: zones.map { ZoneReport(origin: $0, source: "zones/\($0.presentation)zone") },
            banners: ["AUDITED AGAINST AN UNSEALED BASELINE"], findings: findings
        )
    }

    @Test("every format renders all findings of a large report")
    func large() throws {
        let count = Self.count
        let report = Self.report(findings: count)
        let clock = ContinuousClock()
        var timings: [String] = []

        var start = clock.now
        let text = ReportFormat.text.render(report)
        timings.append("text \(clock.now - start)")
        // Banner, blank, and per zone: header, finding, record pair, blank; summary.
        #expect(text.utf8.count > count * 100)
        #expect(text.hasSuffix("unauthorized\n"))

        start = clock.now
        let json = ReportFormat.json.render(report)
        timings.append("json \(clock.now - start)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.count == count)

        start = clock.now
        let sarif = ReportFormat.sarif.render(report)
        timings.append("sarif \(clock.now - start)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == count)

        start = clock.now
        let markdown = ReportFormat.markdown.render(report)
        timings.append("markdown \(clock.now - start)")
        #expect(markdown.components(separatedBy: "\n#### ").count - 1 == count)

        start = clock.now
        let junit = ReportFormat.junit.render(report)
        timings.append("junit \(clock.now - start)")
        // 50 zones, each with 4 of the 40 rules (index mod 50 and index mod 40).
        #expect(junit.components(separatedBy: "<testcase ").count - 1 == 200)

        // Recorded for the report's performance figures, not asserted.
        print("ScaleTests: \(count) findings: " + timings.joined(separator: ", "))
    }
}
