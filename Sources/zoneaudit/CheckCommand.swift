import ArgumentParser
import ZoneAuditKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse zone files and AXFR dumps and run the semantic checks.",
        discussion: """
            Every error is reported with file:line:column; the parse goes on at \
            the next record. No DNS query is sent. Exit 0: no errors (and no \
            warnings with --strict); 1: errors; 2: unreadable files or bad usage.
            """)

    @OptionGroup var input: ZoneInputOptions
    @OptionGroup var report: ReportOutputOptions

    @Flag(name: .long, help: "Warnings fail the check too.")
    var strict = false

    @Argument(help: ArgumentHelp("Zone files or AXFR dumps.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one zone file") }
    }

    func run() throws {
        let job = CheckJob(files: files, read: input.readOptions, strict: strict)
        try JobRunner.finish(try job.run(), to: report.destination)
    }
}

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a zone in canonical order, fully qualified, one record a line.",
        discussion: """
            The output is tab-separated like ldns-read-zone's and loads back into \
            zoneaudit, ldns and BIND. A zone with syntax errors is not printed (exit 2).
            """)

    @OptionGroup var input: ZoneInputOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("A zone file or AXFR dump.", valueName: "file"))
    var file: String

    func run() throws {
        let text = try PrintJob(file: file, read: input.readOptions).run()
        if let output, output != "-" {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                throw JobError(error.description)
            }
        } else {
            Console.output(bytes: text)
        }
    }
}
