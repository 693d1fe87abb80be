import Testing
import ZoneModel
@testable import ZoneChecks

@Suite struct TargetCheckTests {
    @Test func mxAndSRVTargetsThatAreCNAMEsAreErrors() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "mail")
        zone.srv("_sip._tcp", "sip")
        zone.cname("mail", "ns1")
        zone.cname("sip", "ns1")
        let findings = zone.check().with(.targetIsCNAME)
        #expect(findings.map(\.type) == [.mx, .srv])
        #expect(findings.allSatisfy { $0.level == .error })
    }

    @Test func targetsWithAddressesAreFine() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "mail")
        zone.srv("_sip._tcp", "sip")
        zone.a("mail", "192.0.2.25")
        zone.a("sip", "192.0.2.26")
        #expect(zone.check().isEmpty)
    }

    @Test func inZoneTargetsWithoutAddressAreWarnings() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "mail")
        zone.srv("_sip._tcp", "sip")
        let findings = zone.check().with(.targetNoAddress)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.level == .warning })
    }

    @Test func wildcardAddressAnswersForATarget() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "mail.hosts")
        zone.a("*.hosts", "192.0.2.25")
        #expect(zone.check().isEmpty)
    }

    @Test func outOfZoneRootAndDelegatedTargetsAreNotChecked() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "mail.example.net.")
        zone.mx("@", 0, ".")
        zone.srv("_x._tcp", ".")
        zone.ns("child", "ns.example.net.")
        zone.mx("@", 20, "mx.child")
        #expect(zone.check().isEmpty)
    }

    @Test func targetBelowADNAMEIsAnError() {
        var zone = TestZone.standard()
        zone.dname("old", "example.net.")
        zone.mx("@", 10, "mail.old")
        let findings = zone.check()
        #expect(findings.count(of: .targetBelowDNAME) == 1)
        #expect(findings.count(of: .targetNoAddress) == 0)
    }

    @Test func targetsWrittenAsAddressesAreWarnings() {
        var zone = TestZone.standard()
        zone.mx("@", 10, "192.0.2.25.")       // absolute
        zone.mx("@", 20, "192.0.2.26")        // relative: 192.0.2.26.example.com.
        zone.srv("_x._tcp", "2001:db8::1.")
        zone.mx("@", 30, "10.in-addr.example.net.")
        let findings = zone.check().with(.targetIsAddress)
        #expect(findings.count == 3)
    }

    @Test func addressLiteralRecognition() throws {
        let origin = try DomainName("example.com.")
        #expect(AddressLiteral.isAddress(try DomainName("192.0.2.1."), origin: origin))
        #expect(AddressLiteral.isAddress(try DomainName("192.0.2.1.example.com."), origin: origin))
        #expect(!AddressLiteral.isAddress(try DomainName("192.0.2.1.example.net."), origin: origin))
        #expect(!AddressLiteral.isAddress(try DomainName("1.2.3.4.5."), origin: origin))
        #expect(!AddressLiteral.isAddress(try DomainName("256.0.2.1."), origin: origin))
        #expect(!AddressLiteral.isAddress(try DomainName("mail.example.com."), origin: origin))
        #expect(AddressLiteral.isIPv6(Array("2001:db8::1".utf8)))
        #expect(AddressLiteral.isIPv6(Array("::1".utf8)))
        #expect(AddressLiteral.isIPv6(Array("::ffff:192.0.2.1".utf8)))
        #expect(AddressLiteral.isIPv6(Array("1:2:3:4:5:6:7:8".utf8)))
        #expect(!AddressLiteral.isIPv6(Array("1:2:3:4:5:6:7".utf8)))
        #expect(!AddressLiteral.isIPv6(Array("1::2::3".utf8)))
        #expect(!AddressLiteral.isIPv6(Array("12345::".utf8)))
        #expect(!AddressLiteral.isIPv6(Array("g::1".utf8)))
    }
}
