import ArgumentParser
import Foundation
import ZoneAuditKit
import ZoneModel

struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Judge the zone changes between two git revisions (a CI gate for pull requests).",
        discussion: """
            Reads both revisions from git, never from the work tree. The configuration, \
            policies, trusted keys and trust anchors come from the BASE revision, so a \
            change cannot loosen its own policy or add its own approver; zone files, \
            their $INCLUDEs, baselines and seals come from HEAD. A change the policy does \
            not allow passes only when HEAD carries a baseline equal to the zone, sealed \
            by enough approvers the base revision trusts. With GITHUB_ACTIONS=true, one \
            workflow command (::error/::warning) per finding is printed on standard output. \
            Exit 0: the gate passes; 1: it fails; 2: usage, git or configuration errors.
            """)

    @Option(name: .long, help: ArgumentHelp("The configuration (default: zoneaudit.yml found from the current directory up).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The base revision (default: the merge base of HEAD with origin/HEAD, main or master).", valueName: "rev"))
    var base: String?

    @Option(name: .long, help: ArgumentHelp("The head revision.", valueName: "rev"))
    var head: String = "HEAD"

    @Option(name: .long, help: ArgumentHelp("Judge this configured zone whatever changed (repeatable).", valueName: "name"))
    var zone: [NameArgument] = []

    @OptionGroup var report: ReportOutputOptions

    @Option(name: .long, help: ArgumentHelp("Also write the report as SARIF 2.1.0 to this file.", valueName: "file"))
    var sarif: String?

    @Option(name: .long, help: ArgumentHelp("Also write a Markdown summary (for a pull-request comment) to this file.", valueName: "file"))
    var summary: String?

    @Option(name: .long, help: ArgumentHelp("Fail on unapproved findings at or above this severity (default: each zone's fail-on).", valueName: "severity"))
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp("Validation time for seals and DNSSEC: YYYYMMDDHHMMSS (UTC) or RFC 3339.", valueName: "time"))
    var at: TimeArgument?

    func run() throws {
        let job = GateJob(configPath: config, base: base, head: head, zones: zone.map(\.name), failOn: failOn, at: at?.date)
        let outcome = try job.run()
        try outcome.writeFiles(sarif: sarif, summary: summary)
        if !outcome.annotations.isEmpty {
            let lines = outcome.annotations.joined(separator: "\n") + "\n"
            // A machine-readable report on standard output must stay parseable:
            // then the workflow commands go to standard error, which the
            // Actions runner reads for them too.
            let reportOnStandardOutput = report.output == nil || report.output == "-"
            if reportOnStandardOutput && [.json, .sarif, .junit].contains(report.format) {
                Console.error(lines)
            } else {
                Console.output(lines)
            }
        }
        try JobRunner.finish(outcome.result, to: report.destination)
    }
}
