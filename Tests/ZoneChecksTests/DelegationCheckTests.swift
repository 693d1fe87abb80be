import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct DelegationCheckTests {
    @Test func apexNameServerWithoutAddressIsMissingGlue() {
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns1")
        zone.ns("@", "ns2")
        zone.a("ns1", "192.0.2.1")
        let findings = zone.check().with(.glueMissing)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("NS ns2.example.com.") == true)
        #expect(findings.first?.location?.line == 3)
    }

    @Test func apexNameServerAtTheApexNeedsAnApexAddress() {
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "@")
        #expect(zone.check().count(of: .glueMissing) == 1)
        zone.a("@", "192.0.2.1")
        #expect(zone.check().count(of: .glueMissing) == 0)
    }

    @Test func delegationWithGlueBelowItIsFine() {
        var zone = TestZone.standard()
        zone.ns("child", "ns1.child")
        zone.a("ns1.child", "192.0.2.53")
        #expect(zone.check().isEmpty)
    }

    @Test func delegationWithoutGlueBelowItIsAnError() {
        var zone = TestZone.standard()
        zone.ns("child", "ns1.child")
        let findings = zone.check().with(.glueMissing)
        #expect(findings.count == 1)
        #expect(findings.first?.owner == zone.name("child"))
    }

    @Test func delegationToAnAuthoritativeNameWithoutAddressIsAnError() {
        // Knot glue_besides.missing: the name server is a sibling in the zone.
        var zone = TestZone.standard()
        zone.ns("deleg", "dns2")
        #expect(zone.check().count(of: .glueMissing) == 1)
    }

    @Test func outOfZoneNameServersNeedNothing() {
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns.example.net.")
        zone.ns("child", "ns.example.org.")
        #expect(zone.check().isEmpty)
    }

    @Test func nameServerBelowAnotherDelegationIsThatChildsBusiness() {
        // Knot glue_in_deleg.valid.
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns2.d")
        zone.ns("d", "ns1.d")
        zone.a("ns1.d", "1.2.3.4")
        zone.ns("x", "d")
        #expect(zone.check().isEmpty)
    }

    @Test func wildcardAtTheClosestEncloserAnswersForGlue() {
        // Knot glue_wildcard.valid.
        var zone = TestZone.standard()
        zone.ns("abc", "a.ns.abc")
        zone.ns("deleg1", "a.ns.abc")
        zone.ns("deleg2", "a.ns.ns.ns.ns.xyz")
        zone.aaaa("*.ns.abc")
        zone.aaaa("*.ns.xyz", 2)
        #expect(zone.check().count(of: .glueMissing) == 0)
    }

    @Test func wildcardBlockedByAnExistingNameDoesNotAnswer() {
        var zone = TestZone.standard()
        zone.ns("deleg", "a.b.hosts")
        zone.txt("b.hosts", "exists")
        zone.a("*.hosts", "192.0.2.44")
        #expect(zone.check().count(of: .glueMissing) == 1)
    }

    @Test func nameServerThatIsACNAMEIsAnError() {
        var zone = TestZone.standard()
        zone.ns("@", "alias")
        zone.cname("alias", "ns1")
        let findings = zone.check()
        #expect(findings.count(of: .targetIsCNAME) == 1)
        #expect(findings.count(of: .glueMissing) == 0)
    }

    @Test func apexNameServerBelowADNAMEIsAnError() {
        // BIND ns-address-below-dname.db.
        var zone = TestZone()
        zone.soa("@")
        zone.dname("@", "example.net.")
        zone.ns("@", "ns")
        zone.a("ns", "192.168.0.2")
        let findings = zone.check()
        #expect(findings.count(of: .targetBelowDNAME) == 1)
        #expect(findings.count(of: .belowDNAME) == 1)
        #expect(findings.count(of: .glueMissing) == 0)
    }

    @Test func occludedNSSetsAreNotCheckedForGlue() {
        // BIND good-occulted-ns-by-ns.db: the inner NS is occluded, not a delegation.
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns.example.net.")
        zone.ns("foo", "ns.example.net.")
        zone.ns("bar.foo", "x.foo")
        let findings = zone.check()
        #expect(findings.count(of: .glueMissing) == 0)
        #expect(findings.count(of: .occludedData) == 1)
        #expect(findings.errors.isEmpty)
    }

    @Test func nameServerWrittenAsAnAddressIsAWarning() {
        var zone = TestZone.standard()
        zone.ns("@", "192.0.2.1.")
        let findings = zone.check().with(.targetIsAddress)
        #expect(findings.count == 1)
        #expect(findings.first?.level == .warning)
    }
}
