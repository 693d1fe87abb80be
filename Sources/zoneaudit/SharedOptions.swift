import ArgumentParser
import RepositoryConfig
import Reporters
import ZoneAuditKit
import ZoneModel
import Transfer
import ZoneParser

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

extension ZoneTextFormat: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "auto": self = .auto
        case "zone", "master", "master-file": self = .masterFile
        case "axfr", "dump", "axfr-dump": self = .axfrDump
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["auto", "zone", "axfr"] }
}

/// A domain name on the command line (made absolute when no dot ends it).
struct NameArgument: ExpressibleByArgument, Sendable {
    let name: DomainName

    init?(argument: String) {
        let text = argument.hasSuffix(".") ? argument : argument + "."
        guard let name = try? DomainName(text) else { return nil }
        self.name = name
    }
}

/// How zone files are read: shared by every command that takes a zone.
struct ZoneInputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The zone's origin, when the file does not start with an SOA or $ORIGIN.", valueName: "name"))
    var origin: NameArgument?

    @Option(name: .long, help: ArgumentHelp("Let $INCLUDE read files below this directory (default: the zone file's directory).", valueName: "dir"))
    var includeRoot: String?

    @Option(name: .long, help: ArgumentHelp("Stop after this many syntax errors.", valueName: "n"))
    var maxErrors: Int = 100

    @Option(name: .customLong("input-format"), help: ArgumentHelp("What the files hold: zone (master file), axfr (a transfer dump), or auto.", valueName: "kind"))
    var inputFormat: ZoneTextFormat = .auto

    @OptionGroup var live: LiveSourceOptions

    func validate() throws {
        guard maxErrors >= 1 else { throw ValidationError("--max-errors must be at least 1") }
    }

    var readOptions: ZoneReadOptions { readOptions(for: nil) }

    /// The read options, with what the command line leaves unset taken from
    /// the zone's configuration entry (`--zone`).
    func readOptions(for zone: ZoneConfig?) -> ZoneReadOptions {
        ZoneReadOptions(origin: origin?.name, includeRoot: includeRoot, maxErrors: maxErrors, format: inputFormat,
                        tsigKeyFile: live.tsigKey, transferLimits: live.limits(for: zone))
            .filling(from: zone)
    }
}

/// `--config FILE --zone NAME`: take what the command needs from `zoneaudit.yml`.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The repository configuration (default: zoneaudit.yml in this directory or above).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Take the files, keys, servers and settings this command needs from this zone's entry in the configuration; options given on the command line win.", valueName: "name"))
    var zone: NameArgument?

    /// The configured zone; nil without `--zone`.
    func configuredZone() throws -> ZoneConfig? {
        guard let zone else { return nil }
        return try ConfiguredZones.zone(zone.name, config: config)
    }

    /// A value the command needs: from the command line, else from the
    /// configured zone, else a usage error naming both ways to give it.
    func required<Value>(_ given: Value?, _ configured: Value?, _ what: String) throws -> Value {
        if let given { return given }
        if let configured { return configured }
        if let zone {
            throw JobError("the configuration gives no \(what) for \(zone.name); give it on the command line")
        }
        throw ValidationError("give the \(what), or --zone NAME to take it from the configuration")
    }
}

/// How live sources (`axfr://HOST[:PORT]/ZONE`, servers) are reached.
struct LiveSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("TSIG key file in BIND syntax (key \"name\" { algorithm ...; secret ...; };).", valueName: "file"))
    var tsigKey: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a connection or a read (default 30).", valueName: "seconds"))
    var timeout: Int?

    @Option(name: .long, help: ArgumentHelp("A transfer with more records is refused.", valueName: "n"))
    var maxRecords: Int = 10_000_000

    @Option(name: .long, help: ArgumentHelp("A transfer with more octets is refused.", valueName: "n"))
    var maxBytes: Int = 1 << 30

    func validate() throws {
        guard (timeout ?? 30) >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
        guard maxRecords >= 1, maxBytes >= 512 else { throw ValidationError("--max-records and --max-bytes must be positive") }
    }

    var limits: TransferLimits { limits(for: nil) }

    /// The limits, with the configured zone's timeout when none is given.
    func limits(for zone: ZoneConfig?) -> TransferLimits {
        TransferLimits(timeout: .seconds(timeout ?? zone?.timeout ?? 30), maxRecords: maxRecords, maxBytes: maxBytes)
    }
}

/// Where the report goes and in which format.
struct ReportOutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Report format: text, json, sarif, markdown or junit.", valueName: "format"))
    var format: ReportFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "No ANSI colour, even on a terminal.")
    var noColor = false

    var destination: ReportDestination {
        ReportDestination(format: format, outputPath: output, colorOnTerminal: !noColor)
    }
}

/// Runs a job and turns its outcome into the process's exit status.
enum JobRunner {
    static func finish(_ result: JobResult, to destination: ReportDestination) throws {
        try destination.write(result.report)
        if let figures = result.figures, destination.format == .text {
            Console.error("zoneaudit: \(figures)\n")
        }
        if result.status != .clean {
            throw ExitCode(result.status.rawValue)
        }
    }
}
