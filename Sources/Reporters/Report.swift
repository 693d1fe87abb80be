import Foundation
import ZoneModel

/// Everything one command run has to say, in the form every reporter renders.
///
/// The caller fills it; reporters only read it. Nothing in here reads the
/// clock or the environment: `generatedAt` and the tool version are passed
/// in, so the same report renders to the same bytes.
public struct Report: Sendable {
    public var tool: ToolInfo
    /// The command that produced the report: `check`, `diff`, `audit`,
    /// `dnssec-verify`, `baseline-verify`, `run`, ...
    public var command: String
    public var generatedAt: Date
    /// One entry per zone looked at, including zones without findings.
    public var zones: [ZoneReport]
    /// Warnings about the report as a whole (for example "AUDITED AGAINST AN
    /// UNSEALED BASELINE"); every format shows them first.
    public var banners: [String]
    /// The findings, in any order: reporters sort them with `Finding.reportOrder`.
    /// For a cron run this also holds the findings of the previous run that
    /// are gone now, marked `.resolved` in `history`.
    public var findings: [Finding]
    /// For runs that compare with a previous run (cron): the state of each
    /// finding, keyed by `Finding.fingerprint`. A finding whose fingerprint is
    /// missing counts as `.new`. Nil when the run keeps no history.
    public var history: [String: FindingState]?
    /// One-line descriptions of rule ids, for SARIF rule metadata. Rules not
    /// listed fall back to `RuleDescriptions.description(of:)`.
    public var ruleDescriptions: [RuleID: String]

    public init(
        tool: ToolInfo, command: String, generatedAt: Date,
        zones: [ZoneReport] = [], banners: [String] = [], findings: [Finding] = [],
        history: [String: FindingState]? = nil, ruleDescriptions: [RuleID: String] = [:]
    ) {
        self.tool = tool
        self.command = command
        self.generatedAt = generatedAt
        self.zones = zones
        self.banners = banners
        self.findings = findings
        self.history = history
        self.ruleDescriptions = ruleDescriptions
    }

    /// Counts over the findings that are still present (resolved ones left
    /// out). The CLI's exit status: `summary.fails(at: failOn)`.
    public var summary: ReportSummary { summarize { _ in true } }

    /// The same counts for one zone (nil: findings that belong to no zone).
    public func summary(for zone: DomainName?) -> ReportSummary {
        summarize { $0.zone == zone }
    }

    private func summarize(_ include: (Finding) -> Bool) -> ReportSummary {
        var summary = ReportSummary()
        if history != nil { summary.enableHistory() }
        for finding in findings where include(finding) {
            summary.add(finding, state: history.map { $0[finding.fingerprint] ?? .new })
        }
        return summary
    }
}

/// The program that made the report.
public struct ToolInfo: Sendable, Equatable {
    public var name: String
    public var version: String
    /// An absolute URI with information about the tool (SARIF
    /// `tool.driver.informationUri`); left out of SARIF when nil.
    public var informationURI: String?

    public init(name: String = "zoneaudit", version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}

/// Where a finding stands compared with the previous run.
public enum FindingState: String, Sendable, CaseIterable, Codable {
    /// Not in the previous run.
    case new
    /// Also in the previous run.
    case ongoing
    /// In the previous run, gone now. Not counted in summaries or exit status.
    case resolved
}
