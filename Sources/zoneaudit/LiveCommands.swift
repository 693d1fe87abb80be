import ArgumentParser
import ZoneAuditKit
import ZoneModel

struct AXFRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "axfr",
        abstract: "Transfer a zone by AXFR and save it as a dump.",
        discussion: """
            The dump is written atomically and reads back to the same records. \
            A transfer that is refused, times out, is cut short, has differing \
            opening and closing SOAs, exceeds a limit or carries records outside \
            the zone is an error (exit 2) and nothing is written.
            """)

    @OptionGroup var live: LiveSourceOptions
    @OptionGroup var repository: RepositoryOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the dump to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The server, as HOST[:PORT] (IPv6 in brackets; with --zone: the zone's first configured server).", valueName: "server"))
    var server: String?

    @Argument(help: ArgumentHelp("The zone to transfer (with --zone: that zone).", valueName: "zone"))
    var zoneName: NameArgument?

    func run() throws {
        let zone = try repository.configuredZone()
        let read = ZoneReadOptions(tsigKeyFile: live.tsigKey, transferLimits: live.limits(for: zone)).filling(from: zone)
        let summary = try AXFRJob(server: try repository.required(server, zone?.servers.first, "server"),
                                  zone: try repository.required(zoneName?.name, zone?.origin, "zone name"),
                                  read: read, outputPath: output).run()
        Console.error("zoneaudit: \(summary)\n")
    }
}

struct DelegationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delegation",
        abstract: "Check the delegation as the parent publishes it.",
        subcommands: [DelegationCheckCommand.self])
}

struct DelegationCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare the parent's NS, glue and DS with the approved zone.",
        discussion: """
            Asks each parent server, non-recursively over TCP, for the zone's \
            referral and DS, and compares them with the zone's apex NS, the \
            addresses of its in-zone name servers and its DNSKEY set.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("A parent zone's authoritative server, HOST[:PORT]; repeatable (with --zone: default the zone's parents).", valueName: "server"))
    var parentServer: [String] = []

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a finding is at or above this severity (default: high, or the zone's fail-on).", valueName: "severity"))
    var failOn: Severity?

    @Argument(help: ArgumentHelp("The approved zone: a baseline or zone file, or axfr://HOST[:PORT]/ZONE (with --zone: the configured baseline, else the zone file).", valueName: "zone"))
    var source: String?

    func validate() throws {
        guard !parentServer.isEmpty || repository.zone != nil else { throw ValidationError("give at least one --parent-server") }
    }

    func run() throws {
        let zone = try repository.configuredZone()
        let parents = parentServer.isEmpty ? zone?.parents ?? [] : parentServer
        guard !parents.isEmpty else { throw JobError("the configuration gives no parents for \(zone?.origin.presentation ?? "the zone"); give --parent-server") }
        let job = DelegationCheckJob(baseline: try repository.required(source, zone?.baselinePath ?? zone?.filePath, "zone"),
                                     parentServers: parents, read: input.readOptions(for: zone),
                                     failOn: failOn ?? zone?.failOn ?? .high)
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}
