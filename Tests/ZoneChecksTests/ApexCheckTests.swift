import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct ApexCheckTests {
    @Test func cleanZoneHasNoFindings() {
        var zone = TestZone.standard()
        zone.a("www", "192.0.2.10")
        zone.mx("@", 10, "mail")
        zone.a("mail", "192.0.2.20")
        #expect(zone.check().isEmpty)
    }

    @Test func emptyZoneIsReportedAlone() {
        let findings = TestZone().check()
        #expect(findings.map(\.rule) == [ZoneCheckRule.empty.id])
        #expect(findings.first?.severity == .high)
    }

    @Test func missingSOAIsAnError() {
        var zone = TestZone()
        zone.ns("@", "ns1")
        zone.a("ns1", "192.0.2.1")
        let findings = zone.check()
        #expect(findings.count(of: .soaMissing) == 1)
        #expect(findings.with(.soaMissing).first?.location?.line == 1)
        #expect(TestZone.standard().check().count(of: .soaMissing) == 0)
    }

    @Test func twoDifferentSOAsAtTheApexAreAnError() {
        var zone = TestZone.standard()
        zone.soa("@", serial: 2)
        let findings = zone.check()
        #expect(findings.count(of: .soaMultiple) == 1)
        // Pointed at the later of the two.
        #expect(findings.with(.soaMultiple).first?.location?.line == 4)
    }

    @Test func identicalSOAsAreOnlyADuplicateForTheBuilder() {
        var zone = TestZone.standard()
        zone.soa("@")
        #expect(zone.check().count(of: .soaMultiple) == 0)
    }

    @Test func soaBelowTheApexIsAnError() {
        var zone = TestZone.standard()
        zone.soa("sub")
        let findings = zone.check()
        #expect(findings.count(of: .soaNotAtApex) == 1)
        #expect(findings.with(.soaNotAtApex).first?.owner == zone.name("sub"))
        #expect(findings.with(.soaNotAtApex).first?.location?.line == 4)
        #expect(TestZone.standard().check().count(of: .soaNotAtApex) == 0)
    }

    @Test func missingApexNSIsAnError() {
        var zone = TestZone()
        zone.soa("@")
        zone.a("www", "192.0.2.1")
        let findings = zone.check()
        #expect(findings.count(of: .apexNSMissing) == 1)
        #expect(findings.with(.apexNSMissing).first?.level == .error)
        #expect(TestZone.standard().check().count(of: .apexNSMissing) == 0)
    }

    @Test func findingsCarryZoneOwnerTypeAndMessage() {
        var zone = TestZone.standard()
        zone.a("www", "192.0.2.1")
        zone.cname("www", "other.example.net.")
        let finding = zone.check().with(.cnameAndOtherData).first
        #expect(finding?.zone == zone.origin)
        #expect(finding?.owner == zone.name("www"))
        #expect(finding?.type == .cname)
        #expect(finding?.message == "www.example.com.: CNAME and other data (also A)")
        #expect(finding?.location == SourceLocation(file: "test.zone", line: 5, column: 1))
        #expect(finding?.after.contains { $0.type == .cname } == true)
    }
}
