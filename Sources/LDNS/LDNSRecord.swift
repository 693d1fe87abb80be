import CLDNS
import ZoneModel

/// Owns one `ldns_rr`, freed in deinit. Records cross between zoneaudit and
/// ldns in uncompressed wire form, so neither side interprets the other's text.
public final class LDNSRecord {
    let pointer: OpaquePointer

    /// Takes ownership of an `ldns_rr *` (the caller must not free it).
    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { ldns_rr_free(UnsafeMutablePointer(pointer)) }

    /// Parses one record with ldns's own text parser (`ldns_rr_new_frm_str`).
    /// Used as the differential oracle for zoneaudit's parser.
    public convenience init(text: String, defaultTTL: UInt32 = 3600, origin: DomainName? = nil) throws(LDNSError) {
        var record: UnsafeMutablePointer<ldns_rr>?
        let originRDF = origin.map { LDNSRecord.makeDname($0) } ?? nil
        defer { if let originRDF { ldns_rdf_deep_free(originRDF) } }
        let status = ldns_rr_new_frm_str(&record, text, defaultTTL, originRDF, nil)
        try LDNSError.check(status, "ldns_rr_new_frm_str")
        guard let record else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_rr_new_frm_str") }
        self.init(takingOwnershipOf: OpaquePointer(record))
    }

    /// Builds the ldns form of a zoneaudit record from its wire form.
    public convenience init(_ record: Record) throws(LDNSError) {
        let wire = record.wire()
        var result: UnsafeMutablePointer<ldns_rr>?
        var position = 0
        let status = wire.withUnsafeBufferPointer { buffer in
            ldns_wire2rr(&result, buffer.baseAddress, buffer.count, &position, LDNS_SECTION_ANSWER)
        }
        try LDNSError.check(status, "ldns_wire2rr")
        guard let result else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_wire2rr") }
        self.init(takingOwnershipOf: OpaquePointer(result))
    }

    var rr: UnsafeMutablePointer<ldns_rr> { UnsafeMutablePointer(pointer) }

    /// The uncompressed wire RDATA ldns produces for this record.
    public func rdataWire() throws(LDNSError) -> [UInt8] {
        let buffer = LDNSBuffer()
        try LDNSError.check(ldns_rr_rdata2buffer_wire(buffer.pointer, rr), "ldns_rr_rdata2buffer_wire")
        return buffer.bytes
    }

    /// The record as a zoneaudit `Record` (owner, type, class, TTL, RDATA).
    public func record() throws(LDNSError) -> Record {
        guard let ownerRDF = ldns_rr_owner(rr) else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_rr_owner") }
        let ownerWire = Array(UnsafeBufferPointer(start: ldns_rdf_data(ownerRDF), count: ldns_rdf_size(ownerRDF)))
        guard let owner = try? DomainName(wire: ownerWire) else {
            throw LDNSError(LDNS_STATUS_DOMAINNAME_UNDERFLOW, operation: "owner name")
        }
        return Record(
            owner: owner,
            type: RRType(UInt16(ldns_rr_get_type(rr).rawValue)),
            rrClass: RRClass(UInt16(ldns_rr_get_class(rr).rawValue)),
            ttl: ldns_rr_ttl(rr),
            rdata: try rdataWire())
    }

    /// ldns's presentation text for the record (`ldns_rr2str`).
    public var text: String {
        guard let cString = ldns_rr2str(rr) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    static func makeDname(_ name: DomainName) -> UnsafeMutablePointer<ldns_rdf>? {
        name.wire.withUnsafeBufferPointer { buffer in
            ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, buffer.count, buffer.baseAddress)
        }
    }
}
