import ZoneModel

/// A finding with what every reporter derives from it once.
struct PreparedFinding {
    let finding: Finding
    let fingerprint: String
    /// Nil when the report keeps no history.
    let state: FindingState?

    var isResolved: Bool { state == .resolved }
}

/// A finding behind a reference, so that sorting moves and compares one
/// pointer per finding.
private final class SortEntry {
    let finding: Finding
    let index: Int

    init(_ finding: Finding, index: Int) {
        self.finding = finding
        self.index = index
    }
}

/// The findings of one zone (or of no zone), as positions in
/// `PreparedReport.findings`, in report order.
struct ZoneGroup {
    let zone: DomainName?
    let info: ZoneReport?
    /// Findings still present.
    var active: [Int] = []
    /// Findings of the previous run that are gone.
    var resolved: [Int] = []
    var summary = ReportSummary()

    /// The zone's name as reports print it.
    var title: String { zone?.presentation ?? "(no zone)" }
}

/// The report sorted, fingerprinted, grouped by zone and counted: the work
/// every format shares, done in O(n log n) once per render.
struct PreparedReport {
    let report: Report
    /// Every finding in `Finding.reportOrder`, resolved ones included.
    let findings: [PreparedFinding]
    /// Zones in canonical order; findings without a zone first, as in
    /// `Finding.reportOrder`.
    let groups: [ZoneGroup]
    let summary: ReportSummary

    init(_ report: Report) {
        self.report = report
        let source = report.findings
        // Sorting references instead of findings: a Finding is large, and
        // both the sort's moves and each comparison's arguments would copy it
        // (a retain and a release for every field) millions of times.
        let order = source.indices.map { SortEntry(source[$0], index: $0) }
            .sorted { Finding.reportOrder($0.finding, $1.finding) }
            .map(\.index)
        let history = report.history
        var findings: [PreparedFinding] = []
        findings.reserveCapacity(order.count)
        for index in order {
            let finding = source[index]
            let fingerprint = finding.fingerprint
            findings.append(PreparedFinding(
                finding: finding, fingerprint: fingerprint, state: history.map { $0[fingerprint] ?? .new }
            ))
        }

        var infos: [DomainName: ZoneReport] = [:]
        for zone in report.zones where infos[zone.origin] == nil { infos[zone.origin] = zone }
        var byZone: [DomainName: ZoneGroup] = [:]
        for (origin, info) in infos { byZone[origin] = ZoneGroup(zone: origin, info: info) }
        var noZone: ZoneGroup?
        var total = ReportSummary()
        if history != nil { total.enableHistory() }
        for (position, prepared) in findings.enumerated() {
            total.add(prepared.finding, state: prepared.state)
            if let zone = prepared.finding.zone {
                byZone[zone, default: ZoneGroup(zone: zone, info: nil)].append(position, prepared)
            } else {
                if noZone == nil { noZone = ZoneGroup(zone: nil, info: nil) }
                noZone?.append(position, prepared)
            }
        }
        var groups = byZone.values.sorted { ($0.zone ?? .root) < ($1.zone ?? .root) }
        if let noZone { groups.insert(noZone, at: 0) }
        if history != nil {
            for index in groups.indices { groups[index].summary.enableHistory() }
        }
        self.findings = findings
        self.groups = groups
        summary = total
    }

    /// Findings still present, in report order.
    var active: [PreparedFinding] { findings.filter { !$0.isResolved } }
    /// Findings of the previous run that are gone, in report order.
    var resolved: [PreparedFinding] { findings.filter(\.isResolved) }

    func description(of rule: RuleID) -> String {
        report.ruleDescriptions[rule] ?? RuleDescriptions.description(of: rule)
    }
}

extension ZoneGroup {
    mutating func append(_ position: Int, _ prepared: PreparedFinding) {
        if prepared.isResolved {
            resolved.append(position)
        } else {
            active.append(position)
        }
        summary.add(prepared.finding, state: prepared.state)
    }
}
