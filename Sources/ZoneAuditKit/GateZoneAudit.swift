import Baseline
import DNSSEC
import Foundation
import Reporters
import RepositoryConfig
import ZoneChecks
import ZoneDiff
import ZoneModel
import ZonePolicy

/// What the gate concluded about one zone.
struct GateZoneVerdict: Sendable {
    var findings: [Finding]
    var report: ZoneReport
    var banners: [String]
    /// A check or DNSSEC error, or an unapproved change at or above the threshold.
    var fails: Bool
}

/// The gate's judgement of one zone: `check` and DNSSEC on the head version,
/// the diff against the base version under the base policy, and, for
/// changes the policy does not allow, the head baseline's seal checked with
/// the base revision's trusted keys.
struct GateZoneAudit {
    /// The zone's entry in the base configuration, paths resolved in the head tree.
    let head: ZoneConfig
    /// The same entry, paths resolved in the base tree (policy, keys, anchors).
    let base: ZoneConfig
    let headTree: GateTree
    let baseTree: GateTree
    let failOn: Severity
    let at: Date?
    /// Whether the change touches the baseline or its seal.
    let baselineChanged: Bool

    func run() throws(JobError) -> GateZoneVerdict {
        let origin = head.origin
        var findings: [Finding] = []
        var banners: [String] = []
        var report = ZoneReport(origin: origin, source: head.filePath.dropTreePrefix(headTree),
                                baseline: head.baselinePath?.dropTreePrefix(headTree))
        var fails = false

        // 1. check on the head version.
        guard let headFile = headTree.file(head.filePath.dropTreePrefix(headTree)) else {
            findings.append(Finding(
                rule: GateRule.zoneMissing, severity: .high,
                message: "the zone file \(head.file) of \(origin) is not in the head revision (deleted, or not a regular file)",
                zone: origin))
            return GateZoneVerdict(findings: findings, report: report, banners: banners, fails: true)
        }
        let read = ZoneReadOptions(origin: origin, includeRoot: head.includeRootPath, format: .masterFile)
        let parsed = try ZoneReader.parse(headFile, options: read)
        var checkFindings = parsed.findings
        var current: Zone?
        if !parsed.stoppedEarly, let builder = parsed.zoneBuilder(rrClass: .in) {
            let (zone, built) = builder.build()
            checkFindings += built
            checkFindings += ZoneChecker.check(zone: zone)
            report.serialAfter = zone.soa?.serial
            report.recordsAfter = zone.recordCount
            if !parsed.hasErrors, zone.soa != nil { current = zone }
        }
        for index in checkFindings.indices where checkFindings[index].zone == nil {
            checkFindings[index].zone = origin
        }
        if checkFindings.contains(where: { $0.level == .error }) { fails = true }
        findings += checkFindings
        guard let current else {
            banners.append("\(origin): the head version does not parse completely; it was checked but not compared")
            return GateZoneVerdict(findings: findings, report: report, banners: banners, fails: true)
        }

        // 2. DNSSEC on the head version, anchored by the base configuration.
        if current.isSigned {
            let settings = DNSSECSettings(trustAnchorFile: base.trustAnchorsPath, at: at, expiryWarningDays: head.expiryWarningDays)
            var anchors = try settings.trustAnchors()
            if base.anchorFromBaseline, let approved = try approvedBaseline() {
                anchors += approved.rrset(approved.origin, .dnskey)?.records ?? []
            }
            let dnssec = DNSSECValidator(options: settings.options(anchors: anchors)).validate(current).findings
            if dnssec.contains(where: { $0.level == .error }) { fails = true }
            findings += dnssec
        }

        // 3. The change, judged by the base policy.
        let policy: Policy?
        do {
            policy = try base.loadPolicy()
        } catch {
            throw JobError("\(error)")
        }
        let previous = baseZone(origin: origin, banners: &banners)
        report.serialBefore = previous.soa?.serial
        report.recordsBefore = previous.recordCount
        var changes = Auditor.audit(baseline: previous, current: current, policy: policy,
                                    options: DiffOptions(includeSignatures: head.includeSignatures))
        let unapproved = changes.indices.filter { changes[$0].authorized != true }
        let needsApproval = unapproved.contains { changes[$0].severity >= failOn }

        // 4. Approval: a head baseline equal to the zone, sealed by base-trusted approvers.
        if needsApproval || baselineChanged {
            let approval = self.approval(of: current)
            report.seal = approval.sealSummary
            if let approvers = approval.approvers {
                // Reporters print "authorized by <policy>".
                let approvedBy = "the sealed baseline \(head.baseline ?? "") (\(approvers))"
                for index in unapproved {
                    changes[index].authorized = true
                    changes[index].severity = .info
                    changes[index].policy = approvedBy
                }
                if !unapproved.isEmpty {
                    banners.append("\(origin): changes the policy does not allow are approved by \(approvedBy)")
                }
            } else if needsApproval {
                fails = true
                findings.append(Finding(
                    rule: GateRule.notApproved, severity: .high,
                    message: "\(origin) has changes the policy does not allow and no approval: \(approval.reason)",
                    zone: origin, location: report.baseline.map { SourceLocation(file: $0 + ".seal", line: 1, column: 1) }))
            } else if approval.sealBroken {
                fails = true
                findings.append(Finding(
                    rule: GateRule.sealInvalid, severity: .high,
                    message: "the baseline of \(origin) changes but its seal does not hold: \(approval.reason)",
                    zone: origin, location: report.baseline.map { SourceLocation(file: $0 + ".seal", line: 1, column: 1) }))
            }
        }
        if changes.contains(where: { $0.authorized != true && $0.severity >= failOn }) { fails = true }
        findings += changes
        return GateZoneVerdict(findings: findings, report: report, banners: banners, fails: fails)
    }

