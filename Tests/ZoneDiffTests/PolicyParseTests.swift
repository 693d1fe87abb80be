import Foundation
import Testing
import ZoneDiff
import ZoneModel
import ZonePolicy

@Suite struct PolicyParseTests {
    static let issueExample = """
    version: 1
    zones:
      example.com.:
        nameservers: [ns1.example.net., ns2.example.net.]     # allowed apex and delegation NS targets
        delegations:                                          # allowed child delegations and their NS
          dev.example.com.: [ns1.dev-provider.example.]
        addresses: [192.0.2.0/24, "2001:db8::/32"]            # A/AAAA values that need no approval
        targets: [example.com., cdn.example.net.]             # allowed CNAME/DNAME/MX/SRV target suffixes
        mutable:                                              # names and types free to change
          - { name: "*.dyn.example.com.", types: [A, AAAA] }
        min-ttl: 300
        severity: { record.ttl-lowered: low }
    """

    private func parse(_ yaml: String) throws -> Policy {
        try Policy.parse(yaml: yaml, file: "p.yaml")
    }

    /// The error a policy text raises; fails the test when it parses.
    private func error(_ yaml: String) -> PolicyError? {
        do {
            _ = try Policy.parse(yaml: yaml, file: "p.yaml")
            Issue.record("policy parsed but should not have")
            return nil
        } catch {
            return error
        }
    }

    @Test func parsesTheIssueExample() throws {
        let policy = try parse(PolicyParseTests.issueExample)
        #expect(policy.version == 1)
        let entry = try #require(policy.entry(for: try DomainName("EXAMPLE.com.")))
        #expect(entry.path == "zones[\"example.com.\"]")
        #expect(entry.nameservers?.map(\.description) == ["ns1.example.net.", "ns2.example.net."])
        #expect(entry.delegations.map(\.cut.presentation) == ["dev.example.com."])
        #expect(entry.delegations.first?.path == "zones[\"example.com.\"].delegations[\"dev.example.com.\"]")
        #expect(entry.delegations.first?.nameservers.map(\.description) == ["ns1.dev-provider.example."])
        #expect(entry.addresses?.map(\.description) == ["192.0.2.0/24", "2001:db8::/32"])
        #expect(entry.targets?.map(\.presentation) == ["example.com.", "cdn.example.net."])
        #expect(entry.mutable.count == 1)
        #expect(entry.mutable.first?.name.description == "*.dyn.example.com.")
        #expect(entry.mutable.first?.types == [.a, .aaaa])
        #expect(entry.mutable.first?.path == "zones[\"example.com.\"].mutable[0]")
        #expect(entry.minimumTTL == 300)
        #expect(entry.severity == ["record.ttl-lowered": .low])
        #expect(Set(entry.knownNameservers.map(\.presentation)) == ["ns1.example.net.", "ns2.example.net.", "ns1.dev-provider.example."])
    }

    @Test func parsesThresholds() throws {
        let policy = try parse("""
        version: 1
        zones:
          example.org.:
            thresholds: { bulk-change: 50%, bulk-change-minimum: 100, shadow-names: 25, ttl-lowered-ratio: 0.1, ttl-lowered-floor: 60 }
        """)
        let thresholds = try #require(policy.zones.first).thresholds.applied(to: DiffThresholds())
        #expect(thresholds.bulkChangeShare == 0.5)
        #expect(thresholds.bulkChangeMinimumRRsets == 100)
        #expect(thresholds.shadowNameCount == 25)
        #expect(thresholds.ttlLoweredRatio == 0.1)
        #expect(thresholds.ttlLoweredFloor == 60)
    }

    @Test func anEmptyZoneEntryIsAllowed() throws {
        let policy = try parse("version: 1\nzones:\n  example.org.:\n")
        #expect(policy.zones.map(\.origin.presentation) == ["example.org."])
        #expect(policy.zones.first?.nameservers == nil)
    }

