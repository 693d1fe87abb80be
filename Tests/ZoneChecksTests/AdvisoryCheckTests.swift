import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct AdvisoryCheckTests {
    @Test func spfTypeWithoutTXTPolicyIsAWarning() {
        // BIND spf.db: only y is reported.
        var zone = TestZone.standard()
        zone.txt("@", "v=spf1 -all")
        zone.txt("@", "v=spf1 -all", type: .spf)
        zone.txt("x", "v=spf1")
        zone.txt("y", "v=spf1", type: .spf)
        zone.txt("y", "a non spf record")
        let findings = zone.check()
        #expect(findings.with(.spfWithoutTXT).map(\.owner) == [zone.name("y")])
        #expect(findings.with(.spfWithoutTXT).first?.level == .warning)
    }

    @Test func spfPolicyRecognition() {
        func rdata(_ strings: String...) -> [UInt8] {
            strings.flatMap { [UInt8($0.utf8.count)] + Array($0.utf8) }
        }
        #expect(AdvisoryChecks.isSPFPolicy(rdata("v=spf1")))
        #expect(AdvisoryChecks.isSPFPolicy(rdata("V=SPF1 -all")))
        #expect(AdvisoryChecks.isSPFPolicy(rdata("v=sp", "f1 mx")))
        #expect(!AdvisoryChecks.isSPFPolicy(rdata("v=spf10")))
        #expect(!AdvisoryChecks.isSPFPolicy(rdata("hello")))
    }

    @Test func aRecordsWithOnlyIPv6NameServersAreAWarning() {
        // BIND warn.no-a.server.db.
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns1")
        zone.ns("@", "ns2")
        zone.aaaa("ns1", 1)
        zone.aaaa("ns2", 2)
        zone.a("dualstack", "10.53.0.5")
        zone.aaaa("dualstack", 5)
        let findings = zone.check()
        #expect(findings.count(of: .noIPv4NameServer) == 1)
        #expect(findings.count(of: .noIPv6NameServer) == 0)
    }

    @Test func aaaaRecordsWithOnlyIPv4NameServersAreAWarning() {
        var zone = TestZone.standard()
        zone.aaaa("www")
        let findings = zone.check()
        #expect(findings.count(of: .noIPv6NameServer) == 1)
        #expect(findings.count(of: .noIPv4NameServer) == 0)
    }

    @Test func addressFamiliesAreNotJudgedWithOutOfZoneNameServers() {
        var zone = TestZone.standard()
        zone.ns("@", "ns.example.net.")
        zone.aaaa("www")
        #expect(zone.check().isEmpty)
    }

    @Test func glueCountsAsTheZonesAddresses() {
        // BIND warn.no-a.server.glue.db.
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns1")
        zone.aaaa("ns1")
        zone.ns("child", "ns1.child")
        zone.a("ns1.child", "10.53.0.5")
        zone.aaaa("ns1.child", 7)
        #expect(zone.check().count(of: .noIPv4NameServer) == 1)
    }
}
