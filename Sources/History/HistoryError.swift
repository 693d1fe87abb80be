/// Why the history database could not be used. Always names the file, because
/// a cron mail that says only "database is locked" helps nobody.
public struct HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The database file.
    public var path: String
    /// What went wrong, without the path.
    public var reason: String

    public init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "history database \(path): \(reason)" }
}