    @Test func yamlSyntaxErrorHasItsLine() throws {
        let failure = try #require(error("version: 1\nzones:\n  example.com.:\n    nameservers: [ns1.example.net.\n    min-ttl: 3\n"))
        #expect(failure.file == "p.yaml")
        #expect(failure.line >= 4)
        #expect(failure.description.hasPrefix("p.yaml:\(failure.line):"))
        #expect(failure.message.hasPrefix("YAML: "))
    }

    @Test func unknownFieldIsAnErrorAtItsPosition() throws {
        let failure = try #require(error("version: 1\nzones:\n  example.com.:\n    min-ttl: 300\n    nameserver: [ns1.example.net.]\n"))
        #expect(failure.line == 5)
        #expect(failure.column == 5)
        #expect(failure.message.hasPrefix("unknown field 'nameserver' in zone example.com."))
        #expect(failure.description.hasPrefix("p.yaml:5:5: error: unknown field 'nameserver'"))
    }

    @Test func unknownTopLevelFieldIsAnError() throws {
        let failure = try #require(error("version: 1\nzones: {}\ndefaults: {}\n"))
        #expect(failure.line == 3)
        #expect(failure.message.hasPrefix("unknown field 'defaults' in the policy"))
    }

    @Test func unknownRuleInSeverityIsAnError() throws {
        let failure = try #require(error("version: 1\nzones:\n  example.com.:\n    severity:\n      record.ttl-lowerd: low\n"))
        #expect(failure.line == 5)
        #expect(failure.column == 7)
        #expect(failure.message.hasPrefix("unknown rule 'record.ttl-lowerd'"))
    }

    @Test func unknownSeverityIsAnError() throws {
        let failure = try #require(error("version: 1\nzones:\n  example.com.:\n    severity: { record.added: severe }\n"))
        #expect(failure.line == 4)
        #expect(failure.message.hasPrefix("unknown severity 'severe'"))
    }

    @Test(arguments: [
        ("addresses: [192.0.2.0/33]", "bad prefix length in '192.0.2.0/33'"),
        ("addresses: [192.0.2.1/24]", "'192.0.2.1/24' has bits set after the prefix length"),
        ("addresses: [300.1.1.1]", "'300.1.1.1' is not an IPv4 or IPv6 address or prefix"),
        ("addresses: [\"2001:db8:::/32\"]", "'2001:db8:::/32' is not an IPv4 or IPv6 address or prefix"),
        ("nameservers: [ns1.example.net]", "nameserver: name 'ns1.example.net' is not fully qualified (end it with a dot)"),
        ("targets: [\"a..b.\"]", "target suffix: bad name 'a..b.': empty label"),
        ("nameservers: [\"ns*.example.net.\"]", "nameserver: bad name pattern 'ns*.example.net.': '*' may only be the whole leftmost label"),
        ("mutable: [{ name: www.example.com., types: [A, BOGUS] }]", "unknown record type 'BOGUS'"),
        ("mutable: [{ name: www.example.com. }]", "mutable entry needs 'types' (the record types free to change)"),
        ("mutable: [{ name: www.example.org., types: [A] }]", "mutable name www.example.org. is outside the zone example.com."),
        ("delegations: { example.com.: [ns1.example.net.] }", "delegation example.com. is not below the zone example.com."),
        ("min-ttl: -5", "min-ttl must be between 0 and 2147483647 seconds"),
        ("min-ttl: soon", "min-ttl must be a whole number, not 'soon'"),
        ("nameservers: ns1.example.net.", "nameservers must be a list"),
        ("thresholds: { bulk-change: 1.5 }", "bulk-change must be a share above 0 and at most 1 (e.g. 0.3 or 30%), not '1.5'"),
        ("thresholds: { shadow-name: 5 }", "unknown field 'shadow-name' in thresholds (allowed: bulk-change, bulk-change-minimum, shadow-names, ttl-lowered-floor, ttl-lowered-ratio)"),
    ])
    func badValuesAreErrorsOnTheirLine(field: String, message: String) throws {
        let failure = try #require(error("version: 1\nzones:\n  example.com.:\n    \(field)\n"))
        #expect(failure.line == 4)
        #expect(failure.message == message)
    }

