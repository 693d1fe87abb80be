import ArgumentParser
import DNSSEC
import RepositoryConfig
import ZoneAuditKit

struct DNSSECCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnssec",
        abstract: "Validate a zone's DNSSEC chain with ldns.",
        subcommands: [DNSSECVerifyCommand.self])
}

/// DNSSEC options shared by `dnssec verify` and `audit`.
struct DNSSECArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("DS or DNSKEY records (zone syntax) that anchor the zone's keys.", valueName: "file"))
    var trustAnchor: String?

    @Option(name: .long, help: ArgumentHelp("Validate as of this time: YYYYMMDDHHMMSS (UTC) or RFC 3339.", valueName: "time"))
    var at: TimeArgument?

    @Option(name: .long, help: ArgumentHelp("Warn about signatures expiring within this many days (default 7, or the zone's expiry-warning).", valueName: "days"))
    var expiryWarning: Int?

    @Option(name: .long, help: ArgumentHelp("Threads for parsing and signature verification (default: all cores).", valueName: "n"))
    var jobs: Int = DNSSECOptions.defaultJobs

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (expiryWarning ?? 0) >= 0 else { throw ValidationError("--expiry-warning cannot be negative") }
    }

    var settings: DNSSECSettings { settings(for: nil) }

    /// The settings, with the configured zone's trust anchors and expiry
    /// warning where the command line gives none.
    func settings(for zone: ZoneConfig?) -> DNSSECSettings {
        DNSSECSettings(trustAnchorFile: trustAnchor ?? zone?.trustAnchorsPath, at: at?.date,
                       expiryWarningDays: expiryWarning ?? zone?.expiryWarningDays ?? 7, jobs: jobs)
    }
}

struct DNSSECVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check trust anchor -> DNSKEY -> RRSIG, NSEC/NSEC3 chains, ZONEMD and signature lifetimes.",
        discussion: """
            The cryptography goes through ldns; the zone walk, the time checks \
            (RFC 4034 serial arithmetic, right after 2038) and the chains are \
            zoneaudit's own. Exit 0: valid; 1: a validation failure; 2: the zone \
            or the anchor file could not be read.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var dnssec: DNSSECArguments
    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Check only the ZONEMD digest (signed zone or not).")
    var zonemdOnly = false

    @Option(name: .long, help: ArgumentHelp(
        "Verification cache (SQLite, created if absent): signatures it holds are not verified again; new ones are added.",
        valueName: "file"))
    var cache: String?

    @Argument(help: ArgumentHelp("A zone file, an AXFR dump, or axfr://HOST[:PORT]/ZONE (with --zone: the configured zone file).", valueName: "zone"))
    var source: String?

    func run() throws {
        let zone = try repository.configuredZone()
        let job = DNSSECVerifyJob(source: try repository.required(source, zone?.filePath, "zone"),
                                  read: input.readOptions(for: zone), settings: dnssec.settings(for: zone), zonemdOnly: zonemdOnly,
                                  cacheFile: cache)
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}
