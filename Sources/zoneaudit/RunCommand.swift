import ArgumentParser
import RepositoryConfig
import ZoneAuditKit
import ZoneModel

extension ZoneShard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Audit every configured zone live, keep each finding's history, write the reports (the cron job).",
        discussion: """
            For each zone in zoneaudit.yml: verify the baseline's seal, transfer \
            the zone from its servers, audit it against the baseline and policy, \
            check the parent's delegation and validate DNSSEC. Findings are new, \
            ongoing or resolved against the previous run. One line per zone on \
            standard output. Exit 0: nothing new or ongoing at or above the \
            threshold; 1: something is; 2: a zone could not be audited, or the \
            run could not start (another run holds the lock).
            """)

    @Option(name: .long, help: ArgumentHelp("The repository configuration (default: zoneaudit.yml in this directory or above).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Audit only this zone; repeatable.", valueName: "name"))
    var zone: [NameArgument] = []

    @Option(name: .long, help: ArgumentHelp("Write the reports here (default: the configuration's reports.dir).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .long, help: ArgumentHelp("The history database (default: the configuration's history).", valueName: "file"))
    var state: String?

    @Option(name: .long, help: ArgumentHelp("Audit shard K of N (0 <= K < N): a stable 1/N of the zones, by name.", valueName: "K/N"))
    var shard: ZoneShard?

    @Option(name: .long, help: ArgumentHelp("Exit 1 when a new or ongoing finding is at or above this severity (default: each zone's fail-on, else high).", valueName: "severity"))
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp("Judge seals and signatures as of this time: YYYYMMDDHHMMSS (UTC) or RFC 3339.", valueName: "time"))
    var at: TimeArgument?

    func run() throws {
        let configuration = try ConfiguredZones.load(config: config)
        let job = RunJob(config: configuration, zones: zone.map(\.name), shard: shard, reportDirectory: reportDir,
                         statePath: state, failOn: failOn, at: at?.date)
        let outcome = try job.run()
        for line in outcome.lines { Console.output(line + "\n") }
        if outcome.status != .clean { throw ExitCode(outcome.status.rawValue) }
    }
}
