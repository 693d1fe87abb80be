import ArgumentParser
import Baseline
import Foundation
import ZoneAuditKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Make approver keys, seal approved baselines, verify seals.",
        subcommands: [KeygenCommand.self, SealCommand.self, SealVerifyCommand.self])
}

/// `--at TIME` as an argument.
struct TimeArgument: ExpressibleByArgument, Sendable {
    let date: Date
    init?(argument: String) {
        guard let date = ValidationTime.parse(argument) else { return nil }
        self.date = date
    }
}

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate an approver key pair (BIND key-file format, private half mode 0600).")

    @Option(name: .long, help: ArgumentHelp("ECDSAP256SHA256, ED25519 or RSASHA256.", valueName: "algorithm"))
    var algorithm: String = "ED25519"

    @Option(name: .long, help: ArgumentHelp("Directory to write the key files into.", valueName: "dir"))
    var directory: String = "."

    @Argument(help: ArgumentHelp("The approver's key name, e.g. alice.approvers.example.org.", valueName: "name"))
    var name: NameArgument

    func run() throws {
        let written = try KeygenJob(algorithm: algorithm, owner: name.name, directory: directory).run()
        Console.output(written + "\n")
    }
}

struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Canonicalize a zone into a baseline and seal it with approver keys.",
        discussion: """
            Writes BASELINE (the zone in canonical presentation form) and \
            BASELINE.seal (a ZONEMD over it and one RRSIG per approver), both \
            atomically. An existing baseline is replaced only with --force.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("An approver key (.key, .private or their base name); repeatable.", valueName: "keyfile"))
    var key: [String] = []

    @Option(name: .long, help: ArgumentHelp("How long the seal is valid: N seconds or Nm, Nh, Nd, Nw, Ny (default 180d).", valueName: "duration"))
    var validity: String = "180d"

    @Option(name: [.short, .long], help: ArgumentHelp("The baseline to write (default: the zone's configured baseline with --zone, else ZONE.baseline).", valueName: "baseline"))
    var output: String?

    @Flag(name: .long, help: "Replace an existing baseline and seal.")
    var force = false

    @Argument(help: ArgumentHelp("The approved zone file (with --zone: the configured zone file).", valueName: "zone"))
    var zoneFile: String?

    func validate() throws {
        guard !key.isEmpty else { throw ValidationError("give at least one --key") }
        guard SealValidity.parse(validity) != nil else { throw ValidationError("bad --validity \(validity): use N, Ns, Nm, Nh, Nd, Nw or Ny") }
    }

    func run() throws {
        let zone = try repository.configuredZone()
        let job = SealJob(zoneFile: try repository.required(zoneFile, zone?.filePath, "zone file"), keyFiles: key,
                          validity: SealValidity.parse(validity)!,
                          outputPath: output ?? zone?.baselinePath, force: force, read: input.readOptions(for: zone))
        let (summary, warnings) = try job.run()
        for warning in warnings { Console.error("zoneaudit: warning: \(warning.message) [\(warning.rule)]\n") }
        Console.output(summary + "\n")
    }
}

struct SealVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a baseline's seal against the trusted approver keys.",
        discussion: "Exit 0 only when the seal holds: digest, signatures by trusted keys, validity windows, and --require approvers.")

    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("The approvers' DNSKEY records, in zone syntax.", valueName: "file"))
    var trustedKeys: String?

    @Option(name: .long, help: ArgumentHelp("Distinct trusted approvers required (two-person rule: 2; default 1, or the zone's approvals).", valueName: "n"))
    var require: Int?

    @Option(name: .long, help: ArgumentHelp("Judge validity as of this time: YYYYMMDDHHMMSS (UTC) or RFC 3339.", valueName: "time"))
    var at: TimeArgument?

    @Argument(help: ArgumentHelp("The baseline; its seal is BASELINE.seal (with --zone: the configured baseline).", valueName: "baseline"))
    var baseline: String?

    func validate() throws {
        guard (require ?? 1) >= 1 else { throw ValidationError("--require must be at least 1") }
    }

    func run() throws {
        let zone = try repository.configuredZone()
        let job = SealVerifyJob(baselinePath: try repository.required(baseline, zone?.baselinePath, "baseline"),
                                trustedKeysPath: try repository.required(trustedKeys, zone?.trustedKeysPath, "trusted keys (--trusted-keys)"),
                                require: require ?? zone?.approvals ?? 1, at: at?.date)
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}
