import CLDNS
import ZoneModel

/// One entry of a message's question section.
public struct LDNSQuestion: Sendable, Hashable {
    public var name: DomainName
    public var type: RRType
    public var rrClass: RRClass

    public init(name: DomainName, type: RRType, rrClass: RRClass = .in) {
        self.name = name
        self.type = type
        self.rrClass = rrClass
    }
}

/// A DNS message as ldns parses it from the wire (`ldns_wire2pkt`): the header
/// and every section's records in uncompressed wire form.
///
/// ldns takes the OPT record out of the additional section (into EDNS fields)
/// and sets a TSIG record apart; `hasTSIG` says whether one was there. The
/// caller verifies TSIG on the raw wire, which ldns's parse does not keep.
public struct LDNSMessage: Sendable {
    public var id: UInt16
    public var isResponse: Bool
    public var opcode: UInt8
    public var isAuthoritative: Bool
    public var isTruncated: Bool
    public var recursionDesired: Bool
    /// The response code, with the EDNS extended bits (RFC 6891) above the low four.
    public var rcode: UInt16
    public var question: [LDNSQuestion]
    public var answer: [Record]
    public var authority: [Record]
    public var additional: [Record]
    public var hasTSIG: Bool

    /// Parses one message. Records come out uncompressed, names with the case
    /// the server sent.
    public static func parse(wire: [UInt8]) throws(LDNSError) -> LDNSMessage {
        var packet: OpaquePointer?
        let status = wire.withUnsafeBufferPointer { buffer in
            var raw: UnsafeMutablePointer<ldns_pkt>?
            let status = ldns_wire2pkt(&raw, buffer.baseAddress, buffer.count)
            packet = raw.map { OpaquePointer($0) }
            return status
        }
        try LDNSError.check(status, "ldns_wire2pkt")
        guard let packet else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_wire2pkt") }
        let pkt = UnsafeMutablePointer<ldns_pkt>(packet)
        defer { ldns_pkt_free(pkt) }

        let extended = UInt16(ldns_pkt_edns_extended_rcode(pkt))
        return LDNSMessage(
            id: ldns_pkt_id(pkt),
            isResponse: ldns_pkt_qr(pkt) != 0,
            opcode: UInt8(truncatingIfNeeded: ldns_pkt_get_opcode(pkt).rawValue),
            isAuthoritative: ldns_pkt_aa(pkt) != 0,
            isTruncated: ldns_pkt_tc(pkt) != 0,
            recursionDesired: ldns_pkt_rd(pkt) != 0,
            rcode: extended << 4 | UInt16(truncatingIfNeeded: ldns_pkt_get_rcode(pkt).rawValue),
            question: try questions(ldns_pkt_question(pkt)),
            answer: try records(ldns_pkt_answer(pkt)),
            authority: try records(ldns_pkt_authority(pkt)),
            additional: try records(ldns_pkt_additional(pkt)),
            hasTSIG: ldns_pkt_tsig(pkt) != nil)
    }

    /// The wire form of a query with one question, made by ldns
    /// (`ldns_pkt_query_new`, `ldns_pkt2wire`). RD is set only when asked:
    /// zoneaudit asks authoritative servers, never recursors.
    public static func queryWire(
        id: UInt16, question: LDNSQuestion, recursionDesired: Bool
    ) throws(LDNSError) -> [UInt8] {
        guard let name = LDNSRecord.makeDname(question.name) else {
            throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rdf_new_frm_data")
        }
        // ldns_pkt_query_new takes ownership of the name.
        guard let pkt = ldns_pkt_query_new(
            name, ldns_rr_type(rawValue: UInt32(question.type.rawValue)),
            ldns_rr_class(rawValue: UInt32(question.rrClass.rawValue)), 0)
        else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_pkt_query_new") }
        defer { ldns_pkt_free(pkt) }
        ldns_pkt_set_id(pkt, id)
        ldns_pkt_set_rd(pkt, recursionDesired ? 1 : 0)
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        try LDNSError.check(ldns_pkt2wire(&bytes, pkt, &size), "ldns_pkt2wire")
        guard let bytes else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_pkt2wire") }
        defer { free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// The mnemonic of a response code (`NOERROR`, `REFUSED`, `NOTAUTH`, ...), or `RCODEn`.
    public static func rcodeName(_ rcode: UInt16) -> String {
        let names: [UInt16: String] = [
            0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED",
            6: "YXDOMAIN", 7: "YXRRSET", 8: "NXRRSET", 9: "NOTAUTH", 10: "NOTZONE", 16: "BADVERS",
        ]
        return names[rcode] ?? "RCODE\(rcode)"
    }

    private static func questions(_ list: UnsafeMutablePointer<ldns_rr_list>?) throws(LDNSError) -> [LDNSQuestion] {
        guard let list else { return [] }
        var result: [LDNSQuestion] = []
        for index in 0..<ldns_rr_list_rr_count(list) {
            guard let rr = ldns_rr_list_rr(list, index) else { continue }
            result.append(LDNSQuestion(
                name: try owner(of: rr),
                type: RRType(UInt16(truncatingIfNeeded: ldns_rr_get_type(rr).rawValue)),
                rrClass: RRClass(UInt16(truncatingIfNeeded: ldns_rr_get_class(rr).rawValue))))
        }
        return result
    }

    private static func records(_ list: UnsafeMutablePointer<ldns_rr_list>?) throws(LDNSError) -> [Record] {
        guard let list else { return [] }
        let count = ldns_rr_list_rr_count(list)
        var result: [Record] = []
        result.reserveCapacity(count)
        let buffer = LDNSBuffer(capacity: 512)
        for index in 0..<count {
            guard let rr = ldns_rr_list_rr(list, index) else { continue }
            ldns_buffer_clear(buffer.pointer)
            try LDNSError.check(ldns_rr_rdata2buffer_wire(buffer.pointer, rr), "ldns_rr_rdata2buffer_wire")
            result.append(Record(
                owner: try owner(of: rr),
                type: RRType(UInt16(truncatingIfNeeded: ldns_rr_get_type(rr).rawValue)),
                rrClass: RRClass(UInt16(truncatingIfNeeded: ldns_rr_get_class(rr).rawValue)),
                ttl: ldns_rr_ttl(rr),
                rdata: buffer.bytes))
        }
        return result
    }

    private static func owner(of rr: UnsafeMutablePointer<ldns_rr>) throws(LDNSError) -> DomainName {
        guard let rdf = ldns_rr_owner(rr), let data = ldns_rdf_data(rdf) else {
            throw LDNSError(LDNS_STATUS_DOMAINNAME_UNDERFLOW, operation: "owner name")
        }
        guard let name = try? DomainName(wire: UnsafeBufferPointer(start: data, count: ldns_rdf_size(rdf))) else {
            throw LDNSError(LDNS_STATUS_DOMAINNAME_UNDERFLOW, operation: "owner name")
        }
        return name
    }
}
