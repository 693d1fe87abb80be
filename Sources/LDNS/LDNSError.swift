import CLDNS

/// An `ldns_status` other than `LDNS_STATUS_OK`, with ldns's own wording.
/// Every ldns call in this module maps its status through here.
public struct LDNSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The raw `ldns_status` value.
    public let status: UInt32
    /// What zoneaudit was doing when ldns failed.
    public let operation: String

    init(_ status: ldns_status, operation: String) {
        self.status = status.rawValue
        self.operation = operation
    }

    /// ldns's message for the status (`ldns_get_errorstr_by_id`).
    public var message: String {
        guard let text = ldns_get_errorstr_by_id(ldns_status(rawValue: status)) else {
            return "ldns status \(status)"
        }
        return String(cString: text)
    }

    public var description: String { "\(operation): \(message)" }

    /// Throws unless `status` is `LDNS_STATUS_OK`.
    static func check(_ status: ldns_status, _ operation: @autoclosure () -> String) throws(LDNSError) {
        guard status == LDNS_STATUS_OK else { throw LDNSError(status, operation: operation()) }
    }
}
