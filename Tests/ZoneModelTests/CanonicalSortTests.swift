import Testing
@testable import ZoneModel

/// `ZoneBuilder.build` sorts owners by a sixteen-octet key prefix and settles
/// ties by comparing the names: the order must be RFC 4034's in every case,
/// and an owner read in several separate runs must become one group.
@Suite struct CanonicalSortTests {
    static let origin = try! DomainName("example.")

    /// Names that share long key prefixes, differ only in case, carry the
    /// octets the key escapes (0x00, 0x01), or are the origin itself.
    static func owners() throws -> [DomainName] {
        let long = String(repeating: "a", count: 20)
        let texts = [
            "@", "host123456789012", "host123456789013", "HOST123456789012x", "host1234567890",
            "host12345678901", "\(long)", "\(long)b", "\(long).sub", "b.\(long)", "\\000", "\\000\\001",
            "\\001", "\\001a", "a\\000b", "A", "a", "a.b", "*.a", "z.\\000.\(long)", "host1.host2",
            "zz", "z\\255",
            // Keys of 11 and 12 octets (whole in the prefix, or just not), and
            // a longer key that shares those 12 octets.
            "host123456", "HOST123456", "host1234567", "Host1234567", "x.host1234567", "host12345\\000",
            // The same about the sixteen octets the key holds now: glue names
            // below one delegation point (whole keys of 16 octets and ties
            // past them), and an escaped octet whose second key octet falls
            // just past the prefix.
            "ns1.child123456", "ns2.child123456", "NS1.child123456", "ns10.child123456", "ns1.child1234567",
            "n.child1234567", "o.child1234567", "host12345678901\\000", "host12345678901\\001",
            "host1234567890123", "host123456789012\\000",
            // A key whose sixteenth octet ends a label (child1234567890 and
            // its 0) and goes on: the prefix alone does not settle these.
            "b.child1234567890", "a.child1234567890", "child1234567890",
        ]
        return try texts.map { try DomainName($0, origin: origin) }
    }

    @Test func ordersAndGroupsLikeTheNames() throws {
        let owners = try Self.owners()
        var records: [Record] = []
        // Each owner twice, in separate runs, with two types: the builder must
        // merge the runs and order the types.
        for (round, type) in [(0, RRType.txt), (1, RRType.a)] {
            for (number, owner) in owners.enumerated().reversed() {
                let rdata: [UInt8] = type == .a ? [192, 0, 2, UInt8(number)] : [1, UInt8(number)]
                records.append(Record(owner: owner, type: type, ttl: 60, rdata: rdata,
                                      location: SourceLocation(file: "t", line: round * 100 + number, column: 1)))
            }
        }
        var builder = ZoneBuilder(origin: Self.origin)
        builder.append(contentsOf: records)
        let (zone, findings) = builder.build()
        #expect(findings.isEmpty)
        let keys = (0..<zone.rrsets.count).map { zone.rrsets.key(at: $0) }
        // The expected order: distinct owners (ignoring case) by RFC 4034 order, A before TXT.
        var distinct: [DomainName] = []
        for owner in owners where !distinct.contains(owner) { distinct.append(owner) }
        let expected = distinct.sorted().flatMap { [RRsetKey(owner: $0, type: .a), RRsetKey(owner: $0, type: .txt)] }
        #expect(keys == expected)
        // "A" and "a" are one owner: their RRsets hold both records.
        let a = try DomainName("a", origin: Self.origin)
        #expect(zone.rrset(a, .a)?.records.count == 2)
        #expect(zone.rrsets.ownerCount == distinct.count)
    }
}

@Suite struct OtherClassOwnerTests {
    /// An owner whose records are all of another class leaves an empty group
    /// behind the class filter (a fuzz crasher: it trapped on `1..<0`).
    @Test func ownerWithOnlyOtherClassRecordsIsDroppedWithFindings() throws {
        let origin = try DomainName("example.")
        var builder = ZoneBuilder(origin: origin)
        builder.append(Record(owner: origin, type: .soa, rrClass: .in, ttl: 60,
                              rdata: [0, 0] + [UInt8](repeating: 0, count: 20)))
        builder.append(Record(owner: origin, type: .ns, rrClass: .in, ttl: 60, rdata: origin.wire))
        let other = try DomainName("ch.example.")
        builder.append(Record(owner: other, type: .ns, rrClass: .ch, ttl: 60, rdata: origin.wire))
        builder.append(Record(owner: other, type: .txt, rrClass: .ch, ttl: 60, rdata: [1, 0x61]))
        builder.append(Record(owner: origin, type: .a, rrClass: .in, ttl: 60, rdata: [192, 0, 2, 1]))
        builder.append(Record(owner: other, type: .a, rrClass: .ch, ttl: 60, rdata: [192, 0, 2, 2]))
        let (zone, findings) = builder.build()
        #expect(zone.recordCount == 3)
        #expect(findings.filter { $0.rule == "zone.class-mismatch" }.count == 3)
    }
}

