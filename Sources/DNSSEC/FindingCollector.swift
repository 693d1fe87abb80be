import ZoneModel

/// Gathers findings with a per-rule cap. Collectors made for parts of the
/// zone merge in zone order, so the listed findings never depend on how the
/// work was split.
struct FindingCollector: Sendable {
    let zone: DomainName
    let limit: Int
    private(set) var findings: [Finding] = []
    /// Findings per rule, listed or not.
    private(set) var counts: [RuleID: Int] = [:]
    /// Findings per rule kept in `findings`.
    private var listed: [RuleID: Int] = [:]

    init(zone: DomainName, limit: Int) {
        self.zone = zone
        self.limit = max(1, limit)
    }

    mutating func add(
        _ rule: DNSSECRule, _ message: String, owner: DomainName? = nil, type: RRType? = nil,
        records: [Record] = [], location: SourceLocation? = nil, severity: Severity? = nil
    ) {
        counts[rule.id, default: 0] += 1
        guard listed[rule.id, default: 0] < limit else { return }
        listed[rule.id, default: 0] += 1
        findings.append(Finding(
            rule: rule.id, severity: severity ?? rule.severity, message: message, zone: zone,
            owner: owner, type: type, after: records,
            location: location ?? records.lazy.compactMap(\.location).min()))
    }

    /// Appends `other`'s findings after this collector's.
    mutating func merge(_ other: FindingCollector) {
        for finding in other.findings where listed[finding.rule, default: 0] < limit {
            listed[finding.rule, default: 0] += 1
            findings.append(finding)
        }
        for (rule, count) in other.counts { counts[rule, default: 0] += count }
    }

    func count(_ rule: DNSSECRule) -> Int { counts[rule.id, default: 0] }

    /// The findings in report order, with a note for every rule that hit the cap.
    func finish() -> [Finding] {
        var result = findings
        for (rule, count) in counts.sorted(by: { $0.key < $1.key }) {
            let shown = listed[rule, default: 0]
            guard count > shown else { continue }
            result.append(Finding(
                rule: DNSSECRule.findingsTruncated.id, severity: .info,
                message: "\(count - shown) more \(rule) findings not listed (\(count) in all)", zone: zone))
        }
        return result.sorted(by: Finding.reportOrder)
    }
}
