import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct CheckerBehaviourTests {
    @Test func ruleTableIsCompleteAndUnique() {
        let ids = ZoneCheckRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.rawValue.hasPrefix("zone.") })
        // Errors are high, warnings medium or low.
        for rule in ZoneCheckRule.all where rule.id != ZoneCheckRule.findingsLimited.id {
            #expect([.high, .medium, .low].contains(rule.severity), "\(rule.id)")
        }
        // Rules ZoneBuilder owns are not repeated here.
        for owned in ["zone.out-of-zone", "zone.duplicate-record", "zone.ttl-mismatch"] {
            #expect(ZoneCheckRule.rule(RuleID(owned)) == nil)
        }
    }

    @Test("names outside the origin in a zone made from RRsets are still passed over, and only there asked about")
    func ownersOutsideTheOriginAreSkipped() throws {
        let origin = try DomainName("example.com.")
        func rrset(_ owner: String, _ type: RRType, _ rdata: [UInt8]) throws -> RRset {
            let name = try DomainName(owner)
            return RRset(owner: name, type: type, records: [Record(owner: name, type: type, ttl: 300, rdata: rdata)])
        }
        let soa = try DomainName("ns1.example.com.").wire + DomainName("h.example.com.").wire + [UInt8](repeating: 1, count: 20)
        let inside = [
            try rrset("example.com.", .soa, soa),
            try rrset("example.com.", .ns, DomainName("ns1.example.com.").wire),
            try rrset("ns1.example.com.", .a, [192, 0, 2, 1]),
        ]
        // Both a CNAME and other data: an error inside the zone, none of its business outside.
        func clash(at owner: String) throws -> [RRset] {
            [try rrset(owner, .a, [192, 0, 2, 2]), try rrset(owner, .cname, DomainName("example.com.").wire)]
        }
        let outside = try clash(at: "www.example.net.")
        let clean = Zone(origin: origin, sortedRRsets: inside)
        #expect(clean.ownersInside)
        let mixed = Zone(origin: origin, sortedRRsets: inside + outside)
        #expect(!mixed.ownersInside)
        #expect(ZoneChecker.check(zone: mixed).count(of: .cnameAndOtherData) == 0)
        let moved = Zone(origin: origin, sortedRRsets: inside + (try clash(at: "www.example.com.")))
        #expect(moved.ownersInside)
        #expect(ZoneChecker.check(zone: moved).count(of: .cnameAndOtherData) == 1)
    }

    @Test func disabledRulesAreNotReported() {
        var zone = TestZone.standard()
        zone.cname("alias", "a.example.net.")
        zone.cname("alias", "b.example.net.")
        zone.ns("child", "ns.child")
        let options = ZoneCheckOptions(disabledRules: [ZoneCheckRule.cnameMultiple.id])
        let findings = zone.check(options)
        #expect(findings.count(of: .cnameMultiple) == 0)
        #expect(findings.count(of: .glueMissing) == 1)
    }

    @Test func findingsPerRuleAreCapped() {
        var zone = TestZone.standard()
        zone.dname("gone", "example.net.")
        for index in 0..<25 { zone.a("h\(index).gone", "192.0.2.\(index)") }
        let findings = zone.check(ZoneCheckOptions(maxFindingsPerRule: 10))
        #expect(findings.count(of: .belowDNAME) == 10)
        let note = findings.with(.findingsLimited)
        #expect(note.count == 1)
        #expect(note.first?.message == "15 more zone.below-dname findings not listed (25 in all)")
        #expect(note.first?.severity == .info)
    }

    @Test func integrityLevelCanBeTurnedOff() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.child")
        zone.mx("@", 10, "mail")
        let options = ZoneCheckOptions(levels: [.mandatory])
        #expect(zone.check(options).isEmpty)
    }

    @Test func namesAreComparedWithoutCase() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "MAIL")
        zone.a("mail", "192.0.2.25")
        zone.cname("Alias", "x.example.net.")
        zone.txt("ALIAS", "clash")
        let findings = zone.check()
        #expect(findings.count(of: .targetNoAddress) == 0)
        #expect(findings.count(of: .cnameAndOtherData) == 1)
    }

    @Test func manyDelegationsFindOnlyThePlantedError() {
        // 40k records with delegations, glue and in-zone MX targets: exactly
        // the planted missing glue is found among them.
        var builder = ZoneBuilder(origin: try! DomainName("example.com."))
        let base = TestZone.standard()
        builder.append(contentsOf: base.records)
        let origin = base.origin
        for index in 0..<10_000 {
            let child = try! DomainName("d\(index)", origin: origin)
            let server = try! DomainName("ns.d\(index)", origin: origin)
            builder.append(Record(owner: child, type: .ns, ttl: 3600, rdata: server.wire))
            builder.append(Record(owner: server, type: .a, ttl: 3600, rdata: [192, 0, 2, UInt8(index % 250)]))
            let host = try! DomainName("h\(index)", origin: origin)
            builder.append(Record(owner: host, type: .a, ttl: 3600, rdata: [198, 51, 100, 1]))
            builder.append(Record(owner: host, type: .mx, ttl: 3600, rdata: [0, 10] + host.wire))
        }
        let orphan = try! DomainName("orphan", origin: origin)
        builder.append(Record(owner: orphan, type: .ns, ttl: 3600, rdata: try! DomainName("ns.orphan", origin: origin).wire))
        let findings = ZoneChecker.check(zone: builder.build().zone)
        #expect(findings.map(\.rule) == [ZoneCheckRule.glueMissing.id])
    }
}
