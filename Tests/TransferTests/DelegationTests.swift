import Testing
import LDNS
@testable import Transfer
import ZoneModel

/// The parent check's comparison on its own (no network).
@Suite struct DelegationCompareTests {
    static let zone = TestRecords.name("dskey.example.com.")
    static let server = ServerAddress(host: .ipv4("127.0.0.1"), port: 5300)

    static func baseline(expectedDS: [Record]? = nil) throws -> DelegationBaseline {
        let records = try TestRecords.records(TestZones.childBaseline)
        var builder = ZoneBuilder(origin: zone)
        builder.append(contentsOf: records)
        return DelegationBaseline(zone: builder.build().zone, expectedDS: expectedDS)
    }

    static func delegation(ns: [String] = ["ns1.dskey.example.com.", "ns2.dskey.example.com."],
                           glue: [String] = ["ns1.dskey.example.com. 3600 IN A 192.0.2.1", "ns2.dskey.example.com. 3600 IN A 192.0.2.2"],
                           ds: [String] = [TestZones.dsSHA1]) throws -> ParentDelegation {
        ParentDelegation(
            server: server, zone: zone,
            ns: try ns.map { try TestRecords.record("dskey.example.com. 3600 IN NS \($0)") },
            glue: try glue.map { try TestRecords.record($0) },
            ds: try ds.map { try TestRecords.record($0) })
    }

    @Test func theBaselineTakesApexNSGlueAndKeysFromTheZone() throws {
        let baseline = try Self.baseline()
        #expect(baseline.apexNS.count == 2)
        #expect(baseline.dnskeys.count == 1)
        #expect(Set(baseline.glue.map(\.owner.presentation)) == ["ns1.dskey.example.com.", "ns2.dskey.example.com."])
    }

    @Test func aMatchingDelegationHasNoFindings() throws {
        for ds in [[TestZones.dsSHA1], [TestZones.dsSHA256], [TestZones.dsSHA1, TestZones.dsSHA256]] {
            #expect(DelegationChecker.compare(try Self.delegation(ds: ds), with: try Self.baseline()).isEmpty)
        }
    }

    @Test func otherNameServersAtTheParentAreCritical() throws {
        let findings = DelegationChecker.compare(
            try Self.delegation(ns: ["ns1.dskey.example.com.", "ns.attacker.example.net."]), with: try Self.baseline())
        let finding = try #require(findings.first { $0.rule == "delegation.parent-ns-mismatch" })
        #expect(finding.severity == .critical)
        #expect(finding.message.contains("only at the parent: ns.attacker.example.net."))
        #expect(finding.message.contains("only in the zone: ns2.dskey.example.com."))
        #expect(finding.message.contains("127.0.0.1:5300"))
        #expect(finding.techniques == ["T1584.002"])
        #expect(finding.after.count == 2 && finding.before.count == 2)
    }

    @Test func noDelegationAtAllIsCritical() throws {
        let findings = DelegationChecker.compare(try Self.delegation(ns: [], glue: [], ds: []), with: try Self.baseline())
        #expect(findings.map(\.rule) == ["delegation.parent-ns-mismatch"])
        #expect(findings[0].message.contains("does not delegate"))
    }

    @Test func changedOrMissingGlueIsReported() throws {
        let changed = DelegationChecker.compare(
            try Self.delegation(glue: ["ns1.dskey.example.com. 3600 IN A 203.0.113.66", "ns2.dskey.example.com. 3600 IN A 192.0.2.2"]),
            with: try Self.baseline())
        #expect(changed.map(\.rule) == ["delegation.parent-glue-mismatch"])
        #expect(changed[0].owner == TestRecords.name("ns1.dskey.example.com."))
        #expect(changed[0].severity == .high)
        let missing = DelegationChecker.compare(
            try Self.delegation(glue: ["ns2.dskey.example.com. 3600 IN A 192.0.2.2"]), with: try Self.baseline())
        #expect(missing.map(\.rule) == ["delegation.parent-glue-mismatch"])
        // Name servers outside the zone need no glue and are not compared.
        let outside = DelegationChecker.compare(
            try Self.delegation(ns: ["ns1.dskey.example.com.", "ns2.dskey.example.com.", "ns.elsewhere.example."]),
            with: try Self.baseline())
        #expect(outside.map(\.rule) == ["delegation.parent-ns-mismatch"])
    }

    @Test func aDSMatchingNoKeyIsCritical() throws {
        let forged = "dskey.example.com. 86400 IN DS 60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50B"
        let findings = DelegationChecker.compare(try Self.delegation(ds: [TestZones.dsSHA1, forged]), with: try Self.baseline())
        #expect(findings.map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(findings[0].severity == .critical)
        #expect(findings[0].message.contains("DS 60485 5 2"))
        #expect(findings[0].after == [try TestRecords.record(forged)])
    }

    @Test func aRemovedDSIsReported() throws {
        // Without a record of the parent's DS: a signed zone with none is reported.
        let none = DelegationChecker.compare(try Self.delegation(ds: []), with: try Self.baseline())
        #expect(none.map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(none[0].message.contains("publishes no DS"))
        // With the DS set known: the one that went is named.
        let known = try [TestRecords.record(TestZones.dsSHA1), TestRecords.record(TestZones.dsSHA256)]
        let removed = DelegationChecker.compare(try Self.delegation(ds: [TestZones.dsSHA1]), with: try Self.baseline(expectedDS: known))
        #expect(removed.map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(removed[0].before == [known[1]])
        #expect(removed[0].severity == .high)
    }

