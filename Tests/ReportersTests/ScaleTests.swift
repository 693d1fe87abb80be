import Foundation
import Reporters
import Testing
import ZoneModel

/// Many findings through every format: the output must stay complete and
/// well-formed. No timing is asserted; the CPU time of each render is printed
/// (thread CPU time, so that a busy machine does not inflate it). The figures
/// for 100k findings come from a release build:
/// `ZONEAUDIT_REPORT_SCALE=100000 swift test -c release --filter ScaleTests`.
@Suite("Scale")
struct ScaleTests {
    static var count: Int {
        ProcessInfo.processInfo.environment["ZONEAUDIT_REPORT_SCALE"].flatMap(Int.init) ?? 3_000
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

    /// CPU time of the calling thread.
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2f s", value)
    }

    @Test("every format renders all findings of a large report")
    func large() throws {
        let count = Self.count
        let report = Self.report(findings: count)
        var timings: [String] = []

        var start = Self.cpuSeconds()
        let text = ReportFormat.text.render(report)
        timings.append("text " + Self.seconds(Self.cpuSeconds() - start))
        // Banner, blank, and per zone: header, finding, record pair, blank; summary.
        #expect(text.utf8.count > count * 100)
        #expect(text.hasSuffix("unauthorized\n"))

        start = Self.cpuSeconds()
        let json = ReportFormat.json.render(report)
        timings.append("json " + Self.seconds(Self.cpuSeconds() - start))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.count == count)

        start = Self.cpuSeconds()
        let sarif = ReportFormat.sarif.render(report)
        timings.append("sarif " + Self.seconds(Self.cpuSeconds() - start))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == count)

        start = Self.cpuSeconds()
        let markdown = ReportFormat.markdown.render(report)
        timings.append("markdown " + Self.seconds(Self.cpuSeconds() - start))
        #expect(markdown.components(separatedBy: "\n#### ").count - 1 == count)

        start = Self.cpuSeconds()
        let junit = ReportFormat.junit.render(report)
        timings.append("junit " + Self.seconds(Self.cpuSeconds() - start))
        // 50 zones, each with 4 of the 40 rules (index mod 50 and index mod 40).
        #expect(junit.components(separatedBy: "<testcase ").count - 1 == 200)

        // Recorded for the report's performance figures, not asserted.
        print("ScaleTests: \(count) findings, CPU time: " + timings.joined(separator: ", "))
    }
}
