/// The registry of reporters: `--format` takes one of these raw values.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, markdown, junit

    public var reporterType: any Reporter.Type {
        switch self {
        case .text: TextReporter.self
        case .json: JSONReporter.self
        case .sarif: SARIFReporter.self
        case .markdown: MarkdownReporter.self
        case .junit: JUnitReporter.self
        }
    }

    /// The format whose reporter has this identifier (the same as the raw value).
    public init?(identifier: String) {
        guard let format = ReportFormat.allCases.first(where: { $0.reporterType.identifier == identifier }) else {
            return nil
        }
        self = format
    }

    public func reporter(options: ReporterOptions = ReporterOptions()) -> any Reporter {
        reporterType.init(options: options)
    }

    /// Renders `report` in this format.
    public func render(_ report: Report, options: ReporterOptions = ReporterOptions()) -> String {
        reporter(options: options).render(report)
    }

    /// The usual file name extension for `--output` files in this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .markdown: "md"
        case .junit: "xml"
        }
    }
}
