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
    @OptionGroup var repository: RepositoryOptions

    @Flag(name: .long, help: "Warnings fail the check too.")
    var strict = false

    @Argument(help: ArgumentHelp("Zone files or AXFR dumps (with --zone: the configured zone file).", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        guard !files.isEmpty || repository.zone != nil else { throw ValidationError("give at least one zone file, or --zone NAME") }
    }

    func run() throws {
        let zone = try repository.configuredZone()
        let job = CheckJob(files: files.isEmpty ? [zone!.filePath] : files, read: input.readOptions(for: zone), strict: strict)
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
    @OptionGroup var repository: RepositoryOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Argument(help: ArgumentHelp("A zone file or AXFR dump (with --zone: the configured zone file).", valueName: "file"))
    var file: String?

    func run() throws {
        let zone = try repository.configuredZone()
        let path = try repository.required(file, zone?.filePath, "zone file")
        let text = try PrintJob(file: path, read: input.readOptions(for: zone)).run()
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