    /// The base version, or an empty zone of the same origin when the base
    /// has none (a new zone: every record is an addition) or it does not
    /// parse (so nothing of it is taken as approved).
    private func baseZone(origin: DomainName, banners: inout [String]) -> Zone {
        let empty = Zone(origin: origin, sortedRRsets: [])
        guard let file = baseTree.file(base.filePath.dropTreePrefix(baseTree)) else {
            banners.append("\(origin) is new: every record is compared as an addition")
            return empty
        }
        let read = ZoneReadOptions(origin: origin, includeRoot: base.includeRootPath, format: .masterFile)
        guard let loaded = try? ZoneReader.read(file, options: read), let zone = loaded.zone, zone.soa != nil else {
            banners.append("\(origin): the base version does not parse; every record is compared as an addition")
            return empty
        }
        return zone
    }

    /// The base revision's baseline (approved before this change), if any.
    private func approvedBaseline() throws(JobError) -> Zone? {
        guard let path = base.baselinePath, let file = baseTree.file(path.dropTreePrefix(baseTree)) else { return nil }
        return try ZoneReader.readComplete(file, role: "baseline", options: ZoneReadOptions(origin: base.origin, format: .masterFile)).0
    }

    struct Approval {
        /// The approvers, when the head baseline is the zone and its seal holds.
        var approvers: String?
        var reason: String
        var sealSummary: String?
        /// The seal was there and did not hold (as opposed to: no baseline).
        var sealBroken: Bool
    }

    private func approval(of current: Zone) -> Approval {
        guard let baseline = head.baseline, let baselinePath = head.baselinePath else {
            return Approval(reason: "no baseline is configured for the zone, so nothing can approve it", sealBroken: false)
        }
        guard let file = headTree.file(baselinePath.dropTreePrefix(headTree)) else {
            return Approval(reason: "the head revision has no baseline \(baseline): seal the new zone with `zoneaudit baseline seal`",
                            sealBroken: false)
        }
        guard let keys = base.trustedKeysPath else {
            return Approval(reason: "no trusted-keys file is configured for the zone", sealBroken: true)
        }
        let verdict: SealVerdict
        do {
            verdict = try SealVerifyJob(baselinePath: file, trustedKeysPath: keys, require: base.approvals, at: at).verdict()
        } catch {
            return Approval(reason: error.message, sealBroken: true)
        }
        guard verdict.isValid, verdict.zone == current.origin else {
            let why = verdict.isValid ? "the seal is for \(verdict.zone?.presentation ?? "another zone")" : verdict.summary
            return Approval(reason: "the seal of \(baseline) does not hold against the base revision's trusted keys: \(why)",
                            sealSummary: verdict.summary, sealBroken: true)
        }
        let sealed: Zone
        do {
            sealed = try ZoneReader.readComplete(file, role: "baseline", options: ZoneReadOptions(origin: current.origin, format: .masterFile)).0
        } catch {
            return Approval(reason: error.message, sealSummary: verdict.summary, sealBroken: true)
        }
        let differences = ZoneDiffer.diff(baseline: sealed, current: current, options: DiffOptions(includeSignatures: false)).changes.count
        guard differences == 0 else {
            return Approval(reason: "the sealed baseline \(baseline) is not the zone in the head revision (\(differences) RRsets differ): "
                                + "seal this version of the zone",
                            sealSummary: verdict.summary, sealBroken: false)
        }
        let names = verdict.approvers.map(\.key.label).joined(separator: ", ")
        return Approval(approvers: names, reason: "", sealSummary: verdict.summary, sealBroken: false)
    }
}

/// The gate's own rules.
public enum GateRule {
    public static let configChanged: RuleID = "gate.config-changed"
    public static let zoneNotConfigured: RuleID = "gate.zone-not-configured"
    public static let notApproved: RuleID = "gate.not-approved"
    public static let sealInvalid: RuleID = "gate.seal-invalid"
    public static let zoneMissing: RuleID = "gate.zone-missing"
    public static let configInvalid: RuleID = "gate.config-invalid"

    static let descriptions: [RuleID: String] = [
        configChanged: "The change edits the configuration, a policy, trusted keys or trust anchors; the gate used the base revision's version.",
        zoneNotConfigured: "The head configuration lists a zone the base configuration does not; merge the configuration first.",
        notApproved: "Changes the policy does not allow, without a head baseline equal to the zone sealed by enough base-trusted approvers.",
        sealInvalid: "The change edits a baseline or seal that does not verify against the base revision's trusted keys.",
        zoneMissing: "A configured zone file is missing from the head revision.",
        configInvalid: "After the change the configuration no longer loads (or is deleted).",
    ]
}

extension String {
    /// A path inside a tree as the repository-relative path the tree's `file(_:)` takes.
    func dropTreePrefix(_ tree: GateTree) -> String {
        tree.relative(self) ?? self
    }
}
