import Testing
import ZoneModel
@testable import ZoneChecks

/// The name pass of a large zone runs as two halves on two threads; splitting
/// anywhere must give the findings of the single pass, in the same order,
/// with the same per-rule caps.
@Suite struct SplitPassTests {
    /// Cuts with glue and occluded data, nested names below cuts and below a
    /// DNAME, targets with and without addresses, a wildcard, CNAME clashes.
    static func mixedZone() -> Zone {
        var zone = TestZone.standard()
        zone.aaaa("ns1")
        zone.mx("@", 10, "mail")
        zone.a("mail", "192.0.2.25")
        zone.ns("child", "ns.child")
        zone.a("ns.child", "192.0.2.53")
        zone.txt("deep.below.child", "occluded")
        zone.ds("child")
        zone.ns("lame", "ns.lame")
        zone.ns("lame", "ns.elsewhere")
        zone.txt("x.lame", "occluded")
        zone.dname("moved", "example.net.")
        zone.a("a.moved", "192.0.2.7")
        zone.a("b.c.moved", "192.0.2.8")
        zone.ns("d.moved", "ns.d.moved")
        zone.a("*.wild", "192.0.2.9")
        zone.mx("wildmail", 10, "host.wild")
        for index in 0..<12 {
            zone.mx("m\(index)", 10, "missing\(index)")
            zone.srv("_sip._tcp.s\(index)", "gone\(index)")
            zone.cname("alias\(index)", "mail")
            zone.a("alias\(index)", "192.0.2.\(index)")
        }
        zone.ns("sub", "ns.sub")
        zone.ns("x.sub", "ns.x.sub")
        zone.cname("after", "nowhere")
        zone.mx("after2", 5, "after")
        return zone.build()
    }

    @Test(arguments: [1000, 3, 1])
    func everySplitGivesTheSinglePassFindings(cap: Int) {
        let zone = SplitPassTests.mixedZone()
        let options = ZoneCheckOptions(maxFindingsPerRule: cap)
        let single = ZoneChecker.check(zone: zone, options: options, splitAt: nil)
        #expect(single.count > 10)
        let rrsets = zone.rrsets
        var split = rrsets.ownerGroupEnd(from: 0)
        var splits = 0
        while split < rrsets.count {
            let halves = ZoneChecker.check(zone: zone, options: options, splitAt: split)
            #expect(halves == single, "split at \(split) (\(rrsets.owner(at: split)))")
            split = rrsets.ownerGroupEnd(from: split)
            splits += 1
        }
        #expect(splits > 40)
    }

    /// Cut into many parts (as large zones are, eight of them) at owner
    /// starts chosen by `ZoneChecker.splits`, the pass still gives the single
    /// pass's findings, for every part count up to one part per owner.
    @Test(arguments: [1000, 3, 1])
    func manyPartsGiveTheSinglePassFindings(cap: Int) {
        let zone = SplitPassTests.mixedZone()
        let options = ZoneCheckOptions(maxFindingsPerRule: cap)
        let single = ZoneChecker.check(zone: zone, options: options, splitAt: nil)
        let rrsets = zone.rrsets
        for parts in 2...rrsets.ownerCount {
            let splits = ZoneChecker.splits(rrsets, parts: parts)
            #expect(splits == splits.sorted() && Set(splits).count == splits.count)
            #expect(splits.allSatisfy { $0 > 0 && $0 < rrsets.count && rrsets.ownerGroupEnd(from: $0 - 1) == $0 })
            #expect(ZoneChecker.check(zone: zone, options: options, splits: splits) == single, "\(parts) parts")
        }
    }

    @Test func stateAtASplitFollowsTheHighestCutOrDNAME() throws {
        let zone = SplitPassTests.mixedZone()
        let rrsets = zone.rrsets
        let owners = OwnerIndex(rrsets)
        func state(at name: String) throws -> WalkState {
            let target = try DomainName(name)
            let position = try #require(owners.positions(of: target))
            return WalkState.at(position.lowerBound, in: zone, owners: owners)
        }
        let child = try DomainName("child.example.com."), sub = try DomainName("sub.example.com.")
        let moved = try DomainName("moved.example.com.")
        #expect(try state(at: "deep.below.child.example.com.").cut == child)
        #expect(try state(at: "x.sub.example.com.").cut == sub)
        #expect(try state(at: "b.c.moved.example.com.").dname == moved)
        #expect(try state(at: "d.moved.example.com.").dname == moved)
        #expect(try state(at: "d.moved.example.com.").cut == nil)
        #expect(try state(at: "mail.example.com.").cut == nil)
        #expect(try state(at: "mail.example.com.").dname == nil)
    }
}
