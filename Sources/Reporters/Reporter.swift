/// A way to render a `Report` (after realm/SwiftLint's `Reporter`): each
/// reporter names itself, describes itself, and turns a report into text.
public protocol Reporter: Sendable {
    /// The `--format` value that selects this reporter.
    static var identifier: String { get }
    /// One line for `--help` and the man page.
    static var description: String { get }
    init(options: ReporterOptions)
    /// The whole document, ending with a newline.
    func render(_ report: Report) -> String
}

/// Settings that change how a report looks, never what it says.
public struct ReporterOptions: Sendable, Equatable {
    /// ANSI colour in the text format. The CLI passes `isatty(stdout)` and
    /// false whenever it writes to `--output`.
    public var color: Bool
    /// At most this many findings get a details section in Markdown (pull
    /// request comments have a size limit); nil: all of them.
    public var markdownDetailLimit: Int?

    public init(color: Bool = false, markdownDetailLimit: Int? = nil) {
        self.color = color
        self.markdownDetailLimit = markdownDetailLimit
    }
}
