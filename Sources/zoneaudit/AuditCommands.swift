import ArgumentParser
import RepositoryConfig
import ZoneAuditKit
import ZonePolicy
import ZoneModel

/// `--fail-on` for the commands that judge changes.
struct FailOnOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Exit 1 when an unauthorized finding is at or above this severity: critical, high, medium, low or info (default: high, or the zone's fail-on).", valueName: "severity"))
    var failOn: Severity?

    func failOn(for zone: ZoneConfig?) -> Severity { failOn ?? zone?.failOn ?? .high }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a zone: changed RRsets, delegations and hijack signals.",
        discussion: """
            No policy applies: every change is reported at its rule's severity. \
            RRSIG, NSEC and NSEC3 are left out unless --include-signatures is given.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var threshold: FailOnOption
    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Compare RRSIG, NSEC and NSEC3 too.")
    var includeSignatures = false

    @Argument(help: ArgumentHelp("The old zone (file, dump or axfr:// source; with --zone: the baseline).", valueName: "old"))
    var old: String?

    @Argument(help: ArgumentHelp("The new zone (with --zone: the zone file).", valueName: "new"))
    var new: String?

    func run() throws {
        let zone = try repository.configuredZone()
        let oldPath = try repository.required(old, zone?.baselinePath, "old zone (baseline)")
        let newPath = try repository.required(new, zone?.filePath, "new zone")
        let job = DiffJob(old: oldPath, new: newPath, read: input.readOptions(for: zone),
                          includeSignatures: includeSignatures || zone?.includeSignatures == true,
                          failOn: threshold.failOn(for: zone))
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a zone against its sealed baseline and policy: unauthorized records, delegation changes, DNSSEC.",
        discussion: """
            The baseline's seal is verified first. A seal that is missing, \
            invalid, expired or untrusted is a critical finding, and the \
            comparison that follows is labelled as made against an untrusted \
            baseline. Only --unsealed audits against a bare baseline. Exit 0: \
            nothing unauthorized at or above --fail-on; 1: something is; 2: the \
            audit could not be completed.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var report: ReportOutputOptions
    @OptionGroup var threshold: FailOnOption
    @OptionGroup var dnssec: DNSSECArguments
    @OptionGroup var repository: RepositoryOptions

    @Option(name: .long, help: ArgumentHelp("The approved baseline (its seal is BASELINE.seal).", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("The approvers' DNSKEY records, in zone syntax.", valueName: "file"))
    var trustedKeys: String?

    @Option(name: .long, help: ArgumentHelp("Distinct trusted approvers the seal needs (default 1, or the zone's approvals).", valueName: "n"))
    var require: Int?

    @Flag(name: .long, help: "Audit against a baseline without verifying a seal (the report says so at the top).")
    var unsealed = false

    @Option(name: .long, help: ArgumentHelp("The authorization policy (YAML, see zoneaudit-policy(5)).", valueName: "file"))
    var policy: String?

    @Flag(name: .long, help: "Compare RRSIG, NSEC and NSEC3 too.")
    var includeSignatures = false

    @Flag(name: .long, help: "Anchor the zone's keys in the baseline's DNSKEY set.")
    var anchorFromBaseline = false

    @Flag(name: .long, help: "Anchor the zone's keys in the DS set the parent servers publish.")
    var anchorFromParent = false

    @Option(name: .long, help: ArgumentHelp("A parent zone server to check the delegation with, HOST[:PORT]; repeatable.", valueName: "server"))
    var parentServer: [String] = []

    @Option(name: .long, help: ArgumentHelp("Another server to transfer the zone from and compare, HOST[:PORT]; repeatable.", valueName: "server"))
    var server: [String] = []

    @Argument(help: ArgumentHelp("The zone now: a zone file, an AXFR dump, or axfr://HOST[:PORT]/ZONE (with --zone: the configured zone file).", valueName: "source"))
    var source: String?

    func validate() throws {
        guard unsealed || trustedKeys != nil || repository.zone != nil else {
            throw ValidationError("give --trusted-keys to verify the baseline's seal, or --unsealed to audit against a bare baseline")
        }
        guard !(unsealed && trustedKeys != nil) else { throw ValidationError("--unsealed and --trusted-keys exclude each other") }
        guard (require ?? 1) >= 1 else { throw ValidationError("--require must be at least 1") }
    }

    func run() throws {
        let zone = try repository.configuredZone()
        // The configured servers and parents are for `zoneaudit run`: audit
        // asks no server anything unless the command line names it.
        guard !anchorFromParent || !parentServer.isEmpty else { throw ValidationError("--anchor-from-parent needs --parent-server") }
        var policyPath = policy
        var inlinePolicy: Policy?
        if policyPath == nil, let zone {
            switch zone.policy {
            case let .file(path)?: policyPath = zone.resolve(path)
            case let .inline(policy)?: inlinePolicy = policy
            case nil: break
            }
        }
        let job = AuditJob(
            source: try repository.required(source, zone?.filePath, "zone source"),
            baselinePath: try repository.required(baseline, zone?.baselinePath, "baseline (--baseline)"),
            trustedKeysPath: unsealed ? nil : try repository.required(trustedKeys, zone?.trustedKeysPath, "trusted keys (--trusted-keys)"),
            requiredApprovers: require ?? zone?.approvals ?? 1,
            unsealed: unsealed, policyPath: policyPath, policy: inlinePolicy, read: input.readOptions(for: zone),
            includeSignatures: includeSignatures || zone?.includeSignatures == true,
            dnssec: dnssec.settings(for: zone),
            anchorFromBaseline: anchorFromBaseline || zone?.anchorFromBaseline == true, anchorFromParent: anchorFromParent,
            parentServers: parentServer, servers: server,
            failOn: threshold.failOn(for: zone))
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}
