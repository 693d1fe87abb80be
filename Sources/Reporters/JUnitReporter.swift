import ZoneModel

/// JUnit XML for CI test views: one `<testsuite>` per zone, one `<testcase>`
/// per rule in that zone (`classname` the zone, `name` the rule id).
///
/// A test case fails when it has a finding at level `error` that is not
/// authorized (`authorized` false, or not a change at all); its `<failure>`
/// lists the findings. Other test cases pass, with their findings in
/// `<system-out>`. Resolved findings are left out.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public static let description = "JUnit XML: one test suite per zone, one test case per rule."

    public let options: ReporterOptions

    public init(options: ReporterOptions = ReporterOptions()) {
        self.options = options
    }

    struct TestCase {
        let rule: RuleID
        var findings: [PreparedFinding] = []

        var failing: [PreparedFinding] {
            findings.filter { $0.finding.level == .error && $0.finding.authorized != true }
        }
    }

    public func render(_ report: Report) -> String {
        let prepared = PreparedReport(report)
        let timestamp = Timestamp.dateTime(report.generatedAt)
        let escape = XMLText.attribute

        var suites: [(group: ZoneGroup, cases: [TestCase])] = []
        var totalTests = 0
        var totalFailures = 0
        for group in prepared.groups {
            var byRule: [RuleID: TestCase] = [:]
            for position in group.active {
                let item = prepared.findings[position]
                byRule[item.finding.rule, default: TestCase(rule: item.finding.rule)].findings.append(item)
            }
            let cases = byRule.values.sorted { $0.rule < $1.rule }
            totalTests += cases.count
            totalFailures += cases.filter { !$0.failing.isEmpty }.count
            suites.append((group, cases))
        }

        var out = OutputBuffer(capacity: 300 * prepared.findings.count + 1024)
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        for banner in report.banners {
            // "--" may not appear inside an XML comment; the " -->" that
            // follows keeps a final "-" from touching the end marker.
            var text = XMLText.content(UnsafeCharacters.escaped(banner))
            while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "- -") }
            out.write("<!-- " + text + " -->\n")
        }
        out.write("<testsuites name=\"" + escape(report.tool.name + " " + report.command) + "\"")
        out.write(" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" skipped=\"0\"")
        out.write(" time=\"0\" timestamp=\"" + timestamp + "\">\n")
        for (group, cases) in suites {
            let failures = cases.filter { !$0.failing.isEmpty }.count
            out.write("  <testsuite name=\"" + escape(group.title) + "\"")
            out.write(" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\"")
            out.write(" time=\"0\" timestamp=\"" + timestamp + "\"")
            if cases.isEmpty && report.banners.isEmpty {
                out.write("/>\n")
                continue
            }
            out.write(">\n")
            if !report.banners.isEmpty {
                out.write("    <properties>\n")
                for banner in report.banners {
                    out.write("      <property name=\"banner\" value=\"" + escape(banner) + "\"/>\n")
                }
                out.write("    </properties>\n")
            }
            for testCase in cases {
                out.write("    <testcase classname=\"" + escape(group.title) + "\" name=\"")
                out.write(escape(testCase.rule.rawValue) + "\" time=\"0\">\n")
                let failing = testCase.failing
                if !failing.isEmpty {
                    let maxSeverity = failing.map(\.finding.severity).max() ?? .high
                    let count = failing.count
                    let message = "\(count) error-level \(count == 1 ? "finding" : "findings") not authorized"
                    out.write("      <failure message=\"" + escape(message) + "\" type=\"" + maxSeverity.rawValue + "\">")
                    out.write(XMLText.content(JUnitReporter.body(testCase.findings)))
                    out.write("</failure>\n")
                } else {
                    out.write("      <system-out>" + XMLText.content(JUnitReporter.body(testCase.findings)) + "</system-out>\n")
                }
                out.write("    </testcase>\n")
            }
            out.write("  </testsuite>\n")
        }
        out.write("</testsuites>\n")
        return out.string
    }

    /// The findings as the text format prints them, without colour.
    static func body(_ findings: [PreparedFinding]) -> String {
        var out = OutputBuffer()
        let style = TextStyle(enabled: false)
        for item in findings { TextReporter.write(item, style: style, to: &out) }
        return out.string
    }
}
