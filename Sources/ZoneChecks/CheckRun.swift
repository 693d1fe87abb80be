import ZoneModel

/// The state of one `ZoneChecker.check` call: the findings so far, the
/// per-rule counts behind the cap, and what later checks need from the pass.
struct CheckRun {
    let zone: Zone
    let options: ZoneCheckOptions
    let lookup: ZoneLookup
    private(set) var findings: [Finding] = []
    private var counts: [RuleID: Int] = [:]
    /// The zone holds A (AAAA) records somewhere: glue counts, as for BIND.
    var sawA = false
    var sawAAAA = false

    init(zone: Zone, options: ZoneCheckOptions) {
        self.zone = zone
        self.options = options
        self.lookup = ZoneLookup(zone: zone)
    }

    func isEnabled(_ rule: ZoneCheckRule) -> Bool {
        options.levels.contains(rule.level) && !options.disabledRules.contains(rule.id)
    }

    /// Records one finding: `owner: message (info)`, as Knot prints them.
    mutating func report(
        _ rule: ZoneCheckRule, owner: DomainName?, type: RRType? = nil,
        records: [Record] = [], location: SourceLocation?, info: String? = nil
    ) {
        guard isEnabled(rule) else { return }
        let count = counts[rule.id, default: 0] + 1
        counts[rule.id] = count
        guard count <= options.maxFindingsPerRule else { return }
        var message = owner.map { "\($0.presentation): \(rule.message)" } ?? rule.message
        if let info { message += " (\(info))" }
        findings.append(Finding(
            rule: rule.id, severity: rule.severity, message: message, zone: zone.origin,
            owner: owner, type: type, after: records, location: location))
    }

    /// The findings, with one note per rule that went over the cap.
    consuming func finish() -> [Finding] {
        for rule in ZoneCheckRule.all {
            guard let count = counts[rule.id], count > options.maxFindingsPerRule else { continue }
            findings.append(Finding(
                rule: ZoneCheckRule.findingsLimited.id, severity: ZoneCheckRule.findingsLimited.severity,
                message: "\(count - options.maxFindingsPerRule) more \(rule.id) findings not listed (\(count) in all)",
                zone: zone.origin))
        }
        return findings
    }
}
