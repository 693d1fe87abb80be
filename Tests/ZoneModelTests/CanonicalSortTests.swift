import Testing
@testable import ZoneModel

/// `ZoneBuilder.build` sorts owners by a twelve-octet key prefix and settles
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
