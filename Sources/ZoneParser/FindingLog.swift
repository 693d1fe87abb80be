import ZoneModel

/// Collects findings for one run and enforces the caps: after `maxErrors`
/// errors the run stops with `syntax.too-many-errors`; warnings past
/// `maxWarnings` are counted and summarised by one final finding.
struct FindingLog {
    private(set) var findings: [Finding] = []
    private(set) var errorCount = 0
    private var warningCount = 0
    private var suppressedWarnings = 0
    private let maxErrors: Int
    private let maxWarnings: Int
    /// Set once the error cap is reached: the run must stop.
    private(set) var capReached = false
    let zone: DomainName?

    init(maxErrors: Int, maxWarnings: Int, zone: DomainName?) {
        self.maxErrors = max(1, maxErrors)
        self.maxWarnings = max(0, maxWarnings)
        self.zone = zone
    }

    mutating func add(
        _ rule: RuleID, _ severity: Severity, _ message: String, at location: SourceLocation?,
        owner: DomainName? = nil, type: RRType? = nil
    ) {
        guard !capReached else { return }
        let finding = Finding(
            rule: rule, severity: severity, message: message, zone: zone, owner: owner, type: type,
            location: location)
        if severity.level == .error {
            findings.append(finding)
            errorCount += 1
            if errorCount >= maxErrors {
                capReached = true
                findings.append(Finding(
                    rule: "syntax.too-many-errors", severity: .high,
                    message: "stopped after \(errorCount) errors (maxErrors \(maxErrors)); the rest of the input was not read",
                    zone: zone, location: location))
            }
        } else if warningCount < maxWarnings {
            warningCount += 1
            findings.append(finding)
        } else {
            suppressedWarnings += 1
        }
    }

    /// True when `absorb(other)` would stay below the error cap.
    func canAbsorb(_ other: FindingLog) -> Bool { errorCount + other.errorCount < maxErrors }

    /// Adds what another log of the same run collected later (a region of a
    /// parallel parse) as if it had been added here, its locations in `file`
    /// moved down by `lines` (the region numbered its lines from 1). The
    /// caller makes sure that the two together stay below the error cap.
    mutating func absorb(_ other: FindingLog, shiftingLinesOf file: String, by lines: UInt32) {
        precondition(errorCount + other.errorCount < maxErrors, "absorbing would reach the error cap")
        for var finding in other.findings {
            finding.location = finding.location?.shifted(ifIn: file, by: lines)
            if finding.severity.level == .error {
                findings.append(finding)
                errorCount += 1
            } else if warningCount < maxWarnings {
                warningCount += 1
                findings.append(finding)
            } else {
                suppressedWarnings += 1
            }
        }
        suppressedWarnings += other.suppressedWarnings
    }

    /// Appends the summary of suppressed warnings, if any; call once at the end.
    mutating func finish() {
        guard suppressedWarnings > 0 else { return }
        findings.append(Finding(
            rule: "syntax.too-many-warnings", severity: .low,
            message: "\(suppressedWarnings) more warnings were not reported (maxWarnings \(maxWarnings))",
            zone: zone))
        suppressedWarnings = 0
    }

    /// Adds a finding that is not subject to the caps (the transfer verdict).
    mutating func addFinal(_ finding: Finding) {
        findings.append(finding)
    }
}
