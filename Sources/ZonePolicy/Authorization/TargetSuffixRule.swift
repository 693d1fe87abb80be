import ZoneDiff
import ZoneModel

/// `targets:`: a CNAME, DNAME, MX or SRV change whose resulting records all
/// point at or below one of the suffixes needs no approval.
public struct TargetSuffixRule: AuthorizationRule {
    public static let types: Set<RRType> = [.cname, .dname, .mx, .srv]

    public var suffixes: [DomainName]
    public var path: String

    public init(suffixes: [DomainName], path: String) {
        self.suffixes = suffixes
        self.path = path
    }

    public func evaluate(_ change: RRsetChange) -> AuthorizationResult {
        guard TargetSuffixRule.types.contains(change.type), change.role == .data else { return .notAuthorized }
        let records = change.resultingRecords
        guard !records.isEmpty else { return .notAuthorized }
        for record in records {
            guard let target = record.target, suffixes.contains(where: { target.isSubdomain(of: $0) }) else {
                return .notAuthorized
            }
        }
        return .authorized(by: path)
    }
}
