import ZoneModel

/// A policy name: an exact, fully qualified name, or `*.` followed by one,
/// which matches every name strictly below it (any depth).
public struct NamePattern: Sendable, Hashable, CustomStringConvertible {
    public let base: DomainName
    public let isWildcard: Bool

    public init(base: DomainName, isWildcard: Bool) {
        self.base = base
        self.isWildcard = isWildcard
    }

    /// Parses `name.` or `*.name.`; the reason is the error when it fails.
    public static func parse(_ text: String) -> Result<NamePattern, PolicyNameError> {
        var rest = Substring(text)
        var wildcard = false
        if rest.hasPrefix("*.") {
            wildcard = true
            rest = rest.dropFirst(2)
        }
        if rest.contains("*") { return .failure(.misplacedWildcard(text)) }
        return PolicyNames.absolute(String(rest), original: text).map { NamePattern(base: $0, isWildcard: wildcard) }
    }

    public func matches(_ name: DomainName) -> Bool {
        isWildcard ? name.isStrictSubdomain(of: base) : name == base
    }

    /// The single name this pattern stands for, when it is not a wildcard.
    public var exactName: DomainName? { isWildcard ? nil : base }

    public var description: String { isWildcard ? "*.\(base.presentation)" : base.presentation }
}

public enum PolicyNameError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFullyQualified(String)
    case invalid(String, NameError)
    case misplacedWildcard(String)

    public var description: String {
        switch self {
        case let .notFullyQualified(text): "name '\(text)' is not fully qualified (end it with a dot)"
        case let .invalid(text, reason): "bad name '\(text)': \(reason)"
        case let .misplacedWildcard(text): "bad name pattern '\(text)': '*' may only be the whole leftmost label"
        }
    }
}

enum PolicyNames {
    /// A fully qualified name. Relative names are refused: in a policy,
    /// `ns1.example.net` without its dot is a mistake, not a name under the zone.
    static func absolute(_ text: String, original: String? = nil) -> Result<DomainName, PolicyNameError> {
        guard text.hasSuffix(".") else { return .failure(.notFullyQualified(original ?? text)) }
        do {
            return .success(try DomainName(text))
        } catch {
            return .failure(.invalid(original ?? text, error))
        }
    }
}
