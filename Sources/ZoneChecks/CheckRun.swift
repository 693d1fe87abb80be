import ZoneModel

/// The state of one `ZoneChecker.check` call: the findings so far, the
/// per-rule counts behind the cap, and what later checks need from the pass.
struct CheckRun {
    let zone: Zone
    let options: ZoneCheckOptions
    var lookup: ZoneLookup
    private(set) var findings: [Finding] = []
    /// For each finding, its number among the findings of its rule in this
    /// run (1 for the first): what `absorb` needs to apply the cap.
    private var ordinals: [Int] = []
    private var counts: [RuleID: Int] = [:]
    /// The zone holds A (AAAA) records somewhere: glue counts, as for BIND.
    var sawA = false
    var sawAAAA = false

    init(zone: Zone, options: ZoneCheckOptions) {
        self.init(zone: zone, options: options, lookup: ZoneLookup(zone: zone))
    }

    /// A run that shares another run's lookups (a part of a split pass).
    init(zone: Zone, options: ZoneCheckOptions, lookup: ZoneLookup) {
        self.zone = zone
        self.options = options
        self.lookup = lookup
    }

    /// Appends what a later part of the pass reported, as if this run had
    /// reported it: a finding is kept when the count of its rule so far plus
    /// its number in the part stays within the cap (the part kept every
    /// finding that can pass, since its own counts started at zero).
    mutating func absorb(_ part: CheckRun) {
        for index in part.findings.indices {
            let finding = part.findings[index]
            let ordinal = counts[finding.rule, default: 0] + part.ordinals[index]
            guard ordinal <= options.maxFindingsPerRule else { continue }
            findings.append(finding)
            ordinals.append(ordinal)
        }
        for (rule, count) in part.counts { counts[rule, default: 0] += count }
        sawA = sawA || part.sawA
        sawAAAA = sawAAAA || part.sawAAAA
    }

    func isEnabled(_ rule: ZoneCheckRule) -> Bool {
        options.levels.contains(rule.level) && !options.disabledRules.contains(rule.id)
    }

    /// Records one finding: `owner: message (info)`, as Knot prints them.
    mutating func report(
        _ rule: ZoneCheckRule, owner: DomainName?, type: RRType? = nil,
        records: @autoclosure () -> [Record] = [], location: SourceLocation?,
        info: @autoclosure () -> String? = nil
    ) {
        guard let count = counted(rule) else { return }
        append(rule, count: count, owner: owner, type: type, records: records(), location: location, info: info())
    }

    /// As `report`, about record `index` of the RRset at `position` of the
    /// node's list: the record, its location and the owner's name are made
    /// only for a finding that is kept (past its rule's cap, one is only
    /// counted; a zone can have tens of thousands of one finding).
    mutating func report(_ rule: ZoneCheckRule, node: NameNode, type: RRType, recordAt position: Int, _ index: Int,
                         info: @autoclosure () -> String? = nil) {
        guard let count = counted(rule) else { return }
        let record = node.list.record(at: position, index)
        append(rule, count: count, owner: node.name, type: type, records: [record], location: record.location, info: info())
    }

    /// Counts one finding of `rule`; its number when it is kept, nil when
    /// the rule is disabled or over its cap.
    private mutating func counted(_ rule: ZoneCheckRule) -> Int? {
        guard isEnabled(rule) else { return nil }
        let count = counts[rule.id, default: 0] + 1
        counts[rule.id] = count
        return count <= options.maxFindingsPerRule ? count : nil
    }

    private mutating func append(_ rule: ZoneCheckRule, count: Int, owner: DomainName?, type: RRType?, records: [Record],
                                 location: SourceLocation?, info: String?) {
        // Text and record copies only for findings that are kept.
        var message = owner.map { "\($0.presentation): \(rule.message)" } ?? rule.message
        if let info { message += " (\(info))" }
        findings.append(Finding(
            rule: rule.id, severity: rule.severity, message: message, zone: zone.origin,
            owner: owner, type: type, after: records, location: location))
        ordinals.append(count)
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
