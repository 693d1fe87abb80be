import Testing
@testable import ZoneModel

/// `RRsetList.target(at:_:)`, `dsDigest(at:_:)` and `record(at:_:)` read the
/// compact table directly; they must answer as the materialized `Record` does.
@Suite struct RRsetListRecordTests {
    static func name(_ text: String) throws -> [UInt8] { try DomainName(text).wire }

    /// Well-formed and malformed RDATA for every type `Record.target` reads.
    static func records() throws -> [Record] {
        let origin = try DomainName("example.")
        let host = try name("Host.Example.")
        func record(_ owner: String, _ type: RRType, _ rdata: [UInt8], line: Int) throws -> Record {
            Record(owner: try DomainName(owner, origin: origin), type: type, ttl: 300, rdata: rdata,
                   location: SourceLocation(file: "t.zone", line: line, column: 1))
        }
        return [
            try record("@", .ns, host, line: 1),
            try record("@", .ns, [3, 0x61], line: 2),                       // truncated name
            try record("mx", .mx, [0, 10] + host, line: 3),
            try record("mx", .mx, [0], line: 4),                            // too short for the preference
            try record("mx", .mx, [0, 0, 0], line: 5),                      // root "no mail"
            try record("srv", .srv, [0, 1, 0, 2, 0, 3] + host, line: 6),
            try record("srv", .srv, [0, 1, 0, 2, 0, 4] + host + [9], line: 7),  // octets after the target
            try record("srv", .srv, [0, 1, 0, 2], line: 8),
            try record("cname", .cname, host, line: 9),
            try record("https", .https, [0, 1] + host + [0, 1, 0, 0], line: 10),
            try record("kx", .kx, [0, 5] + host, line: 11),
            try record("a", .a, [192, 0, 2, 1], line: 12),
            try record("ds", .ds, [0x30, 0x39, 8, 2] + Array(repeating: 7, count: 32), line: 13),
            try record("ds", .ds, [0x30, 0x39, 8], line: 14),               // too short
            try record("ds", .ds, [0x30, 0x3A, 8, 9, 1, 2], line: 15),
        ]
    }

    static func zone() throws -> Zone {
        var builder = ZoneBuilder(origin: try DomainName("example."))
        builder.append(contentsOf: try records())
        return builder.build().zone
    }

    @Test func targetsMatchTheRecords() throws {
        let list = try Self.zone().rrsets
        var checked = 0
        for position in list.indices {
            let rrset = list[position]
            #expect(list.recordCount(at: position) == rrset.records.count)
            for (index, record) in rrset.records.enumerated() {
                #expect(list.target(at: position, index) == record.target, "\(record.type) line \(record.location?.line ?? 0)")
                checked += 1
            }
        }
        let expected = try Self.records().count
        #expect(checked == expected)
    }

    @Test func dsDigestsMatchTheRecords() throws {
        let list = try Self.zone().rrsets
        var digests = 0
        for position in list.indices {
            for (index, record) in list[position].records.enumerated() {
                let fast = list.dsDigest(at: position, index)
                #expect(fast?.digestType == record.ds?.digestType)
                #expect(fast?.length == record.ds?.digest.count)
                if fast != nil { digests += 1 }
            }
        }
        #expect(digests == 2)
    }

    @Test func oneRecordEqualsTheRRsetsRecord() throws {
        let list = try Self.zone().rrsets
        for position in list.indices {
            let rrset = list[position]
            for (index, record) in rrset.records.enumerated() {
                let single = list.record(at: position, index)
                #expect(single == record)
                #expect(single.location == record.location)
            }
        }
    }

    @Test("an owner has a wildcard label when any of its labels is exactly *")
    func wildcardLabels() throws {
        let origin = try DomainName("example.")
        var builder = ZoneBuilder(origin: origin)
        let owners = ["*", "a.*", "*.b.c", "x*", "*x", "a.b", "@"]
        for owner in owners {
            builder.append(Record(owner: try DomainName(owner, origin: origin), type: .a, ttl: 300, rdata: [192, 0, 2, 1]))
        }
        let list = builder.build().zone.rrsets
        var found: [String: Bool] = [:]
        for position in list.indices {
            found[list.owner(at: position).description] = list.ownerHasWildcardLabel(at: position)
        }
        #expect(found == ["*.example.": true, "a.*.example.": true, "*.b.c.example.": true, "x*.example.": false,
                          "*x.example.": false, "a.b.example.": false, "example.": false])
    }

    @Test("a zone has a wildcard owner only when a label is *: not for a * octet in RDATA or inside a label")
    func anyWildcardOwner() throws {
        let origin = try DomainName("example.")
        func list(_ records: [(String, RRType, [UInt8])]) throws -> RRsetList {
            var builder = ZoneBuilder(origin: origin)
            for (owner, type, rdata) in records {
                builder.append(Record(owner: try DomainName(owner, origin: origin), type: type, ttl: 300, rdata: rdata))
            }
            return builder.build().zone.rrsets
        }
        let address: [UInt8] = [192, 0, 2, 1]
        let starText: [UInt8] = [3, UInt8(ascii: "a"), UInt8(ascii: "*"), UInt8(ascii: "b")]
        #expect(try list([("a", .a, address), ("b", .a, address)]).anyOwnerHasWildcardLabel == false)
        #expect(try list([("a", .txt, starText), ("x*", .a, address)]).anyOwnerHasWildcardLabel == false)
        #expect(try list([("a", .txt, starText), ("c.*.d", .a, address)]).anyOwnerHasWildcardLabel == true)
        #expect(try list([("*", .a, address)]).anyOwnerHasWildcardLabel == true)
        #expect(try list([]).anyOwnerHasWildcardLabel == false)
    }
}
