import ZoneModel

/// GitHub Actions workflow commands: one `::error` or `::warning` line per
/// finding at warning level or above, which GitHub shows on the file and
/// line of the pull request's diff.
public enum GitHubAnnotations {
    public static func commands(for findings: [Finding]) -> [String] {
        findings.compactMap { finding in
            guard finding.authorized != true else { return nil }
            let command: String
            switch finding.level {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note: return nil
            }
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=" + escapeProperty(location.file))
                if location.line > 0 { properties.append("line=\(location.line)") }
                if location.column > 0 { properties.append("col=\(location.column)") }
            }
            properties.append("title=" + escapeProperty(finding.rule.rawValue))
            var message = finding.message
            if let owner = finding.owner, !message.contains(owner.presentation) {
                message = "\(owner.presentation): \(message)"
            }
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
        }
    }

    /// A message: `%`, CR and LF are escaped (GitHub's `escapeData`).
    public static func escapeData(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as data, and `:` and `,` too (GitHub's `escapeProperty`).
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

extension String {
    fileprivate func replacingColonsAndCommas() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
