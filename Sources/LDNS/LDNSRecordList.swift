import CLDNS
import ZoneModel

/// Owns an `ldns_rr_list` and the records pushed onto it.
///
/// Ownership: `ldns_rr_list_push_rr` stores the pointer without copying, so
/// the list takes over each record (`ldns_rr_list_deep_free` frees them all).
/// Records are therefore pushed as fresh clones, never as pointers an
/// `LDNSRecord` still owns.
public final class LDNSRecordList {
    let pointer: UnsafeMutablePointer<ldns_rr_list>

    public init() {
        guard let pointer = ldns_rr_list_new() else { preconditionFailure("ldns_rr_list_new: out of memory") }
        self.pointer = pointer
    }

    /// Takes ownership of a list ldns returned (freed deeply in deinit).
    init(takingOwnershipOf pointer: UnsafeMutablePointer<ldns_rr_list>) {
        self.pointer = pointer
    }

    public convenience init(_ records: some Sequence<Record>) throws(LDNSError) {
        self.init()
        for record in records { try append(record) }
    }

    deinit { ldns_rr_list_deep_free(pointer) }

    /// Appends a copy of `record` (the list owns the copy).
    public func append(_ record: Record) throws(LDNSError) {
        let owned = try LDNSRecord(record)
        try append(owned)
    }

    /// Appends a clone of an ldns record (the list owns the clone).
    public func append(_ record: LDNSRecord) throws(LDNSError) {
        guard let clone = ldns_rr_clone(record.rr) else {
            throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rr_clone")
        }
        guard ldns_rr_list_push_rr(pointer, clone) != 0 else {
            ldns_rr_free(clone)
            throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rr_list_push_rr")
        }
    }

    public var count: Int { ldns_rr_list_rr_count(pointer) }

    /// The records, converted back through wire form.
    public func records() throws(LDNSError) -> [Record] {
        var result: [Record] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let rr = ldns_rr_list_rr(pointer, index), let clone = ldns_rr_clone(rr) else { continue }
            result.append(try LDNSRecord(takingOwnershipOf: OpaquePointer(clone)).record())
        }
        return result
    }
}
