import ZoneModel

/// Counts over a set of findings, resolved ones left out. The CLI decides its
/// exit status from `maxSeverity` (`fails(at:)`).
public struct ReportSummary: Sendable, Equatable {
    /// Findings still present.
    public private(set) var findings = 0
    public private(set) var bySeverity: [Severity: Int] = [:]
    public private(set) var byLevel: [DiagnosticLevel: Int] = [:]
    /// Changes a policy allowed (`authorized == true`).
    public private(set) var authorized = 0
    /// Changes no policy allowed (`authorized == false`). Findings that are
    /// not changes (`authorized == nil`) count as neither.
    public private(set) var unauthorized = 0
    /// The highest severity among the findings still present; nil when none.
    public private(set) var maxSeverity: Severity?
    /// History counts; nil when the report keeps no history.
    public private(set) var history: HistoryCounts?

    public init() {}

    /// Adds one finding. Resolved findings only count in `history`.
    mutating func add(_ finding: Finding, state: FindingState?) {
        if let state {
            var counts = history ?? HistoryCounts()
            switch state {
            case .new: counts.new += 1
            case .ongoing: counts.ongoing += 1
            case .resolved: counts.resolved += 1
            }
            history = counts
            if state == .resolved { return }
        }
        findings += 1
        bySeverity[finding.severity, default: 0] += 1
        byLevel[finding.level, default: 0] += 1
        switch finding.authorized {
        case true?: authorized += 1
        case false?: unauthorized += 1
        case nil: break
        }
        if maxSeverity.map({ finding.severity > $0 }) ?? true { maxSeverity = finding.severity }
    }

    /// Marks the summary as one of a report with history, even with no findings.
    mutating func enableHistory() {
        if history == nil { history = HistoryCounts() }
    }

    public func count(_ severity: Severity) -> Int { bySeverity[severity] ?? 0 }
    public func count(_ level: DiagnosticLevel) -> Int { byLevel[level] ?? 0 }

    /// True when a finding at or above `threshold` is present: `--fail-on`.
    public func fails(at threshold: Severity) -> Bool {
        maxSeverity.map { $0 >= threshold } ?? false
    }
}

public struct HistoryCounts: Sendable, Equatable {
    public var new = 0
    public var ongoing = 0
    public var resolved = 0
    public init(new: Int = 0, ongoing: Int = 0, resolved: Int = 0) {
        self.new = new
        self.ongoing = ongoing
        self.resolved = resolved
    }
}
