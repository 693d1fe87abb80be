import ArgumentParser
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

    var readOptions: ZoneReadOptions {
        ZoneReadOptions(origin: origin?.name, includeRoot: includeRoot, maxErrors: maxErrors, format: inputFormat,
                        tsigKeyFile: live.tsigKey, transferLimits: live.limits)
    }
}

/// How live sources (`axfr://HOST[:PORT]/ZONE`, servers) are reached.
struct LiveSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("TSIG key file in BIND syntax (key \"name\" { algorithm ...; secret ...; };).", valueName: "file"))
    var tsigKey: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for a connection or a read.", valueName: "seconds"))
    var timeout: Int = 30

    @Option(name: .long, help: ArgumentHelp("A transfer with more records is refused.", valueName: "n"))
    var maxRecords: Int = 10_000_000

    @Option(name: .long, help: ArgumentHelp("A transfer with more octets is refused.", valueName: "n"))
    var maxBytes: Int = 1 << 30

    func validate() throws {
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
        guard maxRecords >= 1, maxBytes >= 512 else { throw ValidationError("--max-records and --max-bytes must be positive") }
    }

    var limits: TransferLimits {
        TransferLimits(timeout: .seconds(timeout), maxRecords: maxRecords, maxBytes: maxBytes)
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
