import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct AliasCheckTests {
    @Test func cnameBesideOtherDataIsAnError() {
        var zone = TestZone.standard()
        zone.cname("alias", "www")
        zone.mx("alias", 10, "mail.example.net.")
        zone.txt("alias", "hello")
        zone.a("www", "192.0.2.2")
        let findings = zone.check().with(.cnameAndOtherData)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("also MX, TXT") == true)
    }

    @Test func cnameWithItsSignatureAndNSECIsFine() {
        var zone = TestZone.standard()
        zone.cname("alias", "www")
        zone.rrsig("alias", covering: .cname)
        zone.nsec("alias", next: "www", types: [.cname, .rrsig, .nsec])
        zone.a("www", "192.0.2.2")
        #expect(zone.check().count(of: .cnameAndOtherData) == 0)
    }

    @Test func cnameBesideKeyIsAnError() {
        // RFC 2535 allowed KEY beside CNAME; RFC 4035 section 2.5 allows only RRSIG and NSEC.
        var zone = TestZone.standard()
        zone.cname("alias", "www")
        zone.add("alias", .key, [0x01, 0x00, 3, 13, 1, 2, 3])
        zone.a("www", "192.0.2.2")
        #expect(zone.check().count(of: .cnameAndOtherData) == 1)
    }

    @Test func cnameAtTheApexCollidesWithSOAAndNS() {
        var zone = TestZone.standard()
        zone.cname("@", "@")
        #expect(zone.check().count(of: .cnameAndOtherData) == 1)
    }

    @Test func twoCNAMEsAreAnError() {
        var zone = TestZone.standard()
        zone.cname("alias", "a.example.net.")
        zone.cname("alias", "b.example.net.")
        let findings = zone.check()
        #expect(findings.count(of: .cnameMultiple) == 1)
        #expect(findings.with(.cnameMultiple).first?.location?.line == 5)
        #expect(findings.count(of: .cnameAndOtherData) == 0)

        var single = TestZone.standard()
        single.cname("alias", "a.example.net.")
        #expect(single.check().isEmpty)
    }

    @Test func twoDNAMEsAreAnError() {
        var zone = TestZone.standard()
        zone.dname("foo", "bar1")
        zone.dname("foo", "bar2")
        #expect(zone.check().count(of: .dnameMultiple) == 1)

        var single = TestZone.standard()
        single.dname("foo", "bar1")
        #expect(single.check().isEmpty)
    }

    @Test func dnameBesideNSBelowTheApexIsAnError() {
        var zone = TestZone.standard()
        zone.dname("foo", "bar")
        zone.ns("foo", "ns1")
        #expect(zone.check().count(of: .dnameAndNS) == 1)
    }

    @Test func dnameBesideNSAtTheApexIsAllowed() {
        var zone = TestZone.standard()
        zone.dname("@", "example.net.")
        zone.ns("@", "ns.example.net.")
        let findings = zone.check()
        #expect(findings.count(of: .dnameAndNS) == 0)
    }

    @Test func namesBelowADNAMEAreErrors() {
        var zone = TestZone.standard()
        zone.dname("foo", "bar")
        zone.a("bar.foo", "192.0.0.1")
        zone.txt("deep.bar.foo", "x")
        zone.a("sibling", "192.0.2.9")
        let findings = zone.check().with(.belowDNAME)
        #expect(findings.map(\.owner) == [zone.name("bar.foo"), zone.name("deep.bar.foo")])
        #expect(findings.first?.location?.line == 5)
        #expect(findings.first?.message.contains("DNAME at foo.example.com.") == true)
    }

    @Test func dnameWithoutChildrenIsFine() {
        var zone = TestZone.standard()
        zone.dname("foo", "bar")
        zone.a("foo", "192.0.2.7")
        zone.a("foobar", "192.0.2.8")
        #expect(zone.check().count(of: .belowDNAME) == 0)
    }

    @Test func nsec3OwnerBelowAnApexDNAMEIsAllowed() {
        // Knot dname_apex_nsec3.signed.
        var zone = TestZone()
        zone.soa("@")
        zone.ns("@", "ns.example.net.")
        zone.dname("@", "example.net.")
        zone.nsec3("ple28jlp3q5anh045ssk9f3u7ltd4qlc", types: [.ns, .soa, .dname])
        zone.rrsig("ple28jlp3q5anh045ssk9f3u7ltd4qlc", covering: .nsec3)
        #expect(zone.check().isEmpty)
        zone.txt("ple28jlp3q5anh045ssk9f3u7ltd4qlc", "not only NSEC3")
        #expect(zone.check().count(of: .belowDNAME) == 1)
    }

    @Test func dnameAtADelegationDoesNotOccludeTheGlue() {
        // The DNAME at a cut is the child's data; the glue below stays glue.
        var zone = TestZone.standard()
        zone.ns("child", "ns.child")
        zone.dname("child", "example.org.")
        zone.a("ns.child", "192.0.2.50")
        let findings = zone.check()
        #expect(findings.count(of: .dnameAndNS) == 1)
        #expect(findings.count(of: .belowDNAME) == 0)
        #expect(findings.count(of: .glueMissing) == 0)
    }
}
