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

    @Option(name: [.short, .long], help: ArgumentHelp("Write the dump to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("The server, as HOST[:PORT] (IPv6 in brackets).", valueName: "server"))
    var server: String

    @Argument(help: ArgumentHelp("The zone to transfer.", valueName: "zone"))
    var zone: NameArgument

    func run() throws {
        let read = ZoneReadOptions(tsigKeyFile: live.tsigKey, transferLimits: live.limits)
        let summary = try AXFRJob(server: server, zone: zone.name, read: read, outputPath: output).run()
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

    @Option(name: .long, help: ArgumentHelp("A parent zone's authoritative server, HOST[:PORT]; repeatable.", valueName: "server"))
    var parentServer: [String] = []

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a finding is at or above this severity.", valueName: "severity"))
    var failOn: Severity = .high

    @Argument(help: ArgumentHelp("The approved zone: a baseline or zone file, or axfr://HOST[:PORT]/ZONE.", valueName: "zone"))
    var zone: String

    func validate() throws {
        guard !parentServer.isEmpty else { throw ValidationError("give at least one --parent-server") }
    }

    func run() throws {
        let job = DelegationCheckJob(baseline: zone, parentServers: parentServer, read: input.readOptions, failOn: failOn)
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}
