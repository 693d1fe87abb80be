import Testing
import ZoneDiff
import ZoneModel
import ZonePolicy

/// The policy's verdict on changes and signals, through `Auditor`.
@Suite struct AuthorizationTests {
    static let policy = """
    version: 1
    zones:
      example.com.:
        nameservers: [ns1.example.net., ns2.example.net., "*.ns.example.net."]
        delegations:
          dev.example.com.: [ns1.dev-provider.example., ns2.dev-provider.example.]
        addresses: [192.0.2.0/24, "2001:db8::/32"]
        targets: [example.com., cdn.example.net.]
        mutable:
          - { name: "*.dyn.example.com.", types: [A, AAAA] }
          - { name: "_acme-challenge.www.example.com.", types: [TXT] }
        min-ttl: 60
        severity: { record.changed: medium }
    """

    @Test func mutableNamesAreAuthorizedAtInfo() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("h1.dyn 300 IN A 192.0.2.100", with: "h1.dyn 300 IN A 203.0.113.100")
        }
        #expect(findings.rules == ["record.changed"])
        let finding = try findings.only("record.changed")
        #expect(finding.authorized == true)
        #expect(finding.severity == .info)
        #expect(finding.policy == "zones[\"example.com.\"].mutable[0]")
    }

    @Test func signalsOnAuthorizedChangesAreAuthorizedToo() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            $0.append("_acme-challenge.www 60 IN TXT \"token\"")
        }
        #expect(findings.rules == ["record.added", "record.certificate-control"])
        for finding in findings {
            #expect(finding.authorized == true)
            #expect(finding.severity == .info)
            #expect(finding.policy == "zones[\"example.com.\"].mutable[1]")
        }
    }

    @Test func addressesInRangeNeedNoApproval() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) { lines in
            try lines.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.11")
            lines.append("blog 3600 IN AAAA 2001:db8::80")
        }
        #expect(findings.rules == ["record.added", "record.changed"])
        for finding in findings {
            #expect(finding.authorized == true)
            #expect(finding.policy == "zones[\"example.com.\"].addresses")
        }
    }

    @Test func addressesOutOfRangeAreUnauthorizedWithTheOverriddenSeverity() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 203.0.113.66")
        }
        #expect(findings.rules == ["record.changed"])
        let finding = try findings.only("record.changed")
        #expect(finding.authorized == false)
        #expect(finding.severity == .medium)
        #expect(finding.policy == nil)
    }

    @Test func targetsUnderAllowedSuffixes() throws {
        let allowed = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("api 3600 IN CNAME www.example.com.", with: "api 3600 IN CNAME edge.cdn.example.net.")
        }
        #expect(allowed.map(\.authorized) == [true])
        #expect(allowed.first?.policy == "zones[\"example.com.\"].targets")
        let foreign = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("api 3600 IN CNAME www.example.com.", with: "api 3600 IN CNAME evil.example.org.")
        }
        #expect(foreign.map(\.authorized) == [false])
    }

    @Test func apexNameserversFromThePolicy() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            $0.append("@ 3600 IN NS a.ns.example.net.")
        }
        #expect(findings.rules == ["delegation.apex-ns-changed"])
        let finding = try findings.only("delegation.apex-ns-changed")
        #expect(finding.authorized == true)
        #expect(finding.policy == "zones[\"example.com.\"].nameservers")
    }

    @Test func nameserverOutsideThePolicy() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns1.attacker.example.")
        }
        #expect(findings.rules == ["delegation.apex-ns-changed", "delegation.ns-outside"])
        let change = try findings.only("delegation.apex-ns-changed")
        #expect(change.authorized == false)
        #expect(change.severity == .critical)
        let outside = try findings.only("delegation.ns-outside")
        #expect(outside.severity == .critical)
        #expect(outside.authorized == false)
        #expect(outside.message == "NS of the zone example.com. points outside the policy's nameservers: ns1.attacker.example.")
    }

    @Test func delegationToItsListedNameservers() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("dev 3600 IN NS ns1.dev.example.com.", with: "dev 3600 IN NS ns1.dev-provider.example.")
        }
        // ns1.dev.example.com.'s glue is now orphaned but unchanged; only the NS set changed.
        #expect(findings.rules == ["delegation.ns-changed"])
        let finding = try findings.only("delegation.ns-changed")
        #expect(finding.authorized == true)
        #expect(finding.policy == "zones[\"example.com.\"].delegations[\"dev.example.com.\"]")
    }

    @Test func delegationOutsideItsListedNameservers() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("dev 3600 IN NS ns2.dev-provider.example.", with: "dev 3600 IN NS ns2.dev-provlder.example.")
        }
        #expect(findings.rules == ["delegation.lookalike-ns", "delegation.ns-changed", "delegation.ns-outside"])
        #expect(findings.allSatisfy { $0.authorized == false })
        #expect(try findings.only("delegation.lookalike-ns").message.contains("looks like ns2.dev-provider.example."))
    }

    @Test func delegationRemovalNeedsMutable() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) { lines in
            try lines.remove("shop 3600 IN NS ns1.shop-host.example.")
            try lines.remove("shop 3600 IN NS ns2.shop-host.example.")
        }
        #expect(findings.rules == ["delegation.removed"])
        #expect(findings.first?.authorized == false)
    }

    @Test func glueInRangeIsAuthorizedByAddresses() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("ns1.dev 3600 IN A 192.0.2.53", with: "ns1.dev 3600 IN A 192.0.2.54")
        }
        #expect(findings.rules == ["delegation.glue-changed"])
        #expect(findings.first?.authorized == true)
        #expect(findings.first?.policy == "zones[\"example.com.\"].addresses")
    }

    @Test func newNamesOutsideTheAddressRangesAreShadowNames() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            $0.append("login 300 IN A 203.0.113.44")
        }
        #expect(findings.rules == ["record.added", "record.shadow-names"])
        let signal = try findings.only("record.shadow-names")
        #expect(signal.authorized == false)
        #expect(signal.severity == .high)
        #expect(signal.techniques == ["T1584.002", "T1584.001"])
        #expect(signal.message == "new name login.example.com. points outside the allowed address ranges: 203.0.113.44")
    }

    @Test func shadowNamesUnderAMutableNameAreAuthorized() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            $0.append("h2.dyn 300 IN A 203.0.113.45")
        }
        #expect(findings.rules == ["record.added", "record.shadow-names"])
        #expect(findings.allSatisfy { $0.authorized == true && $0.severity == .info })
    }

    @Test func ttlBelowTheMinimum() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) {
            try $0.replace("h1.dyn 300 IN A 192.0.2.100", with: "h1.dyn 30 IN A 192.0.2.100")
        }
        #expect(findings.rules == ["record.ttl-below-minimum", "record.ttl-changed", "record.ttl-lowered"])
        // The TTL change itself is allowed (mutable), the policy's own minimum is not.
        #expect(try findings.only("record.ttl-changed").authorized == true)
        #expect(try findings.only("record.ttl-lowered").authorized == true)
        let minimum = try findings.only("record.ttl-below-minimum")
        #expect(minimum.authorized == false)
        #expect(minimum.severity == .medium)
        #expect(minimum.message == "h1.dyn.example.com. A has TTL 30, below the policy's min-ttl of 60")
    }

    @Test func severityOverridesApplyToSignals() throws {
        let policy = """
        version: 1
        zones:
          example.com.:
            severity: { record.ttl-lowered: low, delegation.ds-changed: medium }
        """
        let findings = try Fixture.audit(policy: policy) { lines in
            try lines.replace("www 3600 IN A 192.0.2.10", with: "www 60 IN A 192.0.2.10")
            try lines.remove("dev 3600 IN DS 12345 13 2 3B8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4")
        }
        #expect(findings.rules == ["delegation.ds-changed", "record.ttl-changed", "record.ttl-lowered"])
        #expect(try findings.only("record.ttl-lowered").severity == .low)
        #expect(try findings.only("delegation.ds-changed").severity == .medium)
        #expect(try findings.only("record.ttl-changed").severity == .low)
    }

    @Test func bulkChangeStandsEvenWhenEveryChangeIsAuthorized() throws {
        let findings = try Fixture.audit(policy: AuthorizationTests.policy) { lines in
            try lines.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.110")
            try lines.replace("sip 3600 IN A 192.0.2.30", with: "sip 3600 IN A 192.0.2.130")
            try lines.replace("@ 3600 IN A 192.0.2.1", with: "@ 3600 IN A 192.0.2.101")
            try lines.replace("www 3600 IN AAAA 2001:db8::10", with: "www 3600 IN AAAA 2001:db8::110")
            try lines.replace("h1.dyn 300 IN A 192.0.2.100", with: "h1.dyn 300 IN A 192.0.2.200")
            try lines.replace("mail 3600 IN A 192.0.2.25", with: "mail 3600 IN A 192.0.2.125")
        }
        let changes = findings.filter { $0.rule.rawValue == "record.changed" }
        #expect(changes.count == 6)
        #expect(changes.allSatisfy { $0.authorized == true })
        #expect(try findings.only("record.mail-redirect").authorized == true)
        let bulk = try findings.only("zone.bulk-change")
        #expect(bulk.authorized == false)
        #expect(bulk.severity == .high)
    }

    @Test func policyThresholdsReplaceTheDefaults() throws {
        let policy = """
        version: 1
        zones:
          example.com.:
            thresholds: { shadow-names: 2, bulk-change: 0.9 }
        """
        let findings = try Fixture.audit(policy: policy) { lines in
            lines.append("a1 300 IN A 192.0.2.201")
            lines.append("a2 300 IN A 192.0.2.202")
        }
        #expect(findings.rules == ["record.added", "record.added", "record.shadow-names"])
    }

    @Test func aZoneThePolicyDoesNotListIsJudgedWithoutOne() throws {
        let policy = "version: 1\nzones:\n  example.org.:\n    mutable: [{ name: \"*.example.org.\", types: [A] }]\n"
        let findings = try Fixture.audit(policy: policy) {
            try $0.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.11")
        }
        #expect(findings.rules == ["record.changed"])
        #expect(findings.first?.authorized == false)
        #expect(findings.first?.severity == .high)
    }

    @Test func withoutAPolicyEverythingIsUnauthorized() throws {
        let findings = Auditor.audit(
            baseline: try Fixture.baselineZone(),
            current: try Fixture.current { try $0.replace("h1.dyn 300 IN A 192.0.2.100", with: "h1.dyn 300 IN A 192.0.2.101") },
            policy: nil)
        #expect(findings.rules == ["record.changed"])
        #expect(findings.first?.authorized == false)
        #expect(findings.first?.severity == .high)
    }

    @Test func rulesCombineAsAnyOf() throws {
        struct Never: AuthorizationRule {
            func evaluate(_ change: RRsetChange) -> AuthorizationResult { .notAuthorized }
        }
        struct Always: AuthorizationRule {
            var name: String
            func evaluate(_ change: RRsetChange) -> AuthorizationResult { .authorized(by: name) }
        }
        let change = RRsetChange(kind: .added, role: .data, owner: try DomainName("x.example."), type: .a, before: [], after: [])
        #expect(AnyOfRules([Never(), Always(name: "first"), Always(name: "second")]).evaluate(change) == .authorized(by: "first"))
        #expect(AnyOfRules([Never()]).evaluate(change) == .notAuthorized)
        #expect(AnyOfRules([]).evaluate(change) == .notAuthorized)
    }

    @Test func everyRuleIdIsUniqueAndNamespaced() {
        let ids = AuditRules.all.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(["record", "delegation", "dnssec", "zone"].contains(String(id.prefix { $0 != "." })))
        }
        #expect(AuditRules.all.allSatisfy { $0.techniques.contains("T1584.002") })
    }
}
