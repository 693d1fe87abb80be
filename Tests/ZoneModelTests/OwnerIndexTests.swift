import Testing
@testable import ZoneModel

/// `OwnerIndex` finds every owner's RRsets, ignoring case, and nothing else,
/// whether its names were hashed on one thread or in parts on several, and
/// whether the zone's builder made it beside the records or not.
@Suite struct OwnerIndexTests {
    /// 40,000 owners with one to three RRsets each: over 65,536 RRsets, so
    /// two jobs hash the names in parts. A few records lie outside the zone
    /// or in another class: the builder leaves them out, and must leave
    /// their owners out of its index too.
    static func zone(indexingOwners: Bool = false, builderJobs: Int = 1) throws -> Zone {
        let origin = try DomainName("example.")
        var builder = ZoneBuilder(origin: origin, jobs: builderJobs)
        builder.append(Record(owner: try DomainName("host1.zone1.example.org."), type: .a, ttl: 300, rdata: [192, 0, 2, 1]))
        builder.append(Record(owner: try DomainName("chaos.example."), type: .txt, rrClass: .ch, ttl: 300, rdata: [1, 0x61]))
        for index in 0..<40_000 {
            let owner = try DomainName("Host\(index).Zone\(index % 97)", origin: origin)
            builder.append(Record(owner: owner, type: .a, ttl: 300, rdata: [192, 0, 2, UInt8(index % 256)]))
            if index % 2 == 0 { builder.append(Record(owner: owner, type: .txt, ttl: 300, rdata: [1, 0x61])) }
            if index % 3 == 0 { builder.append(Record(owner: owner, type: .aaaa, ttl: 300, rdata: [UInt8](repeating: 1, count: 16))) }
        }
        return builder.build(indexingOwners: indexingOwners).zone
    }

    @Test(arguments: [1, 2, 3])
    func findsEveryOwnerAndNothingElse(jobs: Int) throws {
        let zone = try Self.zone()
        let rrsets = zone.rrsets
        #expect(rrsets.count > 65_536)
        let index = OwnerIndex(rrsets, jobs: jobs)
        var position = 0
        while position < rrsets.count {
            let end = rrsets.ownerGroupEnd(from: position)
            let name = rrsets.owner(at: position)
            #expect(index.positions(of: name) == position..<end, "\(name)")
            let upper = try DomainName(name.description.uppercased())
            #expect(index.positions(of: upper) == position..<end, "\(upper)")
            position = end
        }
        for absent in ["host40000.zone0.example.", "zone1.example.", "example.", "host1.zone1.example.org.", "chaos.example."] {
            #expect(index.positions(of: try DomainName(absent)) == nil, "\(absent)")
        }
    }

    /// The index a builder makes beside the records (on one thread or two)
    /// is the one `OwnerIndex` then uses, and it answers as one made after.
    @Test(arguments: [1, 2])
    func builderMadeIndexAnswersAsOneMadeAfter(builderJobs: Int) throws {
        let zone = try Self.zone(indexingOwners: true, builderJobs: builderJobs)
        let rrsets = zone.rrsets
        #expect(rrsets.storage.ownerSlots != nil)
        #expect(try Self.zone(builderJobs: builderJobs).rrsets.storage.ownerSlots == nil)
        let index = OwnerIndex(rrsets)
        var position = 0
        var owners = 0
        while position < rrsets.count {
            let end = rrsets.ownerGroupEnd(from: position)
            let name = rrsets.owner(at: position)
            #expect(index.positions(of: name) == position..<end, "\(name)")
            #expect(index.positions(of: try DomainName(name.description.uppercased())) == position..<end, "\(name)")
            owners += 1
            position = end
        }
        #expect(owners == 40_000)
        for absent in ["host40000.zone0.example.", "zone1.example.", "example.", "host1.zone1.example.org.", "chaos.example."] {
            #expect(index.positions(of: try DomainName(absent)) == nil, "\(absent)")
        }
    }
}
