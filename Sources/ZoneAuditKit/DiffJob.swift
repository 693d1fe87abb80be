import Foundation
import Reporters
import ZoneDiff
import ZoneModel

/// `zoneaudit diff`: the RRset diff, delegation findings and hijack signals
/// between two versions of a zone, with no policy (every change counts).
public struct DiffJob: Sendable {
    public var old: String
    public var new: String
    public var read: ZoneReadOptions
    public var includeSignatures: Bool
    public var failOn: Severity

    public init(old: String, new: String, read: ZoneReadOptions, includeSignatures: Bool, failOn: Severity) {
        self.old = old
        self.new = new
        self.read = read
        self.includeSignatures = includeSignatures
        self.failOn = failOn
    }

    public func run() throws(JobError) -> JobResult {
        let (before, _) = try ZoneReader.readComplete(old, role: "old zone", options: read)
        var currentRead = read
        currentRead.origin = read.origin ?? before.origin
        let (after, _) = try ZoneReader.readComplete(new, role: "new zone", options: currentRead)
        guard before.origin == after.origin else {
            throw JobError("\(old) is the zone \(before.origin) but \(new) is \(after.origin)")
        }
        let result = ZoneDiffer.diff(baseline: before, current: after, options: DiffOptions(includeSignatures: includeSignatures))
        let report = Report.make(
            command: "diff",
            zones: [ZoneReport(origin: after.origin, source: new, baseline: old, serialBefore: before.soa?.serial,
                               serialAfter: after.soa?.serial, recordsBefore: before.recordCount, recordsAfter: after.recordCount)],
            findings: result.findings)
        return JobResult(report: report, status: .judging(result.findings, failOn: failOn))
    }
}