/// A zone big enough for the builder to key and sort its owners on several
/// threads must come out exactly as built on one: the same RRsets in the same
/// order, the same records with their locations, the same findings.
@Suite struct ParallelBuildTests {
    static let origin = try! DomainName("example.")

    /// 68,000 records in shuffled order (the builder sorts on threads from 65,536): owners read in several runs and in
    /// other cases, shared sixteen-octet key prefixes, duplicates, TTL mismatches,
    /// records of another class and outside the zone.
    static func records() throws -> [Record] {
        var generator = SplitMix64(seed: 7)
        var records: [Record] = []
        for number in 0..<17_000 {
            let text = number % 5 == 0 ? "HOST-with-a-long-shared-prefix-\(number)" : "h\(number % 7000).s\(number % 13)"
            let owner = try DomainName(text, origin: origin)
            let line = number * 4 + 1
            func location(_ offset: Int) -> ZoneModel.SourceLocation { SourceLocation(file: "z", line: line + offset, column: 1) }
            records.append(Record(owner: owner, type: .a, ttl: 300, rdata: [10, 0, UInt8(number >> 8 & 255), UInt8(number & 255)],
                                  location: location(0)))
            records.append(Record(owner: owner, type: .txt, ttl: number % 97 == 0 ? 60 : 300, rdata: [1, UInt8(number % 3)],
                                  location: location(1)))
            if number % 11 == 0 {
                records.append(Record(owner: owner, type: .aaaa, rrClass: .ch, ttl: 300, rdata: Array(repeating: 1, count: 16),
                                      location: location(2)))
            } else if number % 17 == 0 {
                records.append(Record(owner: try DomainName("x\(number).other."), type: .a, ttl: 300, rdata: [192, 0, 2, 1],
                                      location: location(2)))
            } else {
                records.append(Record(owner: owner, type: .mx, ttl: 300, rdata: [0, 10] + origin.wire, location: location(2)))
            }
            records.append(Record(owner: try DomainName(text.uppercased(), origin: origin), type: .a, ttl: 300,
                                  rdata: [10, 1, UInt8(number % 5), 1], location: location(3)))
        }
        records.shuffle(using: &generator)
        return records
    }

    static func build(_ records: [Record], jobs: Int) -> (zone: Zone, findings: [Finding]) {
        var builder = ZoneBuilder(origin: origin, jobs: jobs)
        builder.append(contentsOf: records)
        return builder.build()
    }

    @Test func buildOnThreadsEqualsBuildOnOne() throws {
        let records = try Self.records()
        let (single, singleFindings) = Self.build(records, jobs: 1)
        #expect(single.rrsets.count > 17_000 && !singleFindings.isEmpty, "the fixture exercises grouping and findings")
        let expected = Array(single.rrsets)
        for jobs in [2, 3] {
            let (zone, findings) = Self.build(records, jobs: jobs)
            // Compared as one Bool: a failing comparison of 50,000 RRsets would print them all.
            let sameRRsets = Array(zone.rrsets) == expected
            #expect(sameRRsets, "\(jobs) threads")
            // Exactly the same records: owner octets as written (case kept), RDATA and where each was read.
            func exact(_ rrset: RRset) -> [[String]] {
                rrset.records.map { ["\($0.owner.wire)", "\($0.rdata)", "\(String(describing: $0.location))"] }
            }
            #expect(zone.rrsets.indices.allSatisfy { exact(zone.rrsets[$0]) == exact(expected[$0]) }, "\(jobs) threads")
            #expect(findings == singleFindings, "\(jobs) threads")
            #expect(zone.cuts == single.cuts && zone.rrsets.ownerCount == single.rrsets.ownerCount)
        }
        // And the one order is RFC 4034's.
        let keys = expected.map { RRsetKey(owner: $0.owner, type: $0.type) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }

    /// A zone that shares records with another thread's copy reads the same.
    @Test func zoneForAnotherThreadReadsTheSame() throws {
        let (zone, _) = Self.build(Array(try Self.records().prefix(2000)), jobs: 1)
        let copy = zone.forAnotherThread()
        #expect(copy.origin == zone.origin && copy.cuts == zone.cuts)
        let sameRRsets = Array(copy.rrsets) == Array(zone.rrsets)
        #expect(sameRRsets)
    }
}
