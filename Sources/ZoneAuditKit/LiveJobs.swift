import Foundation
import Reporters
import Transfer
import ZoneModel

/// `zoneaudit axfr`: transfer a zone and save it as a dump the parser reads
/// back to the same records.
public struct AXFRJob: Sendable {
    public var server: String
    public var zone: DomainName
    public var read: ZoneReadOptions
    /// Nil: write the dump to standard output.
    public var outputPath: String?

    public init(server: String, zone: DomainName, read: ZoneReadOptions, outputPath: String?) {
        self.server = server
        self.zone = zone
        self.read = read
        self.outputPath = outputPath
    }

    /// Returns a one-line account of the transfer (for standard error).
    public func run() throws(JobError) -> String {
        let address = try ServerAddress.option(server, role: "server")
        let key = try read.tsigKey()
        let transfer: ZoneTransfer
        do {
            transfer = try AXFRClient.transfer(zone: zone, from: address, tsig: key, limits: read.transferLimits)
        } catch {
            throw JobError("\(error)")
        }
        if let outputPath, outputPath != "-" {
            do {
                try ZoneDump.write(transfer, to: outputPath)
            } catch {
                throw JobError("\(error)")
            }
        } else {
            Console.output(bytes: ZoneDump.text(of: transfer))
        }
        let signed = transfer.tsigKeyName.map { ", every message verified with TSIG key \($0)" } ?? ", unsigned"
        return "\(transfer.sourceName): serial \(transfer.serial), \(transfer.records.count) records in \(transfer.messageCount) messages\(signed)"
    }
}

/// `zoneaudit delegation check`: what the parent delegates, against the
/// approved zone's apex NS, glue and DNSKEY set.
public struct DelegationCheckJob: Sendable {
    /// The approved zone (a baseline file, a zone file or a live source).
    public var baseline: String
    public var parentServers: [String]
    public var read: ZoneReadOptions
    public var failOn: Severity

    public init(baseline: String, parentServers: [String], read: ZoneReadOptions, failOn: Severity) {
        self.baseline = baseline
        self.parentServers = parentServers
        self.read = read
        self.failOn = failOn
    }

    public func run() throws(JobError) -> JobResult {
        let servers = try parentServers.map { (server) throws(JobError) in
            try ServerAddress.option(server, role: "parent server")
        }
        let (zone, _) = try ZoneReader.readComplete(baseline, role: "baseline", options: read)
        let check: DelegationCheck
        do {
            // The TSIG key is for an axfr:// baseline (the zone's transfer
            // key): the parent's servers do not know it and refuse queries
            // signed with it, so they are asked unsigned.
            check = try DelegationChecker.check(
                baseline: DelegationBaseline(zone: zone), parentServers: servers,
                tsig: nil, timeout: read.transferLimits.timeout)
        } catch {
            throw JobError("\(error)")
        }
        let report = Report.make(
            command: "delegation-check",
            zones: [ZoneReport(origin: zone.origin, source: parentServers.joined(separator: ", "), baseline: baseline,
                               serialBefore: zone.soa?.serial)],
            findings: check.findings)
        return JobResult(report: report, status: ExitStatus.judging(check.findings, failOn: failOn))
    }
}

extension ExitStatus {
    /// 1 when a finding is at or above `failOn` (authorized changes never
    /// count: they are reported at info), else 0.
    public static func judging(_ findings: [Finding], failOn: Severity) -> ExitStatus {
        findings.contains { $0.severity >= failOn && $0.authorized != true } ? .findings : .clean
    }
}

extension ServerAddress {
    /// A `HOST[:PORT]` given on the command line; a bad one stops the job (exit 2).
    static func option(_ text: String, role: String) throws(JobError) -> ServerAddress {
        do {
            return try ServerAddress(parsing: text)
        } catch {
            throw JobError("bad \(role) \(text): \(error)")
        }
    }
}
