import Foundation
import History
import RepositoryConfig
import Reporters
import ZoneModel
import ZonePolicy

/// `zoneaudit run`: the cron job. For every configured zone (or the ones
/// named, or this machine's shard): verify the baseline's seal, transfer the
/// zone from its servers, audit it against the baseline and the policy, check
/// the parent's delegation and validate DNSSEC; keep each finding's history;
/// write the reports; print one line per zone.
///
/// A zone that cannot be audited (no server answers, a file cannot be read)
/// is recorded as such and makes the run exit 2; it never reads as clean.
public struct RunJob: Sendable {
    public var config: RepositoryConfig
    /// Only these zones (empty: every configured zone).
    public var zones: [DomainName]
    public var shard: ZoneShard?
    /// Overrides the configuration's `reports.dir`.
    public var reportDirectory: String?
    /// Overrides the configuration's `history`.
    public var statePath: String?
    /// Overrides each zone's `fail-on`.
    public var failOn: Severity?
    /// Validation time for seals and signatures (nil: now).
    public var at: Date?
    public var jobs: Int

    public init(config: RepositoryConfig, zones: [DomainName] = [], shard: ZoneShard? = nil,
                reportDirectory: String? = nil, statePath: String? = nil, failOn: Severity? = nil,
                at: Date? = nil, jobs: Int = DNSSECSettings().jobs) {
        self.config = config
        self.zones = zones
        self.shard = shard
        self.reportDirectory = reportDirectory
        self.statePath = statePath
        self.failOn = failOn
        self.at = at
        self.jobs = jobs
    }

    /// What one run did, zone by zone.
    public struct Outcome: Sendable {
        public var zones: [ZoneRun]
        public var status: ExitStatus
        /// The one-line summaries, in configuration order.
        public var lines: [String] { zones.map(\.line) }
    }

    /// One zone's part of a run.
    public struct ZoneRun: Sendable {
        public var origin: DomainName
        /// Audited, unreachable or failed, with the reason.
        public var outcome: ZoneOutcome
        public var counts: HistoryCounts
        /// The worst severity among new and ongoing unauthorized findings.
        public var worst: Severity?
        public var serial: UInt32?
        public var status: ExitStatus
        public var reports: [String]
        public var line: String
    }

    /// The zones this run covers, in configuration order.
    public func selectedZones() throws(JobError) -> [ZoneConfig] {
        for name in zones where !config.zones.contains(where: { $0.origin == name }) {
            throw JobError("no zone \(name) in \(config.file)")
        }
        return config.zones.filter { zone in
            (zones.isEmpty || zones.contains(zone.origin)) && (shard?.contains(zone.origin) ?? true)
        }
    }

    public func run(now: @Sendable () -> Date = { Date() }) throws(JobError) -> Outcome {
        let selected = try selectedZones()
        let historyPath = statePath ?? config.path(config.historyPath)
        let directory = reportDirectory ?? config.path(config.reports.directory)
        try RunFiles.makeDirectory(parentOf: historyPath)
        try RunFiles.makeDirectory(directory)
        let lock = try RunLock(path: historyPath + ".lock")
        defer { withExtendedLifetime(lock) {} }

        let store: HistoryStore
        do {
            store = try HistoryStore(path: historyPath)
        } catch {
            throw JobError("\(error)")
        }
        let started = now()
        let run = try historyCall { () throws(HistoryError) in try store.beginRun(at: started) }
        var results: [ZoneRun] = []
        for zone in selected {
            results.append(try audit(zone, run: run, store: store, directory: directory, now: now))
        }
        try historyCall { () throws(HistoryError) in try store.finishRun(run, at: now()) }
        try RunFiles.writeSummary(results, run: run, started: started, finished: now(), shard: shard,
                                  to: directory + "/summary.json")
        let status = results.map(\.status).max() ?? .clean
        return Outcome(zones: results, status: status)
    }

