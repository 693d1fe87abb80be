import ZoneModel

/// A finding with what every reporter derives from it once.
struct PreparedFinding {
    let finding: Finding
    let fingerprint: String
    /// Nil when the report keeps no history.
    let state: FindingState?

    var isResolved: Bool { state == .resolved }
}

/// The findings of one zone (or of no zone), in report order.
struct ZoneGroup {
    let zone: DomainName?
    let info: ZoneReport?
    /// Findings still present, in `Finding.reportOrder`.
    var active: [PreparedFinding] = []
    /// Findings of the previous run that are gone.
    var resolved: [PreparedFinding] = []
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
        let sorted = report.findings.sorted(by: Finding.reportOrder)
        let history = report.history
        findings = sorted.map { finding in
            let fingerprint = finding.fingerprint
            let state = history.map { $0[fingerprint] ?? .new }
            return PreparedFinding(finding: finding, fingerprint: fingerprint, state: state)
        }

        var infos: [DomainName: ZoneReport] = [:]
        for zone in report.zones where infos[zone.origin] == nil { infos[zone.origin] = zone }
        var byZone: [DomainName: ZoneGroup] = [:]
        var noZone: ZoneGroup?
        var total = ReportSummary()
        if history != nil { total.enableHistory() }
        for zone in report.zones where byZone[zone.origin] == nil {
            byZone[zone.origin] = ZoneGroup(zone: zone.origin, info: zone)
        }
        for prepared in findings {
            total.add(prepared.finding, state: prepared.state)
            if let zone = prepared.finding.zone {
                byZone[zone, default: ZoneGroup(zone: zone, info: infos[zone])].append(prepared)
            } else {
                var group = noZone ?? ZoneGroup(zone: nil, info: nil)
                group.append(prepared)
                noZone = group
            }
        }
        var groups = byZone.values.sorted { ($0.zone ?? .root) < ($1.zone ?? .root) }
        if let noZone { groups.insert(noZone, at: 0) }
        if history != nil {
            for index in groups.indices { groups[index].summary.enableHistory() }
        }
        self.groups = groups
        summary = total
    }

    var active: [PreparedFinding] { findings.filter { !$0.isResolved } }
    var resolved: [PreparedFinding] { findings.filter(\.isResolved) }

    func description(of rule: RuleID) -> String {
        report.ruleDescriptions[rule] ?? RuleDescriptions.description(of: rule)
    }
}

extension ZoneGroup {
    mutating func append(_ prepared: PreparedFinding) {
        if prepared.isResolved {
            resolved.append(prepared)
        } else {
            active.append(prepared)
        }
        summary.add(prepared.finding, state: prepared.state)
    }
}
