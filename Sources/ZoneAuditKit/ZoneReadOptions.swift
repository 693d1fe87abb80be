#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Transfer
import ZoneModel
import ZoneParser

/// How the commands read zone files and dumps: the options every command
/// that takes a zone shares.
public struct ZoneReadOptions: Sendable {
    /// The origin when the file does not name one (else: the first SOA's owner).
    public var origin: DomainName?
    /// `$INCLUDE` may read below this directory (default: the top file's directory).
    public var includeRoot: String?
    /// The parse stops after this many errors.
    public var maxErrors: Int
    /// Master file, AXFR dump, or decide from the content.
    public var format: ZoneTextFormat
    /// For `axfr://` sources: the TSIG key file (BIND syntax).
    public var tsigKeyFile: String?
    /// For `axfr://` sources: timeouts and size bounds of a transfer.
    public var transferLimits: TransferLimits
    /// Threads a large zone file is parsed on (0: all cores); the result
    /// does not depend on it.
    public var jobs: Int = 0

    public init(
        origin: DomainName? = nil, includeRoot: String? = nil, maxErrors: Int = 100, format: ZoneTextFormat = .auto,
        tsigKeyFile: String? = nil, transferLimits: TransferLimits = .default
    ) {
        self.origin = origin
        self.includeRoot = includeRoot
        self.maxErrors = maxErrors
        self.format = format
        self.tsigKeyFile = tsigKeyFile
        self.transferLimits = transferLimits
    }

    /// The TSIG key, read from its file (never from the command line).
    public func tsigKey() throws(JobError) -> TSIGKey? {
        guard let tsigKeyFile else { return nil }
        do {
            return try TSIGKeyFile.load(path: tsigKeyFile)
        } catch {
            throw JobError("\(error)")
        }
    }

    var parseOptions: ParseOptions {
        ParseOptions(origin: origin, includeRoot: includeRoot, maxErrors: maxErrors, format: format, jobs: jobs)
    }
}

/// A zone read from a file, with everything the parser and the zone builder
/// said about it. `zone` is nil when the input cannot be trusted to be the
/// whole zone (parse errors, a truncated dump, no origin).
public struct LoadedZone: Sendable {
    public var source: String
    public var zone: Zone?
    public var findings: [Finding]
}

/// Reads zone sources for the jobs.
public enum ZoneReader {
    /// Reads a zone file, a dump, or an `axfr://HOST[:PORT]/ZONE` source.
    /// An unreadable file or a failed transfer is a `JobError` (the job cannot
    /// be done); syntax errors are findings.
    public static func read(_ path: String, options: ZoneReadOptions) throws(JobError) -> LoadedZone {
        if AXFRSource.isAXFRSource(path) {
            return try transfer(path, options: options)
        }
        try requireReadable(path)
        let (zone, findings) = ZoneLoader.loadZone(path: path, options: options.parseOptions)
        return LoadedZone(source: path, zone: zone, findings: findings)
    }

    /// Parses a zone file or dump without building the zone (for `check`,
    /// which wants the records even when some failed to parse).
    public static func parse(_ path: String, options: ZoneReadOptions) throws(JobError) -> ParseResult {
        if AXFRSource.isAXFRSource(path) {
            let loaded = try transfer(path, options: options)
            return ParseResult(records: loaded.zone.map { Array($0.records) } ?? [], origin: loaded.zone?.origin,
                               format: .axfrDump, findings: loaded.findings, includedFiles: [], stoppedEarly: false)
        }
        try requireReadable(path)
        return ZoneFileParser.parse(path: path, options: options.parseOptions)
    }

    /// Reads a zone that must be complete for the job to go on (diff, audit):
    /// any parse error stops the job with every error listed.
    public static func readComplete(_ path: String, role: String, options: ZoneReadOptions) throws(JobError) -> (Zone, [Finding]) {
        let loaded = try read(path, options: options)
        guard let zone = loaded.zone else {
            let errors = loaded.findings.filter { $0.level == .error }
            let lines = errors.prefix(20).map { finding in
                "\(finding.location.map { "\($0): " } ?? "\(path): ")error: \(finding.message) [\(finding.rule)]"
            }
            let more = errors.count > 20 ? "\n... and \(errors.count - 20) more errors" : ""
            throw JobError("cannot read the \(role) \(path):\n" + lines.joined(separator: "\n") + more)
        }
        // Every complete zone has its SOA at the apex. Without one the input
        // is another zone (its records all dropped as out of zone) or a
        // fragment, and judging it would report an empty zone as if it were
        // the real one.
        guard zone.soa != nil else {
            let dropped = loaded.findings.filter { $0.rule == "zone.out-of-zone" }.count
            let why = dropped > 0 ? "; \(dropped) records outside \(zone.origin) were ignored: is it another zone?" : ""
            throw JobError("cannot read the \(role) \(path): no SOA record at \(zone.origin)\(why)")
        }
        return (zone, loaded.findings)
    }

    /// Transfers a zone; any failure (refused, timed out, cut short, TSIG) is a `JobError`.
    static func transfer(_ source: String, options: ZoneReadOptions) throws(JobError) -> LoadedZone {
        let address: AXFRSource
        do {
            address = try AXFRSource(parsing: source)
        } catch {
            throw JobError("bad source \(source): \(error)")
        }
        let key = try options.tsigKey()
        do {
            let transfer = try AXFRClient.transfer(address, tsig: key, limits: options.transferLimits)
            let (zone, findings) = transfer.buildZone()
            return LoadedZone(source: transfer.sourceName, zone: zone, findings: findings)
        } catch {
            throw JobError("\(error)", unreachable: true)
        }
    }

    static func requireReadable(_ path: String) throws(JobError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw JobError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw JobError("cannot read \(path): is a directory") }
        guard access(path, R_OK) == 0 else {
            throw JobError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
    }
}
