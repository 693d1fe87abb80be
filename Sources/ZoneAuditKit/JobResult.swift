import Foundation
import Reporters
import ZoneModel

/// What a job hands back to the command line: the report to render and the
/// exit status it earned.
public struct JobResult: Sendable {
    public var report: Report
    public var status: ExitStatus
    /// A line of figures for a person (printed on standard error with text output).
    public var figures: String?

    public init(report: Report, status: ExitStatus, figures: String? = nil) {
        self.report = report
        self.status = status
        self.figures = figures
    }
}

/// Where and how to write a report.
public struct ReportDestination: Sendable {
    public var format: ReportFormat
    /// Nil: standard output.
    public var outputPath: String?
    /// Colour when writing text to a terminal.
    public var colorOnTerminal: Bool

    public init(format: ReportFormat = .text, outputPath: String? = nil, colorOnTerminal: Bool = true) {
        self.format = format
        self.outputPath = outputPath
        self.colorOnTerminal = colorOnTerminal
    }

    /// Renders and writes the report (atomically when it goes to a file).
    public func write(_ report: Report) throws(JobError) {
        let color = format == .text && outputPath == nil && colorOnTerminal && Console.outputIsTerminal
        var text = format.render(report, options: ReporterOptions(color: color))
        if !text.hasSuffix("\n") { text += "\n" }
        if let outputPath, outputPath != "-" {
            do {
                try AtomicFile.write(text, to: outputPath)
            } catch {
                throw JobError(error.description)
            }
        } else {
            Console.output(text)
        }
    }
}

extension Report {
    /// A report stamped with this tool's name and version and the current time.
    static func make(command: String, zones: [ZoneReport] = [], banners: [String] = [], findings: [Finding], now: Date = Date()) -> Report {
        Report(
            tool: ToolInfo(version: ZoneAuditVersion.string),
            command: command, generatedAt: now, zones: zones, banners: banners, findings: findings)
    }
}
