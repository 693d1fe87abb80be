import ZoneModel

/// The plain-text pieces of a finding that the text, JUnit and Markdown
/// formats share. Every piece is already free of unsafe characters.
enum FindingText {
    /// Where the finding is, compiler style: `file:line:column`, or
    /// `zone: owner TYPE` when it has no location, or nil when it has neither.
    static func place(of finding: Finding) -> String? {
        if let location = finding.location {
            return locationText(location)
        }
        var parts: [String] = []
        if let zone = finding.zone { parts.append(zone.presentation) }
        if let owner = finding.owner {
            var subject = owner.presentation
            if let type = finding.type { subject += " " + type.mnemonic }
            parts.append(subject)
        } else if let type = finding.type {
            parts.append(type.mnemonic)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }

    /// `file:line:column`; the line or column is left out when it is 0 (unknown).
    static func locationText(_ location: SourceLocation) -> String {
        var text = UnsafeCharacters.escaped(location.file)
        if location.line > 0 {
            text += ":\(location.line)"
            if location.column > 0 { text += ":\(location.column)" }
        }
        return text
    }

    /// The words in parentheses after the message: severity and authorization
    /// for changes, then the history state. Empty when there is nothing to say.
    static func status(of finding: Finding, state: FindingState?) -> [StatusWord] {
        var words: [StatusWord] = []
        if let authorized = finding.authorized {
            words.append(.severity(finding.severity))
            if authorized {
                words.append(.authorized(policy: finding.policy.map(UnsafeCharacters.escaped)))
            } else {
                words.append(.unauthorized)
            }
        }
        if let state { words.append(.state(state)) }
        return words
    }

    enum StatusWord: Equatable {
        case severity(Severity)
        case authorized(policy: String?)
        case unauthorized
        case state(FindingState)

        var text: String {
            switch self {
            case let .severity(severity): severity.rawValue
            case let .authorized(policy?): "authorized by \(policy)"
            case .authorized(nil): "authorized"
            case .unauthorized: "unauthorized"
            case let .state(state): state.rawValue
            }
        }
    }

    /// `N findings (1 critical, 2 high), 1 authorized, 2 unauthorized`, or
    /// `no findings`; with history, `; 1 new, 2 ongoing, 0 resolved` follows.
    static func counts(_ summary: ReportSummary) -> String {
        var text: String
        if summary.findings == 0 {
            text = "no findings"
        } else {
            text = summary.findings == 1 ? "1 finding" : "\(summary.findings) findings"
            let bySeverity = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = summary.count(severity)
                return count > 0 ? "\(count) \(severity.rawValue)" : nil
            }
            text += " (" + bySeverity.joined(separator: ", ") + ")"
            if summary.authorized > 0 { text += ", \(summary.authorized) authorized" }
            if summary.unauthorized > 0 { text += ", \(summary.unauthorized) unauthorized" }
        }
        if let history = summary.history {
            text += "; \(history.new) new, \(history.ongoing) ongoing, \(history.resolved) resolved"
        }
        return text
    }

    /// `source a.zone; baseline b.zone; serial 1 -> 2; seal ...; records 10 -> 11`.
    static func zoneDetails(_ info: ZoneReport) -> [String] {
        var parts: [String] = []
        if let source = info.source { parts.append("source " + UnsafeCharacters.escaped(source)) }
        if let baseline = info.baseline { parts.append("baseline " + UnsafeCharacters.escaped(baseline)) }
        if let serial = transition(info.serialBefore, info.serialAfter) { parts.append("serial " + serial) }
        if let seal = info.seal { parts.append("seal " + UnsafeCharacters.escaped(seal)) }
        if let records = transition(info.recordsBefore, info.recordsAfter) { parts.append("records " + records) }
        return parts
    }

    private static func transition<T: BinaryInteger>(_ before: T?, _ after: T?) -> String? {
        switch (before, after) {
        case let (before?, after?): "\(before) -> \(after)"
        case let (before?, nil): "\(before)"
        case let (nil, after?): "\(after)"
        case (nil, nil): nil
        }
    }
}
