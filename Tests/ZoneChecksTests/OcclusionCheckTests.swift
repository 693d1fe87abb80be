import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct OcclusionCheckTests {
    @Test func dataBelowACutOtherThanGlueIsOccluded() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.child")
        zone.a("ns.child", "192.0.2.53")
        zone.aaaa("ns.child")
        zone.txt("www.child", "never served")
        zone.mx("child.child", 10, "mail.example.net.")
        let findings = zone.check().with(.occludedData)
        #expect(findings.map(\.type) == [.mx, .txt])
        #expect(findings.allSatisfy { $0.level == .warning })
        #expect(findings.first?.message.contains("below the delegation point child.example.com.") == true)
    }

    @Test func dataAtACutOtherThanNSDSAndGlueIsOccluded() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.ds("child")
        zone.rrsig("child", covering: .ds)
        zone.nsec("child", next: "ns1", types: [.ns, .ds, .rrsig, .nsec])
        zone.a("child", "192.0.2.5")
        #expect(zone.check().isEmpty)
        zone.txt("child", "hidden")
        let findings = zone.check().with(.occludedData)
        #expect(findings.map(\.type) == [.txt])
    }

    @Test func nestedCutsAreOccludedByTheHighest() {
        var zone = TestZone.standard()
        zone.ns("a", "ns.example.net.")
        zone.ns("b.a", "ns.example.net.")
        zone.ds("b.a")
        let findings = zone.check()
        #expect(findings.with(.occludedData).map(\.type) == [.ns, .ds])
        #expect(findings.count(of: .dsNotAtDelegation) == 0)
    }

    @Test func authoritativeDataNextToACutIsNotOccluded() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.txt("childish", "mine")
        zone.txt("x.childish", "mine too")
        #expect(zone.check().isEmpty)
    }
}
