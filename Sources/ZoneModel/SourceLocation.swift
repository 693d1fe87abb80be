/// Where a record or a finding came from: a file and a 1-based line and
/// column. `file` is the path as the user named it (or as `$INCLUDE` did).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: UInt32
    public var column: UInt32

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = UInt32(clamping: line)
        self.column = UInt32(clamping: column)
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
