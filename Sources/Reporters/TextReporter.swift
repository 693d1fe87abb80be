import ZoneModel

/// Compiler-style lines for people and editors:
///
///     !! AUDITED AGAINST AN UNSEALED BASELINE
///     zone example.com.: source zones/example.com.zone; baseline ...
///     zones/example.com.zone:12:1: error: apex NS set changed (critical, unauthorized) [delegation.apex-ns-changed]
///         - example.com. 3600 IN NS ns1.example.net.
///         + example.com. 3600 IN NS ns1.attacker.example.
///     example.com.: 1 finding (1 critical), 1 unauthorized
///
/// Banners first, then one block per zone (findings by severity, highest
/// first), then exactly one summary line. Colour only when asked for.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public static let description = "Compiler-style lines grouped by zone, with a summary line last."

    public let options: ReporterOptions

    public init(options: ReporterOptions = ReporterOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let prepared = PreparedReport(report)
        var out = OutputBuffer(capacity: 160 * prepared.findings.count + 256)
        let style = TextStyle(enabled: options.color)

        for banner in report.banners {
            out.write(style.banner("!! " + UnsafeCharacters.escaped(banner)))
            out.newline()
        }
        if !report.banners.isEmpty { out.newline() }

        for (index, group) in prepared.groups.enumerated() {
            if index > 0 { out.newline() }
            var header = group.zone == nil ? "not in a zone" : "zone " + group.title
            if let info = group.info {
                let details = FindingText.zoneDetails(info)
                if !details.isEmpty { header += ": " + details.joined(separator: "; ") }
            }
            out.write(style.bold(header))
            out.newline()
            for position in group.active { TextReporter.write(prepared.findings[position], style: style, to: &out) }
            for position in group.resolved { TextReporter.write(prepared.findings[position], style: style, to: &out) }
        }

        if !prepared.groups.isEmpty { out.newline() }
        out.write(style.bold(TextReporter.summaryLine(prepared)))
        out.newline()
        return out.string
    }

    /// The last line: the zone's counts for a one-zone report, the overall
    /// counts (with the number of zones) otherwise.
    static func summaryLine(_ prepared: PreparedReport) -> String {
        if prepared.groups.isEmpty { return FindingText.counts(prepared.summary) }
        if prepared.groups.count == 1, let group = prepared.groups.first {
            return group.title + ": " + FindingText.counts(prepared.summary)
        }
        let zones = prepared.groups.filter { $0.zone != nil }.count
        return "total (\(zones) \(zones == 1 ? "zone" : "zones")): " + FindingText.counts(prepared.summary)
    }

    /// One finding: its line and, for changes, its records. Resolved findings
    /// print as notes so that editors and CI matchers do not count them.
    static func write(_ item: PreparedFinding, style: TextStyle, to out: inout OutputBuffer) {
        let finding = item.finding
        let level: DiagnosticLevel = item.isResolved ? .note : finding.level
        if let place = FindingText.place(of: finding) {
            out.write(style.bold(place + ":"))
            out.write(UInt8(ascii: " "))
        }
        out.write(style.level(level, level.rawValue + ":"))
        out.write(UInt8(ascii: " "))
        if item.isResolved { out.write("resolved: ") }
        out.write(UnsafeCharacters.escaped(finding.message))
        var words = FindingText.status(of: finding, state: item.state)
        if item.isResolved && finding.authorized == nil {
            words.insert(.severity(finding.severity), at: 0)
        }
        if !words.isEmpty {
            out.write(" (")
            for (index, word) in words.enumerated() {
                if index > 0 { out.write(", ") }
                out.write(style.status(word))
            }
            out.write(")")
        }
        out.write(" [")
        out.write(UnsafeCharacters.escaped(finding.rule.rawValue))
        out.write("]")
        out.newline()
        for line in RecordDiff(before: finding.before, after: finding.after).lines {
            out.write("    ")
            let text: String
            switch line.mark {
            case .context: text = "  " + line.record.displayLine
            case .removed: text = style.removed("- " + line.record.displayLine)
            case .added: text = style.added("+ " + line.record.displayLine)
            }
            out.write(text)
            out.newline()
        }
    }
}

/// ANSI SGR sequences, or nothing when colour is off.
struct TextStyle {
    let enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func banner(_ text: String) -> String { wrap(text, "1;7;31") }
    func removed(_ text: String) -> String { wrap(text, "31") }
    func added(_ text: String) -> String { wrap(text, "32") }

    func level(_ level: DiagnosticLevel, _ text: String) -> String {
        switch level {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .note: wrap(text, "1;36")
        }
    }

    func status(_ word: FindingText.StatusWord) -> String {
        switch word {
        case .unauthorized: wrap(word.text, "1;31")
        case .authorized: wrap(word.text, "32")
        case .severity(.critical): wrap(word.text, "1;31")
        case .state(.new): wrap(word.text, "1")
        default: word.text
        }
    }
}
