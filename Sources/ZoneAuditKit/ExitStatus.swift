/// The exit statuses every command shares, so a CI gate or a cron job can
/// trust them:
/// - 0: the job completed and found nothing at or above the failure threshold;
/// - 1: the job completed and found something at or above it;
/// - 2: the job could not be completed (usage, unreadable or unparsable
///   input, a bad policy, a server that did not answer).
public enum ExitStatus: Int32, Sendable, Comparable {
    case clean = 0
    case findings = 1
    case incomplete = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An error that stops a job before it can judge anything (exit status 2).
/// The message is what the user reads: it names the file, the server or the
/// option, and what was wrong.
public struct JobError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// A server did not hand over the zone (refused, timed out, cut short):
    /// `zoneaudit run` records the zone as unreachable and tries the next server.
    public let isUnreachable: Bool
    public init(_ message: String, unreachable: Bool = false) {
        self.message = message
        self.isUnreachable = unreachable
    }
    public var description: String { message }
}
