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

@Suite struct RootAndRepeatedTargetTests {
    @Test func rootZoneDelegationsNeedGlueOnlyBelowThemselves() {
        var zone = TestZone(".")
        zone.soa("@")
        zone.ns("@", "a.root-servers.net.")
        zone.ns("net.", "a.gtld-servers.net.")
        zone.a("a.gtld-servers.net.", "192.5.6.30")
        zone.ns("org.", "a0.org.afilias-nst.info.")
        zone.ns("info.", "a0.info.afilias-nst.info.")
        zone.a("a0.info.afilias-nst.info.", "199.254.31.1")
        // org's server lies below info.: the info delegation answers for it.
        #expect(zone.check().isEmpty)
        zone.ns("example.", "ns.example.")
        let findings = zone.check().with(.glueMissing)
        #expect(findings.map(\.owner) == [zone.name("example.")])
    }

    @Test func repeatedTargetsGiveTheSameAnswerEveryTime() {
        // Many MX records naming the same hosts go through the lookup cache.
        var zone = TestZone.standard()
        zone.a("mail", "192.0.2.25")
        for index in 0..<50 {
            zone.mx("m\(index)", 10, "mail")
            zone.mx("m\(index)", 20, "nomail")
            zone.mx("m\(index)", 30, "MAIL")
        }
        let findings = zone.check()
        #expect(findings.count(of: .targetNoAddress) == 50)
        #expect(findings.with(.targetNoAddress).allSatisfy { $0.message.contains("MX nomail.example.com.") })
    }

    @Test func delegationNameServerBelowADNAMEIsReported() {
        // BIND delegating-ns-address-below-dname.db.
        var zone = TestZone.standard()
        zone.ns("sub", "ns.sub2")
        zone.dname("sub2", "example.net.")
        zone.a("ns.sub2", "192.168.0.2")
        let findings = zone.check()
        #expect(findings.with(.targetBelowDNAME).map(\.owner) == [zone.name("sub")])
        #expect(findings.with(.belowDNAME).map(\.owner) == [zone.name("ns.sub2")])
    }
}

/// The glue of a delegation is looked for in its subtree first
/// (`RRsetList.positions(of:belowOwnerAt:searching:)`); what that search
/// cannot settle must end as the full lookup does.
@Suite struct DelegationSubtreeGlueTests {
    @Test func glueFarDownTheSubtreeInAnyCaseIsFound() {
        var zone = TestZone.standard()
        // Twenty names sort before the name server: past the subtree search.
        // (Targets that start with a digit or a hex letter might be address
        // literals, which the search leaves alone: these do not.)
        for index in 0..<20 { zone.a("g\(index).child", "192.0.2.\(index)") }
        zone.ns("child", "zz.child")
        zone.ns("child", "G3.CHILD")
        zone.a("zz.child", "192.0.2.99")
        #expect(zone.check().isEmpty)
    }

    @Test func glueWithoutAnAddressIsMissingWhereverItIs() {
        var zone = TestZone.standard()
        // In canonical order: child, m1 (TXT), m2 (CNAME), the fillers, zzz.
        zone.ns("child", "m1.child")
        zone.txt("m1.child", "no address")
        zone.ns("child", "m2.child")
        zone.cname("m2.child", "ns1")
        zone.ns("child", "m3.child")
        for index in 0..<20 { zone.txt("p\(index).child", "filler") }
        zone.ns("child", "zzz.child")
        zone.txt("zzz.child", "no address either")
        let findings = zone.check().with(.glueMissing)
        #expect(findings.count == 4)
        for target in ["m1", "m2", "m3", "zzz"] {
            #expect(findings.filter { $0.message.contains("NS \(target).child.example.com.") }.count == 1, "\(target)")
        }
    }

    @Test func anAddressLiteralBelowADelegationIsStillReported() {
        // The delegation point's own labels are digits: 1.2.3.4.example.com.
        // lies below 3.4.example.com. and reads as the address 1.2.3.4.
        var zone = TestZone.standard()
        zone.ns("3.4", "1.2.3.4")
        zone.a("1.2.3.4", "192.0.2.7")
        #expect(zone.check().count(of: .targetIsAddress) == 1)
        #expect(zone.check().count(of: .glueMissing) == 0)
    }
}
