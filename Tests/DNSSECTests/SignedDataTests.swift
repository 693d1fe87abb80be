@testable import DNSSEC
import Testing
import ZoneModel

/// The signed data of an RRSIG (RFC 4034 section 3.1.8.1), built from records
/// and read in place from a zone's table, against the definition written out
/// here on its own.
struct SignedDataTests {
    /// RRSIG RDATA: type covered, algorithm 13, `labels`, Original TTL 300,
    /// expiration, inception, key tag 4242, signer `Example.`, a signature.
    static func rrsigRData(covering type: RRType, labels: UInt8) -> [UInt8] {
        var rdata: [UInt8] = []
        rdata.appendUInt16(type.rawValue)
        rdata += [13, labels]
        rdata.appendUInt32(300)
        rdata.appendUInt32(2_000_000_000)
        rdata.appendUInt32(1_900_000_000)
        rdata.appendUInt16(4242)
        rdata += [7] + Array("Example".utf8) + [0]
        rdata += [UInt8](repeating: 0xAB, count: 64)
        return rdata
    }

    /// The definition: fixed fields, signer lower-cased, then each distinct
    /// canonical RR in canonical order with the Original TTL.
    static func reference(rrsig: [UInt8], signedOwner: DomainName, rrset: RRset) -> [UInt8] {
        var bytes = Array(rrsig[0..<18]) + [7] + Array("example".utf8) + [0]
        let canonical = Set(rrset.records.map(\.canonicalRData)).sorted { $0.lexicographicallyPrecedes($1) }
        for data in canonical {
            bytes += signedOwner.lowercased.wire
            bytes.appendUInt16(rrset.type.rawValue)
            bytes.appendUInt16(rrset.rrClass.rawValue)
            bytes.appendUInt32(300)
            bytes.appendUInt16(UInt16(data.count))
            bytes += data
        }
        return bytes
    }

    static func rrset(_ owner: String, _ type: RRType, _ rdata: [[UInt8]]) throws -> RRset {
        let name = try DomainName(owner)
        return RRset(owner: name, type: type, records: rdata.map {
            Record(owner: name, type: type, rrClass: .in, ttl: 300, rdata: $0, location: nil)
        })
    }

    static func name(_ text: String) throws -> [UInt8] { try DomainName(text).wire }

    /// Records out of order, a duplicate, and one that equals another only
    /// once its name is lowered: sorted and made distinct, names lowered.
    @Test func unorderedMixedCaseRecordsAreSortedAndMadeDistinct() throws {
        let rrset = try SignedDataTests.rrset("WwW.Example.", .ns, [
            try SignedDataTests.name("NS2.example."), try SignedDataTests.name("ns1.Example."),
            try SignedDataTests.name("ns2.example."), try SignedDataTests.name("ns1.Example."),
        ])
        let rrsig = SignedDataTests.rrsigRData(covering: .ns, labels: 2)
        var builder = SignedDataBuilder()
        let built = builder.build(rrsigRData: rrsig, over: rrset)
        #expect(built)
        let expected = SignedDataTests.reference(rrsig: rrsig, signedOwner: rrset.owner, rrset: rrset)
        #expect(builder.bytes == expected)
        // Two records only: ns1 and ns2, lower-cased.
        #expect(builder.bytes.count == 18 + 9 + 2 * (13 + 10 + 13))
    }

    /// Labels below the owner's label count: signed as `*.` and the owner's
    /// rightmost Labels labels.
    @Test func wildcardExpansionIsSignedAsTheWildcard() throws {
        let rrset = try SignedDataTests.rrset("Deep.Host.Wild.Example.", .txt, [[3] + Array("abc".utf8)])
        let rrsig = SignedDataTests.rrsigRData(covering: .txt, labels: 2)
        var builder = SignedDataBuilder()
        let built = builder.build(rrsigRData: rrsig, over: rrset)
        #expect(built)
        #expect(builder.bytes == SignedDataTests.reference(rrsig: rrsig, signedOwner: try DomainName("*.wild.example."), rrset: rrset))
        #expect(builder.expectedLabels == 4)
        var wildcard = SignedDataBuilder()
        try DomainName("*.Wild.Example.").wire.withUnsafeBufferPointer { wildcard.setOwner($0) }
        #expect(wildcard.expectedLabels == 2)
    }

    /// The zone's table (read in place) gives the same octets as the records,
    /// for RRsets the builder has ordered and for RRsets given out of order.
    @Test func tableAndRecordsGiveTheSameSignedData() throws {
        let sets = [
            try SignedDataTests.rrset("Example.", .mx, [[0, 20] + (try SignedDataTests.name("B.example.")),
                                                        [0, 10] + (try SignedDataTests.name("a.EXAMPLE."))]),
            try SignedDataTests.rrset("Example.", .txt, [[1, 0x7A], [1, 0x61], [1, 0x7A]]),
            try SignedDataTests.rrset("Mail.Example.", .a, [[192, 0, 2, 2], [192, 0, 2, 1]]),
        ]
        let zone = Zone(origin: try DomainName("example."), sortedRRsets: sets)
        let list = zone.rrsets
        var fromTable: [[UInt8]] = []
        var builder = SignedDataBuilder()
        list.withOctets { octets in
            for position in list.indices {
                let rrsig = SignedDataTests.rrsigRData(covering: octets.type(at: position), labels: 2)
                rrsig.withUnsafeBufferPointer { rdata in
                    builder.setOwner(octets.owner(at: position))
                    builder.setRecords(octets, at: position)
                    let apex: [UInt8] = [7] + Array("example".utf8) + [0]
                    apex.withUnsafeBufferPointer {
                        builder.build(rrsigRData: rdata, fields: RRSIGFields(rdata)!, type: octets.type(at: position),
                                      rrClass: octets.rrClass(at: position), loweredSigner: $0)
                    }
                }
                fromTable.append(builder.bytes)
            }
        }
        for (index, rrset) in sets.enumerated() {
            let rrsig = SignedDataTests.rrsigRData(covering: rrset.type, labels: 2)
            #expect(fromTable[index] == SignedDataTests.reference(rrsig: rrsig, signedOwner: rrset.owner, rrset: rrset))
        }
    }

    /// `RRSIGFields` reads what `Record.rrsig` reads, and refuses what it refuses.
    @Test func fieldsAgreeWithTheRecordParser() throws {
        let rdata = SignedDataTests.rrsigRData(covering: .a, labels: 3)
        let record = Record(owner: try DomainName("x.example."), type: .rrsig, rrClass: .in, ttl: 300, rdata: rdata, location: nil)
        let parsed = try #require(record.rrsig)
        try rdata.withUnsafeBufferPointer { bytes in
            let fields = try #require(RRSIGFields(bytes))
            #expect(fields.typeCovered == parsed.typeCovered && fields.algorithm == parsed.algorithm)
            #expect(fields.labels == parsed.labels && fields.originalTTL == parsed.originalTTL)
            #expect(fields.expiration == parsed.expiration && fields.inception == parsed.inception)
            #expect(fields.keyTag == parsed.keyTag)
            #expect(Array(fields.signer(bytes)) == parsed.signerName.wire)
            #expect(Array(fields.signature(bytes)) == parsed.signature)
        }
        for cut in [17, 20, 26] {
            let short = Array(rdata[0..<cut])
            let shortRecord = Record(owner: record.owner, type: .rrsig, rrClass: .in, ttl: 300, rdata: short, location: nil)
            #expect(shortRecord.rrsig == nil)
            #expect(short.withUnsafeBufferPointer { RRSIGFields($0) } == nil)
        }
    }
}