    @Test func aDigestTypeLdnsCannotComputeIsALowFinding() throws {
        let gost = "dskey.example.com. 86400 IN DS 60485 5 3 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"
        let findings = DelegationChecker.compare(try Self.delegation(ds: [TestZones.dsSHA1, gost]), with: try Self.baseline())
        #expect(findings.map(\.severity) == [.low])
    }

    @Test func ldnsComputesTheRFCDigests() throws {
        let key = try TestRecords.record(TestZones.dnskey)
        #expect(try LDNSDSDigest.ds(for: key, digestType: 1).rdata == (try TestRecords.record(TestZones.dsSHA1)).rdata)
        #expect(try LDNSDSDigest.ds(for: key, digestType: 2).rdata == (try TestRecords.record(TestZones.dsSHA256)).rdata)
        #expect(try LDNSDSDigest.keyTag(of: key) == 60485)
        #expect(throws: LDNSError.self) { try LDNSDSDigest.ds(for: key, digestType: 7) }
    }

    @Test func theAnchorIsTheDSEveryServerPublishes() throws {
        let both = try Self.delegation(ds: [TestZones.dsSHA1, TestZones.dsSHA256])
        let one = try Self.delegation(ds: [TestZones.dsSHA256])
        #expect(DelegationChecker.commonDS([both, one]) == [try TestRecords.record(TestZones.dsSHA256)])
        #expect(DelegationChecker.commonDS([both]).count == 2)
    }
}

/// The parent check against a real NSD serving the parent zone.
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct DelegationWithNSDTests {
    static let parentName = "example.com."

    static func parent(_ text: String) -> NSDServer.ZoneConfig {
        NSDServer.ZoneConfig(name: parentName, text: text, provideXFR: [])
    }

    func check(_ nsd: NSDServer, extraServers: [ServerAddress] = []) throws -> DelegationCheck {
        try DelegationChecker.check(baseline: try DelegationCompareTests.baseline(),
                                    parentServers: [nsd.address] + extraServers, timeout: .seconds(2))
    }

    @Test func theParentCheckSeesWhatTheParentServes() throws {
        let nsd = try NSDServer(zones: [Self.parent(TestZones.parent())], keys: [])

        let clean = try check(nsd)
        #expect(clean.findings.isEmpty, "\(clean.findings.map(\.message))")
        #expect(clean.parentDS == [try TestRecords.record(TestZones.dsSHA1)])
        #expect(clean.delegations.first?.glue.count == 2)

        try nsd.serve([Self.parent(TestZones.parent(ns: ["ns1.dskey.example.com.", "ns.attacker.example.net."]))])
        let hijacked = try check(nsd)
        let ns = try #require(hijacked.findings.first { $0.rule == "delegation.parent-ns-mismatch" })
        #expect(ns.severity == .critical)
        #expect(ns.message.contains("ns.attacker.example.net."))

        try nsd.serve([Self.parent(TestZones.parent(glue1: "203.0.113.66"))])
        #expect(try check(nsd).findings.map(\.rule) == ["delegation.parent-glue-mismatch"])

        let forged = "dskey.example.com. 86400 IN DS 12345 13 2 " + String(repeating: "AB", count: 32)
        try nsd.serve([Self.parent(TestZones.parent(ds: [forged]))])
        let badDS = try check(nsd)
        #expect(badDS.findings.map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(badDS.findings.first?.severity == .critical)

        try nsd.serve([Self.parent(TestZones.parent(ds: []))])
        let noDS = try check(nsd)
        #expect(noDS.findings.map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(noDS.parentDS.isEmpty)

        try nsd.serve([Self.parent(TestZones.parent(delegate: false))])
        let gone = try check(nsd)
        #expect(gone.findings.map(\.rule).contains("delegation.parent-ns-mismatch"))
        #expect(gone.findings.first?.message.contains("does not delegate") == true)
    }

    @Test func anUnreachableParentServerIsAFindingAndAllUnreachableIsAnError() throws {
        let nsd = try NSDServer(zones: [Self.parent(TestZones.parent())], keys: [])
        let closed = ServerAddress(host: .ipv4("127.0.0.1"), port: try NSDServer.freePort())
        let result = try check(nsd, extraServers: [closed])
        #expect(result.findings.map(\.rule) == ["server.unreachable"])
        #expect(result.findings[0].message.contains(closed.description))
        #expect(result.failures.count == 1)
        #expect(result.delegations.count == 1)

        #expect(throws: DelegationCheckError.self) {
            try DelegationChecker.check(baseline: try DelegationCompareTests.baseline(), parentServers: [closed], timeout: .seconds(2))
        }
    }

    @Test func aServerOfTheChildItselfIsNotTakenForTheParent() throws {
        let child = NSDServer.ZoneConfig(name: "dskey.example.com.", text: TestZones.childBaseline, provideXFR: [])
        let nsd = try NSDServer(zones: [child], keys: [])
        do {
            _ = try DelegationChecker.query(zone: DelegationCompareTests.zone, parentServer: nsd.address, timeout: .seconds(2))
            Issue.record("the child's own server was taken for its parent")
        } catch {
            guard case let .unexpectedAnswer(reason) = error.kind else { Issue.record("\(error)"); return }
            #expect(reason.contains("serves the zone itself"))
        }
    }
}
