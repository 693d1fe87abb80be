import ZoneDiff
import ZoneModel

/// `addresses:`: an A/AAAA change (glue included) whose resulting records
/// (the removed ones, for a removal) all lie in the ranges needs no approval.
public struct AddressRangeRule: AuthorizationRule {
    public var ranges: [AddressRange]
    public var path: String

    public init(ranges: [AddressRange], path: String) {
        self.ranges = ranges
        self.path = path
    }

    public func evaluate(_ change: RRsetChange) -> AuthorizationResult {
        guard change.type == .a || change.type == .aaaa else { return .notAuthorized }
        let records = change.resultingRecords
        guard !records.isEmpty, records.allSatisfy({ contains($0.address) }) else { return .notAuthorized }
        return .authorized(by: path)
    }

    public func contains(_ address: [UInt8]?) -> Bool {
        guard let address else { return false }
        return ranges.contains { $0.contains(address) }
    }
}