    /// One zone: audit (trying each server in turn as the source), record,
    /// report. Only an error of the history database or the report directory
    /// stops the run; anything about the zone is that zone's outcome.
    private func audit(_ zone: ZoneConfig, run: Int64, store: HistoryStore, directory: String,
                       now: @Sendable () -> Date) throws(JobError) -> ZoneRun {
        let threshold = failOn ?? zone.failOn
        var result: JobResult?
        var outcome = ZoneOutcome.audited
        do {
            result = try auditJob(zone, cache: VerificationCache(store: store))
        } catch {
            outcome = error.isUnreachable ? .unreachable(error.message) : .failed(error.message)
        }
        let auditedAt = now()
        let findings = result?.report.findings ?? []
        let history = try historyCall { () throws(HistoryError) in
            try store.record(run: run, zone: zone.origin, outcome: outcome, findings: findings, at: auditedAt)
        }

        var report = result?.report ?? Report.make(
            command: "run", zones: [ZoneReport(origin: zone.origin, baseline: zone.baselinePath)],
            banners: [RunJob.notAudited(outcome)], findings: [], now: auditedAt)
        report.command = "run"
        report.generatedAt = auditedAt
        if outcome == .audited {
            report.findings += history.resolved
            report.history = history.states
        }
        var written: [String] = []
        for format in config.reports.formats {
            let path = directory + "/" + RunReportFiles.fileName(for: zone.origin, format: format)
            try ReportDestination(format: format, outputPath: path, colorOnTerminal: false).write(report)
            written.append(path)
        }

        let open = findings.filter { $0.authorized != true && history.states[$0.fingerprint] != .resolved }
        let counts = report.summary.history ?? HistoryCounts()
        let worst = open.map(\.severity).max()
        let status: ExitStatus = outcome != .audited ? .incomplete : ExitStatus.judging(open, failOn: threshold)
        let serial = report.zones.first?.serialAfter
        return ZoneRun(origin: zone.origin, outcome: outcome, counts: counts, worst: worst, serial: serial,
                       status: status, reports: written,
                       line: RunJob.line(zone.origin, outcome: outcome, counts: counts, worst: worst, serial: serial,
                                         status: status))
    }

    /// The audit of one zone: the first server that hands over the zone is
    /// the source, every other configured server is compared with the
    /// baseline; without servers, the zone file in the repository is audited.
    private func auditJob(_ zone: ZoneConfig, cache: VerificationCache) throws(JobError) -> JobResult {
        guard let baseline = zone.baselinePath else {
            throw JobError("\(zone.origin) has no baseline in the configuration")
        }
        var policyPath: String?
        var policy: Policy?
        switch zone.policy {
        case let .file(path)?: policyPath = zone.resolve(path)
        case let .inline(inline)?: policy = inline
        case nil: break
        }
        var read = ZoneReadOptions(origin: zone.origin).filling(from: zone)
        read.transferLimits.timeout = .seconds(zone.timeout)
        let settings = DNSSECSettings(trustAnchorFile: zone.trustAnchorsPath, at: at,
                                      expiryWarningDays: zone.expiryWarningDays, jobs: jobs)
        let sources = zone.servers.isEmpty ? [zone.filePath] : zone.servers.map { "axfr://\($0)/\(zone.origin.presentation)" }
        var failures: [String] = []
        for (index, source) in sources.enumerated() {
            var others = zone.servers
            if !zone.servers.isEmpty { others.remove(at: index) }
            let job = AuditJob(
                source: source, baselinePath: baseline, trustedKeysPath: zone.trustedKeysPath,
                requiredApprovers: zone.approvals, unsealed: zone.trustedKeysPath == nil, policyPath: policyPath,
                policy: policy, read: read, includeSignatures: zone.includeSignatures, dnssec: settings,
                anchorFromBaseline: zone.anchorFromBaseline, anchorFromParent: zone.anchorFromParent,
                parentServers: zone.parents, servers: others, failOn: failOn ?? zone.failOn,
                verificationCache: cache)
            do {
                return try job.run()
            } catch {
                guard error.isUnreachable else { throw error }
                failures.append(error.message)
            }
        }
        throw JobError(failures.joined(separator: "; "), unreachable: true)
    }

    static func notAudited(_ outcome: ZoneOutcome) -> String {
        switch outcome {
        case .audited: ""
        case let .unreachable(reason): "NOT AUDITED: no server handed over the zone: \(reason)"
        case let .failed(reason): "NOT AUDITED: \(reason)"
        }
    }

    /// `example.com.  FAIL  serial 2026112901: 1 new, 2 ongoing, 0 resolved; worst high`
    static func line(_ origin: DomainName, outcome: ZoneOutcome, counts: HistoryCounts, worst: Severity?,
                     serial: UInt32?, status: ExitStatus) -> String {
        let name = origin.presentation
        switch outcome {
        case let .unreachable(reason):
            return "\(name) UNREACHABLE: \(RunJob.firstLine(reason))"
        case let .failed(reason):
            return "\(name) NOT AUDITED: \(RunJob.firstLine(reason))"
        case .audited:
            let verdict = status == .clean ? "ok" : "FAIL"
            var text = "\(name) \(verdict)"
            if let serial { text += " serial \(serial)" }
            text += ": \(counts.new) new, \(counts.ongoing) ongoing, \(counts.resolved) resolved"
            if let worst { text += "; worst \(worst.rawValue)" }
            return text
        }
    }

    private static func firstLine(_ text: String) -> String {
        let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        return text.contains("\n") ? first + " ..." : first
    }

    private func historyCall<T>(_ body: () throws(HistoryError) -> T) throws(JobError) -> T {
        do {
            return try body()
        } catch {
            throw JobError("\(error)")
        }
    }
}
