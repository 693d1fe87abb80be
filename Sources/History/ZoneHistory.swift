import Foundation
import Reporters
import ZoneModel

/// What a run could do with one zone.
public enum ZoneOutcome: Sendable, Equatable {
    /// The zone was read and audited; its findings are the whole truth for this run.
    case audited
    /// No server could be reached (the reason says which and how).
    case unreachable(String)
    /// The zone was reached but could not be audited (a broken seal, a zone that does not parse, ...).
    case failed(String)

    /// The word stored in the database.
    var kind: String {
        switch self {
        case .audited: "audited"
        case .unreachable: "unreachable"
        case .failed: "failed"
        }
    }

    var reason: String? {
        switch self {
        case .audited: nil
        case .unreachable(let reason), .failed(let reason): reason
        }
    }

    init?(kind: String, reason: String?) {
        switch kind {
        case "audited": self = .audited
        case "unreachable": self = .unreachable(reason ?? "")
        case "failed": self = .failed(reason ?? "")
        default: return nil
        }
    }
}

/// One zone's findings compared with its previous audited run.
public struct ZoneHistory: Sendable, Equatable {
    /// Fingerprint -> new, ongoing or resolved (resolved ones included).
    public var states: [String: FindingState]
    /// Findings open after the zone's previous audited run and gone now, as
    /// they were last seen (their fingerprints are the stored ones).
    public var resolved: [Finding]
    /// Fingerprint -> when the finding was first seen (this time it was open).
    public var firstSeen: [String: Date]

    public init(states: [String: FindingState] = [:], resolved: [Finding] = [], firstSeen: [String: Date] = [:]) {
        self.states = states
        self.resolved = resolved
        self.firstSeen = firstSeen
    }
}

/// A zone's outcome in one run, as recorded.
public struct RecordedOutcome: Sendable, Equatable {
    public var run: Int64
    public var outcome: ZoneOutcome
    public var at: Date
}

/// What the history knows about one finding of one zone.
public struct FindingSighting: Sendable, Equatable {
    /// When it was first seen (in its current open period, if it came back).
    public var firstSeen: Date
    public var lastSeen: Date
    public var firstRun: Int64
    public var lastRun: Int64
    /// Present in the zone's latest audited run.
    public var isOpen: Bool
    /// When it was found gone; nil while open.
    public var resolvedAt: Date?
}

/// One cron run.
public struct RunRecord: Sendable, Equatable {
    public var id: Int64
    public var started: Date
    /// Nil for a run that is still going or was killed.
    public var finished: Date?
}
