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

    /// The same place with its line moved down by `lines` when it is in
    /// `file` (a region of a file parsed on its own numbered its lines from 1).
    public func shifted(ifIn file: String, by lines: UInt32) -> SourceLocation {
        guard lines > 0, self.file == file else { return self }
        var moved = self
        moved.line &+= lines
        return moved
    }

    /// `file:line:column`, the form editors and CI annotations understand.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
