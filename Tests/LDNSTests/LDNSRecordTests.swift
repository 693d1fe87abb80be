import LDNS
import Testing
import ZoneModel

@Suite struct LDNSRecordTests {
    @Test func parsesTextAndGivesWireRData() throws {
        let record = try LDNSRecord(text: "www.example. 300 IN A 192.0.2.1")
        #expect(try record.rdataWire() == [192, 0, 2, 1])
        let converted = try record.record()
        #expect(converted.owner == (try DomainName("www.example.")))
        #expect(converted.type == .a)
        #expect(converted.ttl == 300)
        #expect(converted.rrClass == .in)
    }

    @Test func relativeNamesUseTheOrigin() throws {
        let origin = try DomainName("example.")
        let record = try LDNSRecord(text: "mail 60 IN MX 10 mx", origin: origin)
        let converted = try record.record()
        #expect(converted.owner == (try DomainName("mail.example.")))
        #expect(converted.mx?.exchange == (try DomainName("mx.example.")))
    }

    @Test func roundTripsThroughWireForm() throws {
        let original = Record(owner: try DomainName("Host.Example."), type: .txt, ttl: 42, rdata: [3] + Array("a b".utf8))
        let back = try LDNSRecord(original).record()
        #expect(back == original)
        #expect(back.owner.wire == original.owner.wire, "owner case survives the trip")
    }

    @Test func badTextIsAnErrorWithLDNSWording() {
        #expect(throws: LDNSError.self) { try LDNSRecord(text: "www.example. 300 IN A 192.0.2.300") }
        do {
            _ = try LDNSRecord(text: "www.example. 300 IN BOGUSTYPE 1")
            Issue.record("ldns accepted an unknown type")
        } catch {
            #expect(error.operation == "ldns_rr_new_frm_str")
            #expect(!error.message.isEmpty)
            #expect(error.description.hasPrefix("ldns_rr_new_frm_str: "))
        }
    }

    @Test func malformedWireIsRefused() {
        // An A record whose RDATA is 3 octets: ldns must refuse, not read past it.
        let broken = Record(owner: .root, type: .a, ttl: 1, rdata: [1, 2, 3])
        #expect((try? LDNSRecord(broken).record())?.rdata != [1, 2, 3, 0])
    }

    @Test func listsOwnTheirCopies() throws {
        let records = [
            Record(owner: try DomainName("a.example."), type: .a, ttl: 1, rdata: [192, 0, 2, 1]),
            Record(owner: try DomainName("b.example."), type: .a, ttl: 1, rdata: [192, 0, 2, 2]),
        ]
        let list = try LDNSRecordList(records)
        #expect(list.count == 2)
        #expect(try list.records() == records)
        // The source record stays usable after the list took its copy.
        let single = try LDNSRecord(records[0])
        try list.append(single)
        #expect(list.count == 3)
        #expect(try single.record() == records[0])
    }
}
