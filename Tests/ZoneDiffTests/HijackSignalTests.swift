import Testing
import ZoneDiff
import ZoneModel

/// Each hijack signal on a tampered copy of the baseline, and the benign
/// near-misses that must not fire.
@Suite struct HijackSignalTests {
    @Test func ttlLoweredSharply() throws {
        let result = try Fixture.diff { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 60 IN A 192.0.2.10") }
        #expect(result.findings.rules == ["record.ttl-changed", "record.ttl-lowered"])
        let signal = try result.findings.only("record.ttl-lowered")
        #expect(signal.severity == .medium)
        #expect(signal.owner == (try DomainName("www.example.com.")))
        #expect(signal.message == "www.example.com. A TTL lowered sharply from 3600 to 60 seconds")
        #expect(result.signals.first?.changeIndices.map { result.changes[$0].type } == [.a])
    }

    @Test func ttlLoweredAlongWithNewData() throws {
        let result = try Fixture.diff { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 30 IN A 203.0.113.9") }
        #expect(result.findings.rules == ["record.changed", "record.ttl-lowered"])
    }

    @Test func moderateTTLCutIsNotASignal() throws {
        // 3600 -> 600: above the 300 s floor.
        let moderate = try Fixture.diff { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 600 IN A 192.0.2.10") }
        #expect(moderate.findings.rules == ["record.ttl-changed"])
        // 300 -> 120: below the floor but not below a quarter.
        let small = try Fixture.diff { try $0.replace("h1.dyn 300 IN A 192.0.2.100", with: "h1.dyn 120 IN A 192.0.2.100") }
        #expect(small.findings.rules == ["record.ttl-changed"])
        // Thresholds are options.
        var options = DiffOptions()
        options.thresholds.ttlLoweredFloor = 600
        let custom = try Fixture.diff(options: options) { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 600 IN A 192.0.2.10") }
        #expect(custom.findings.rules == ["record.ttl-changed", "record.ttl-lowered"])
    }

    @Test func manyNewNamesAreShadowing() throws {
        var options = DiffOptions()
        options.thresholds.bulkChangeShare = 1
        let result = try Fixture.diff(options: options) { lines in
            for index in 1...10 { lines.append("s\(index) 300 IN A 198.51.100.\(index)") }
        }
        #expect(result.findings.all("record.added").count == 10)
        let signal = try result.findings.only("record.shadow-names")
        #expect(signal.severity == .high)
        #expect(signal.techniques == ["T1584.002", "T1584.001"])
        #expect(signal.message.hasPrefix("10 new owner names appeared at once (threshold 10): "))
        #expect(result.signals.first { $0.finding.rule == "record.shadow-names" }?.changeIndices.count == 10)
    }

    @Test func fewNewNamesAreNotShadowing() throws {
        let result = try Fixture.diff { lines in
            for index in 1...3 { lines.append("s\(index) 300 IN A 198.51.100.\(index)") }
        }
        #expect(result.findings.rules == ["record.added", "record.added", "record.added"])
        var options = DiffOptions()
        options.thresholds.shadowNameCount = 3
        let strict = try Fixture.diff(options: options) { lines in
            for index in 1...3 { lines.append("s\(index) 300 IN A 198.51.100.\(index)") }
        }
        #expect(strict.findings.all("record.shadow-names").count == 1)
    }

    @Test func newTypesAtExistingNamesAreNotNewNames() throws {
        var options = DiffOptions()
        options.thresholds.shadowNameCount = 1
        let result = try Fixture.diff(options: options) { $0.append("www 3600 IN TXT \"hello\"") }
        #expect(result.findings.rules == ["record.added"])
    }

    @Test func wildcardAdded() throws {
        let result = try Fixture.diff { $0.append("*.shop2 300 IN A 203.0.113.7") }
        #expect(result.findings.rules == ["record.added", "record.wildcard-added"])
        let signal = try result.findings.only("record.wildcard-added")
        #expect(signal.severity == .high)
        #expect(signal.owner == (try DomainName("*.shop2.example.com.")))
    }

    @Test func acmeChallengeAdded() throws {
        let result = try Fixture.diff { $0.append("_acme-challenge.www 60 IN TXT \"gfj9Xq...Rg85nM\"") }
        #expect(result.findings.rules == ["record.added", "record.certificate-control"])
        let signal = try result.findings.only("record.certificate-control")
        #expect(signal.message.contains("www.example.com."))
        #expect(signal.severity == .high)
    }

    @Test func caaRemoved() throws {
        let result = try Fixture.diff { try $0.remove("@ 3600 IN CAA 0 issue \"digicert.com\"") }
        #expect(result.findings.rules == ["record.certificate-control", "record.removed"])
    }

    @Test func caaLoosenedByANewIssuer() throws {
        let result = try Fixture.diff { $0.append("@ 3600 IN CAA 0 issue \"letsencrypt.org\"") }
        #expect(result.findings.rules == ["record.certificate-control", "record.changed"])
        #expect(try result.findings.only("record.certificate-control").message
            == "CAA at example.com. loosened: now also allows issue \"letsencrypt.org\"")
    }

    @Test func caaLoosenedByIssuewild() throws {
        let result = try Fixture.diff { $0.append("@ 3600 IN CAA 0 issuewild \"letsencrypt.org\"") }
        #expect(result.findings.rules == ["record.certificate-control", "record.changed"])
    }

    @Test func caaBelowAStricterOneOverridesIt() throws {
        let result = try Fixture.diff { $0.append("www 3600 IN CAA 0 issue \"letsencrypt.org\"") }
        #expect(result.findings.rules == ["record.added", "record.certificate-control"])
        #expect(try result.findings.only("record.certificate-control").message.contains("overrides the stricter CAA of example.com."))
    }

    @Test func caaTighteningIsNotASignal() throws {
        let result = try Fixture.diff { $0.append("@ 3600 IN CAA 0 iodef \"mailto:security@example.com\"") }
        #expect(result.findings.rules == ["record.changed"])
    }

    @Test func mxChanged() throws {
        let result = try Fixture.diff { try $0.replace("@ 3600 IN MX 10 mail.example.com.", with: "@ 3600 IN MX 10 mx.attacker.example.") }
        #expect(result.findings.rules == ["record.changed", "record.mail-redirect"])
        #expect(try result.findings.only("record.mail-redirect").message
            == "mail for example.com. redirected to 10 mx.attacker.example. (was 10 mail.example.com.)")
    }

    @Test func mailHostAddressChanged() throws {
        let result = try Fixture.diff { try $0.replace("mail 3600 IN A 192.0.2.25", with: "mail 3600 IN A 203.0.113.25") }
        #expect(result.findings.rules == ["record.changed", "record.mail-redirect"])
        #expect(try result.findings.only("record.mail-redirect").message
            == "address of the mail host mail.example.com. (MX of example.com.) changed: 192.0.2.25 -> 203.0.113.25")
    }

    @Test func otherAddressChangesAreNotMail() throws {
        let result = try Fixture.diff { try $0.replace("sip 3600 IN A 192.0.2.30", with: "sip 3600 IN A 192.0.2.31") }
        #expect(result.findings.rules == ["record.changed"])
    }

    @Test func dnskeyAdded() throws {
        let result = try Fixture.diff(signed: true) { $0.append(Fixture.newZSK) }
        #expect(result.findings.rules == ["dnssec.dnskey-changed", "record.changed"])
        let signal = try result.findings.only("dnssec.dnskey-changed")
        #expect(signal.severity == .high)
        #expect(signal.message.hasPrefix("DNSKEY set of example.com. changed: added key "))
        #expect(try result.findings.only("record.changed").type == .dnskey)
    }

    @Test func dnskeyRemoved() throws {
        let result = try Fixture.diff(signed: true) { try $0.remove(Fixture.zsk) }
        #expect(result.findings.rules == ["dnssec.dnskey-changed", "record.changed"])
        #expect(try result.findings.only("dnssec.dnskey-changed").message.contains("removed key"))
    }

    @Test func signingRemoved() throws {
        let result = try Fixture.diff(signed: true) { lines in
            lines.removeAll { line in Fixture.signingLines.contains(line) }
        }
        #expect(result.findings.rules == ["dnssec.dnskey-changed", "dnssec.signing-removed", "record.removed", "record.removed"])
        let signal = try result.findings.only("dnssec.signing-removed")
        #expect(signal.severity == .critical)
        #expect(signal.type == .dnskey)
        #expect(signal.before.count == 2)
    }

    @Test func lookalikeNameserverUnderAnotherSuffix() throws {
        let result = try Fixture.diff { try $0.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns2.example.com.net.") }
        #expect(result.findings.rules == ["delegation.apex-ns-changed", "delegation.lookalike-ns"])
        let signal = try result.findings.only("delegation.lookalike-ns")
        #expect(signal.severity == .critical)
        #expect(signal.message == "NS target ns2.example.com.net. of example.com. looks like ns2.example.net. but is not it (same name under another suffix)")
    }

    @Test func lookalikeDelegationNameserver() throws {
        let result = try Fixture.diff {
            try $0.replace("shop 3600 IN NS ns2.shop-host.example.", with: "shop 3600 IN NS ns2.shop-h0st.example.")
        }
        #expect(result.findings.rules == ["delegation.lookalike-ns", "delegation.ns-changed"])
        #expect(try result.findings.only("delegation.lookalike-ns").message.contains("looks like ns2.shop-host.example."))
    }

    @Test func siblingNameserverIsNotALookalike() throws {
        let result = try Fixture.diff { $0.append("@ 3600 IN NS ns3.example.net.") }
        #expect(result.findings.rules == ["delegation.apex-ns-changed"])
    }

    @Test func knownNameserversAreNotLookalikes() throws {
        let options = DiffOptions(knownNameservers: [try DomainName("ns1.example.org.")])
        let result = try Fixture.diff(options: options) {
            try $0.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns1.example.org.")
        }
        #expect(result.findings.rules == ["delegation.apex-ns-changed"])
        // The same target without the option is a look-alike of ns1.example.net.
        let unknown = try Fixture.diff {
            try $0.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns1.example.org.")
        }
        #expect(unknown.findings.rules == ["delegation.apex-ns-changed", "delegation.lookalike-ns"])
    }

    @Test func bulkChange() throws {
        let result = try Fixture.diff { lines in
            for (old, new) in [("www 3600 IN A 192.0.2.10", "www 3600 IN A 192.0.2.110"),
                               ("sip 3600 IN A 192.0.2.30", "sip 3600 IN A 192.0.2.130"),
                               ("@ 3600 IN A 192.0.2.1", "@ 3600 IN A 192.0.2.101"),
                               ("www 3600 IN AAAA 2001:db8::10", "www 3600 IN AAAA 2001:db8::110"),
                               ("api 3600 IN CNAME www.example.com.", "api 3600 IN CNAME sip.example.com."),
                               ("@ 3600 IN TXT \"v=spf1 mx -all\"", "@ 3600 IN TXT \"v=spf1 -all\"")] {
                try lines.replace(old, with: new)
            }
        }
        // 6 of 17 RRsets is 35%, above 30%.
        #expect(result.findings.all("record.changed").count == 6)
        let signal = try result.findings.only("zone.bulk-change")
        #expect(signal.severity == .high)
        #expect(signal.message == "6 of 17 RRsets changed (35%, more than the 30% allowed in one change)")
        #expect(signal.owner == (try DomainName("example.com.")))
        #expect(signal.type == nil)
        #expect(signal.location == SourceLocation(file: "current.zone", line: 1, column: 1))
        var relaxed = DiffOptions()
        relaxed.thresholds.bulkChangeShare = 0.5
        let quiet = try Fixture.diff(options: relaxed) { lines in
            try lines.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.110")
        }
        #expect(quiet.findings.all("zone.bulk-change").isEmpty)
    }

    @Test func smallZonesAreBelowTheBulkFloor() throws {
        let baseline = try TestRecords.zone("tiny.example.", [
            "@ 3600 IN SOA ns.tiny.example. h.tiny.example. 1 1 1 1 1", "@ 3600 IN NS ns.tiny.example.",
            "ns 3600 IN A 192.0.2.1",
        ])
        let current = try TestRecords.zone("tiny.example.", [
            "@ 3600 IN SOA ns.tiny.example. h.tiny.example. 2 1 1 1 1", "@ 3600 IN NS ns.tiny.example.",
            "ns 3600 IN A 192.0.2.2",
        ])
        #expect(ZoneDiffer.diff(baseline: baseline, current: current).findings.rules == ["record.changed"])
    }

    @Test func everyFindingCarriesTheInfrastructureTechnique() throws {
        let result = try Fixture.diff(signed: true) { lines in
            lines.removeAll { Fixture.signingLines.contains($0) }
            try lines.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns2.examp1e.net.")
            lines.append("*.x 60 IN A 203.0.113.1")
        }
        #expect(!result.findings.isEmpty)
        for finding in result.findings {
            #expect(finding.techniques.contains("T1584.002"))
            #expect(finding.authorized == false)
            #expect(finding.zone == (try DomainName("example.com.")))
        }
    }
}
