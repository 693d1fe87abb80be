import Testing
import ZoneDiff
import ZoneModel

/// Zone cuts get `delegation.*` change findings instead of `record.*`.
@Suite struct DelegationTests {
    @Test func apexNSChange() throws {
        let result = try Fixture.diff { try $0.replace("@ 3600 IN NS ns2.example.net.", with: "@ 3600 IN NS ns1.attacker.example.") }
        #expect(result.findings.rules == ["delegation.apex-ns-changed"])
        let finding = try result.findings.only("delegation.apex-ns-changed")
        #expect(finding.severity == .critical)
        #expect(finding.before.compactMap(\.nameTarget).map(\.presentation) == ["ns1.example.net.", "ns2.example.net."])
        // Records keep canonical RDATA order (wire octets: the shorter label first).
        #expect(finding.after.compactMap(\.nameTarget).map(\.presentation) == ["ns1.example.net.", "ns1.attacker.example."])
        #expect(finding.message == "NS set of the zone example.com. changed: ns1.example.net., ns2.example.net. -> ns1.example.net., ns1.attacker.example.")
        #expect(result.changes.first { $0.type == .ns }?.role == .apexNameservers)
    }

    @Test func apexNSTTLChangeIsOnlyATTLChange() throws {
        let result = try Fixture.diff { lines in
            try lines.replace("@ 3600 IN NS ns1.example.net.", with: "@ 7200 IN NS ns1.example.net.")
            try lines.replace("@ 3600 IN NS ns2.example.net.", with: "@ 7200 IN NS ns2.example.net.")
        }
        #expect(result.findings.rules == ["record.ttl-changed"])
    }

    @Test func delegationAdded() throws {
        let result = try Fixture.diff { lines in
            lines.append("blog 3600 IN NS ns1.blog-host.example.")
            lines.append("blog 3600 IN NS ns2.blog-host.example.")
        }
        #expect(result.findings.rules == ["delegation.added"])
        let finding = try result.findings.only("delegation.added")
        #expect(finding.severity == .high)
        #expect(finding.after.count == 2)
        #expect(finding.message == "new delegation blog.example.com. to ns1.blog-host.example., ns2.blog-host.example.")
    }

    @Test func delegationAddedWithGlue() throws {
        let result = try Fixture.diff { lines in
            lines.append("blog 3600 IN NS ns1.blog.example.com.")
            lines.append("ns1.blog 3600 IN A 192.0.2.60")
        }
        #expect(result.findings.rules == ["delegation.added", "delegation.glue-changed"])
        let glue = try result.findings.only("delegation.glue-changed")
        #expect(glue.message == "glue ns1.blog.example.com. A for the delegation blog.example.com. added: 192.0.2.60")
    }

    @Test func delegationRemovedWithItsGlueAndDS() throws {
        let result = try Fixture.diff { lines in
            try lines.remove("dev 3600 IN NS ns1.dev.example.com.")
            try lines.remove("dev 3600 IN NS ns2.dev-provider.example.")
            try lines.remove("dev 3600 IN DS 12345 13 2 3B8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4")
            try lines.remove("ns1.dev 3600 IN A 192.0.2.53")
        }
        #expect(result.findings.rules == ["delegation.ds-changed", "delegation.glue-changed", "delegation.removed"])
        #expect(try result.findings.only("delegation.removed").severity == .high)
        #expect(try result.findings.only("delegation.ds-changed").severity == .critical)
    }

    @Test func delegationNSChanged() throws {
        let result = try Fixture.diff {
            try $0.replace("shop 3600 IN NS ns2.shop-host.example.", with: "shop 3600 IN NS ns9.other-host.example.")
        }
        #expect(result.findings.rules == ["delegation.ns-changed"])
        let finding = try result.findings.only("delegation.ns-changed")
        #expect(finding.severity == .critical)
        #expect(finding.owner == (try DomainName("shop.example.com.")))
    }

    @Test func glueChanged() throws {
        let result = try Fixture.diff { try $0.replace("ns1.dev 3600 IN A 192.0.2.53", with: "ns1.dev 3600 IN A 198.51.100.53") }
        #expect(result.findings.rules == ["delegation.glue-changed"])
        let finding = try result.findings.only("delegation.glue-changed")
        #expect(finding.severity == .high)
        #expect(finding.message == "glue ns1.dev.example.com. A for the delegation dev.example.com. changed: 192.0.2.53 -> 198.51.100.53")
        #expect(result.changes.contains { $0.role == .glue(cut: try! DomainName("dev.example.com.")) })
    }

    @Test func addressAtTheCutItselfIsGlue() throws {
        var lines = Fixture.baseline
        lines.append("lab 3600 IN NS lab.example.com.")
        lines.append("lab 3600 IN A 192.0.2.70")
        let baseline = try Fixture.zone(lines, file: "baseline.zone")
        try lines.replace("lab 3600 IN A 192.0.2.70", with: "lab 3600 IN A 203.0.113.70")
        let result = ZoneDiffer.diff(baseline: baseline, current: try Fixture.zone(lines))
        #expect(result.findings.rules == ["delegation.glue-changed", "zone.soa-serial-unchanged"])
        #expect(result.changes.first?.role == .glue(cut: try DomainName("lab.example.com.")))
    }

    @Test func glueAddedForAnExistingDelegation() throws {
        let result = try Fixture.diff { $0.append("ns1.dev 3600 IN AAAA 2001:db8::53") }
        #expect(result.findings.rules == ["delegation.glue-changed"])
    }

    @Test func dsChanged() throws {
        let result = try Fixture.diff {
            try $0.replace("dev 3600 IN DS 12345 13 2 3B8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4",
                           with: "dev 3600 IN DS 54321 13 2 AA8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4")
        }
        #expect(result.findings.rules == ["delegation.ds-changed"])
        let finding = try result.findings.only("delegation.ds-changed")
        #expect(finding.severity == .high)
        #expect(finding.message == "DS at the delegation dev.example.com. changed: key 12345 alg 13 digest type 2 -> key 54321 alg 13 digest type 2")
    }

    @Test func dsRemovalIsADowngrade() throws {
        let result = try Fixture.diff {
            try $0.remove("dev 3600 IN DS 12345 13 2 3B8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4")
        }
        #expect(result.findings.rules == ["delegation.ds-changed"])
        let finding = try result.findings.only("delegation.ds-changed")
        #expect(finding.severity == .critical)
        #expect(finding.message.contains("DNSSEC downgrade"))
    }

    @Test func dsAddedAtACut() throws {
        let result = try Fixture.diff {
            $0.append("shop 3600 IN DS 11111 8 2 0011223344556677889900112233445566778899001122334455667788990011")
        }
        #expect(result.findings.rules == ["delegation.ds-changed"])
        #expect(try result.findings.only("delegation.ds-changed").severity == .high)
    }
}
