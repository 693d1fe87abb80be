import ArgumentParser
import ZoneAuditKit

/// The root command: subcommands only; every job lives in ZoneAuditKit.
struct ZoneAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zoneaudit",
        abstract: "Prove a DNS zone is still what its owners approved.",
        discussion: """
            Exit status: 0 when the job completed with nothing at or above the \
            failure threshold, 1 when it found something, 2 when it could not \
            be completed (usage, unreadable input, unreachable server).
            """,
        version: ZoneAuditVersion.string,
        subcommands: CommandList.all
    )
}
