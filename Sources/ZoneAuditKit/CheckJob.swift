import Foundation
import Reporters
import ZoneChecks
import ZoneModel
import ZoneParser

/// `zoneaudit check`: parse each file and run the semantic checks.
public struct CheckJob: Sendable {
    public var files: [String]
    public var read: ZoneReadOptions
    /// Warnings fail the check too.
    public var strict: Bool

    public init(files: [String], read: ZoneReadOptions, strict: Bool) {
        self.files = files
        self.read = read
        self.strict = strict
    }

    /// Exit 0 with no errors (and no warnings under `strict`), 1 otherwise;
    /// an unreadable file stops the job (exit 2).
    public func run() throws(JobError) -> JobResult {
        var findings: [Finding] = []
        var zones: [ZoneReport] = []
        for file in files {
            let parsed = try ZoneReader.parse(file, options: read)
            findings.append(contentsOf: parsed.findings.map { finding in
                var finding = finding
                finding.zone = finding.zone ?? parsed.origin
                return finding
            })
            // The semantic checks run on what did parse, even when some
            // records did not: an operator fixing a file wants every problem
            // at once, as kzonecheck and named-checkzone's -D runs give.
            // Not after the error cap, though: the rest of the file was never
            // read, so glue, NS or SOA defined further down would be reported
            // missing when it is not.
            // `consume`: the builder alone then holds the records and sorts them in place.
            guard !parsed.stoppedEarly,
                  let builder = (consume parsed).zoneBuilder(rrClass: read.parseOptions.defaultClass) else { continue }
            // The checks look names up: the builder indexes them on the way.
            let (zone, built) = builder.build(indexingOwners: true)
            findings.append(contentsOf: built)
            findings.append(contentsOf: ZoneChecker.check(zone: zone))
            zones.append(ZoneReport(origin: zone.origin, source: file, serialAfter: zone.soa?.serial,
                                    recordsAfter: zone.recordCount))
        }
        let failing = findings.contains { $0.level == .error || (strict && $0.level == .warning) }
        return JobResult(report: .make(command: "check", zones: zones, findings: findings),
                         status: failing ? .findings : .clean)
    }
}

/// `zoneaudit print`: the zone in canonical order, fully qualified, one
/// record a line, in the layout `ldns-read-zone` prints.
public struct PrintJob: Sendable {
    public var file: String
    public var read: ZoneReadOptions

    public init(file: String, read: ZoneReadOptions) {
        self.file = file
        self.read = read
    }

    /// The zone text, or a `JobError` listing the parse errors.
    public func run() throws(JobError) -> [UInt8] {
        let (zone, _) = try ZoneReader.readComplete(file, role: "zone", options: read)
        return ZonePrinter.presentation(of: zone)
    }
}

/// Writes zones as presentation text.
public enum ZonePrinter {
    /// Every record, one a line, SOA first then canonical order (the SOA
    /// leads so the output is itself a loadable zone file for BIND and ldns).
    public static func presentation(of zone: Zone, header: String? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(zone.recordCount * 48)
        if let header {
            for line in header.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(contentsOf: Array("; \(line)\n".utf8))
            }
        }
        let soa = zone.rrset(zone.origin, .soa)
        for record in soa?.records ?? [] {
            record.appendPresentation(to: &out)
            out.append(10)
        }
        for rrset in zone.rrsets where !(rrset.type == .soa && rrset.owner == zone.origin) {
            for record in rrset.records {
                record.appendPresentation(to: &out)
                out.append(10)
            }
        }
        return out
    }
}
