import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct DSCheckTests {
    @Test func dsAtTheApexIsAnError() {
        var zone = TestZone.standard()
        zone.ds("@")
        #expect(zone.check().count(of: .dsAtApex) == 1)
    }

    @Test func dsAtADelegationIsFine() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.ds("child")
        #expect(zone.check().isEmpty)
    }

    @Test func dsWithoutADelegationIsAnError() {
        var zone = TestZone.standard()
        zone.ds("foo")
        let findings = zone.check()
        #expect(findings.count(of: .dsNotAtDelegation) == 1)
        #expect(findings.count(of: .dsAtApex) == 0)
    }

    @Test func unassignedDigestTypesAreErrors() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.ds("child", digestType: 0, digestLength: 1)
        zone.ds("child", digestType: 127, digestLength: 1)
        for (type, length) in [(1, 20), (2, 32), (3, 32), (4, 48), (5, 32), (6, 32)] {
            zone.ds("child", digestType: UInt8(type), digestLength: length)
        }
        let findings = zone.check()
        #expect(findings.count(of: .dsDigestUnknown) == 2)
        #expect(findings.count(of: .dsDigestLength) == 0)
        #expect(findings.with(.dsDigestUnknown).allSatisfy { $0.message.contains("keytag 12345") })
    }

    @Test func digestOfTheWrongLengthIsAnError() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.ds("child", digestType: 2, digestLength: 20)
        let findings = zone.check().with(.dsDigestLength)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("20 octets, expected 32") == true)
    }

    @Test func optionalLevelCanBeTurnedOff() {
        var zone = TestZone.standard()
        zone.ns("child", "ns.example.net.")
        zone.ds("child", digestType: 0, digestLength: 1)
        let options = ZoneCheckOptions(levels: [.mandatory, .integrity, .advisory])
        #expect(zone.check(options).isEmpty)
    }
}