    @Test func wrongOrMissingVersionIsAnError() throws {
        let wrong = try #require(error("version: 2\nzones: {}\n"))
        #expect(wrong.line == 1)
        #expect(wrong.column == 10)
        #expect(wrong.message == "unsupported policy version 2; this zoneaudit reads version 1")
        let missing = try #require(error("zones: {}\n"))
        #expect(missing.message.hasPrefix("missing required field 'version'"))
        let missingZones = try #require(error("version: 1\n"))
        #expect(missingZones.message == "missing required field 'zones'")
    }

    @Test func duplicateKeysAreErrors() throws {
        let yaml = "version: 1\nzones:\n  example.com.:\n    min-ttl: 60\n    min-ttl: 300\n"
        let failure = try #require(error(yaml))
        #expect(failure.message.contains("duplicate key 'min-ttl'"))
        #expect(failure.line >= 4)
        let sameZone = try #require(error("version: 1\nzones:\n  example.com.: {}\n  EXAMPLE.com.: {}\n"))
        #expect(sameZone.line == 4)
        #expect(sameZone.message == "zone EXAMPLE.com. is listed twice")
    }

    @Test func emptyAndNonMappingPoliciesAreErrors() throws {
        #expect(error("")?.message == "the policy is empty")
        #expect(error("- a\n- b\n")?.message == "the policy must be a mapping")
    }

    @Test func loadsFromAFileAndReportsMissingFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("policy.yaml").path
        try PolicyParseTests.issueExample.write(toFile: path, atomically: true, encoding: .utf8)
        let policy = try Policy.load(contentsOf: path)
        #expect(policy.file == path)
        #expect(policy.zones.count == 1)

        let bad = directory.appendingPathComponent("bad.yaml").path
        try "version: 1\nzones:\n  example.com.:\n    colour: blue\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: PolicyError.self) { try Policy.load(contentsOf: bad) }
        do {
            _ = try Policy.load(contentsOf: bad)
        } catch {
            #expect(error.file == bad)
            #expect(error.line == 4)
        }
        #expect(throws: PolicyError.self) { try Policy.load(contentsOf: directory.appendingPathComponent("absent.yaml").path) }

        let huge = directory.appendingPathComponent("huge.yaml").path
        try Data(count: Policy.maximumSize + 10).write(to: URL(fileURLWithPath: huge))
        do {
            _ = try Policy.load(contentsOf: huge)
            Issue.record("an oversized policy was read")
        } catch {
            #expect(error.message == "the policy is larger than \(Policy.maximumSize) bytes")
        }
    }

    @Test func addressRangesMatchTheirPrefixOnly() throws {
        let v4 = try AddressRange.parse("192.0.2.0/25").get()
        #expect(v4.contains([192, 0, 2, 127]))
        #expect(!v4.contains([192, 0, 2, 128]))
        #expect(!v4.contains([UInt8](repeating: 0, count: 16)))
        let v6 = try AddressRange.parse("2001:db8::/32").get()
        #expect(v6.contains(try #require(IPAddress.parse("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPAddress.parse("2001:db9::1"))))
        let host = try AddressRange.parse("198.51.100.7").get()
        #expect(host.prefixLength == 32)
        let all = try AddressRange.parse("::/0").get()
        #expect(all.contains(try #require(IPAddress.parse("::ffff:192.0.2.1"))))
        #expect(IPAddress.parse("::ffff:192.0.2.1") == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 192, 0, 2, 1])
        #expect(IPAddress.parse("1:2:3:4:5:6:7:8:9") == nil)
        #expect(IPAddress.parse("01.2.3.4") == nil)
    }

    @Test func namePatternsMatchExactlyOrStrictlyBelow() throws {
        let wildcard = try NamePattern.parse("*.dyn.example.com.").get()
        #expect(wildcard.matches(try DomainName("a.dyn.example.com.")))
        #expect(wildcard.matches(try DomainName("a.b.DYN.example.com.")))
        #expect(!wildcard.matches(try DomainName("dyn.example.com.")))
        let exact = try NamePattern.parse("www.example.com.").get()
        #expect(exact.matches(try DomainName("WWW.example.com.")))
        #expect(!exact.matches(try DomainName("a.www.example.com.")))
    }
}
