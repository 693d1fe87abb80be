import Foundation
import Testing
import ZoneModel
@testable import RepositoryConfig

@Suite struct ConfigParserTests {
    static let full = """
        version: 1
        defaults:
          trusted-keys: trusted-keys.zone
          approvals: 2
          policy: policy.yml
          fail-on: medium
          timeout: 10
        reports:
          dir: out
          formats: [json, sarif]
        history: state/history.db
        zones:
          example.com.:
            file: zones/example.com.zone
            baseline: baselines/example.com.zone
            servers: ["127.0.0.1:5300", "[::1]:53"]
            parents: [192.0.2.53]
            tsig-key: /etc/zoneaudit/example.com.tsig
          example.net.:
            file: zones/example.net.signed
            approvals: 1
            trust-anchors: trust-anchors.zone
            anchor-from-baseline: true
            expiry-warning: 14
            policy:
              nameservers: [ns1.example.net.]
              min-ttl: 60
        """

    @Test func defaultsApplyAndEntriesOverride() throws {
        let config = try RepositoryConfig.parse(yaml: Self.full, file: "repo/zoneaudit.yml", root: "repo")
        #expect(config.zones.map(\.origin.presentation) == ["example.com.", "example.net."])
        let com = try config.zone(DomainName("example.com."))
        #expect(com.filePath == "repo/zones/example.com.zone")
        #expect(com.baselinePath == "repo/baselines/example.com.zone")
        #expect(com.trustedKeysPath == "repo/trusted-keys.zone")
        #expect(com.approvals == 2)
        #expect(com.failOn == .medium)
        #expect(com.timeout == 10)
        #expect(com.servers == ["127.0.0.1:5300", "[::1]:53"])
        #expect(com.parents == ["192.0.2.53"])
        #expect(com.tsigKeyPath == "/etc/zoneaudit/example.com.tsig")
        #expect(com.includeRootPath == "repo")
        guard case .file("policy.yml") = com.policy else {
            Issue.record("example.com. should take the default policy file")
            return
        }
        let net = try config.zone(DomainName("example.net."))
        #expect(net.approvals == 1)
        #expect(net.anchorFromBaseline)
        #expect(net.expiryWarningDays == 14)
        #expect(net.trustAnchorsPath == "repo/trust-anchors.zone")
        let policy = try #require(try net.loadPolicy())
        #expect(policy.entry(for: try DomainName("example.net."))?.minimumTTL == 60)
        #expect(config.reports.directory == "out")
        #expect(config.reports.formats == [.json, .sarif])
        #expect(config.path(config.historyPath) == "repo/state/history.db")
    }

    @Test func referencedFilesNameTheSeal() throws {
        let config = try RepositoryConfig.parse(yaml: Self.full, file: "zoneaudit.yml", root: ".")
        let com = try config.zone(DomainName("example.com."))
        #expect(com.referencedFiles == ["zones/example.com.zone", "baselines/example.com.zone",
                                        "baselines/example.com.zone.seal", "policy.yml", "trusted-keys.zone"])
    }

    @Test func rootedAtAnotherCheckout() throws {
        let config = try RepositoryConfig.parse(yaml: Self.full, file: "zoneaudit.yml", root: ".")
        let moved = config.rooted(at: "/tmp/checkout")
        #expect(try moved.zone(DomainName("example.com.")).filePath == "/tmp/checkout/zones/example.com.zone")
        #expect(try moved.zone(DomainName("example.com.")).tsigKeyPath == "/etc/zoneaudit/example.com.tsig")
    }

    @Test func unknownZoneListsTheConfiguredOnes() throws {
        let config = try RepositoryConfig.parse(yaml: Self.full, file: "zoneaudit.yml", root: ".")
        let unknown = try DomainName("example.org.")
        do {
            _ = try config.zone(unknown)
            Issue.record("example.org. is not configured")
        } catch {
            #expect(error.message.contains("example.com., example.net."))
        }
    }

    /// Each bad configuration must fail with its own line and a message that names the problem.
    @Test(arguments: [
        ("version: 2\nzones: {}\n", 1, "unsupported configuration version 2"),
        ("zones: {}\n", 1, "missing required field 'version'"),
        ("version: 1\n", 1, "missing required field 'zones'"),
        ("version: 1\nzone: {}\n", 2, "unknown field 'zone'"),
        ("version: 1\nzones:\n  example.com.:\n    baseline: b.zone\n", 3, "needs a 'file'"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    sever: 1\n", 5, "unknown field 'sever' in zone example.com."),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    servers: [\"300.0.0.1:x\"]\n", 5, "servers:"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    approvals: 0\n", 5, "approvals must be between 1 and 100"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    fail-on: urgent\n", 5, "unknown severity 'urgent'"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    include-signatures: maybe\n", 5, "must be true or false"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    anchor-from-parent: true\n", 3, "anchor-from-parent needs parents"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n    policy:\n      nameserver: [a.]\n", 6, "unknown field 'nameserver'"),
        ("version: 1\ndefaults:\n  file: a.zone\nzones: {}\n", 3, "unknown field 'file' in defaults"),
        ("version: 1\ndefaults:\n  policy:\n    min-ttl: 5\nzones: {}\n", 4, "inline policy belongs in a zone entry"),
        ("version: 1\nzones:\n  example.com.:\n    file: a.zone\n  EXAMPLE.com.:\n    file: b.zone\n", 5, "listed twice"),
        ("version: 1\nreports:\n  formats: [pdf]\nzones: {}\n", 3, "unknown report format 'pdf'"),
        ("version: 1\nzones:\n  - example.com.\n", 3, "zones must be a mapping"),
        ("version: 1\nzones: {\n", 3, "YAML"),
    ])
    func badConfigurationsPointAtTheirLine(yaml: String, line: Int, message: String) {
        do {
            _ = try RepositoryConfig.parse(yaml: yaml, file: "zoneaudit.yml", root: ".")
            Issue.record("accepted: \(yaml)")
        } catch {
            // `parse` throws `ConfigError` alone (typed throws).
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("zoneaudit.yml:\(line):"), "\(error)")
        }
    }

    @Test func loadResolvesAgainstTheFilesDirectoryAndBoundsTheSize() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("zoneaudit.yml").path
        try "version: 1\nzones:\n  example.com.:\n    file: zones/a.zone\n".write(toFile: file, atomically: true, encoding: .utf8)
        let config = try RepositoryConfig.load(contentsOf: file)
        #expect(try config.zone(DomainName("example.com.")).filePath == directory.path + "/zones/a.zone")

        let big = directory.appendingPathComponent("big.yml").path
        try String(repeating: "#", count: RepositoryConfig.maximumSize + 1).write(toFile: big, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try RepositoryConfig.load(contentsOf: big) }
        #expect(throws: ConfigError.self) { try RepositoryConfig.load(contentsOf: directory.appendingPathComponent("missing.yml").path) }
    }

    @Test func locateWalksUpToTheWorkTreeTop() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("loc-\(UUID().uuidString)")
        let deep = top.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.createDirectory(at: top.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(throws: ConfigError.self) { try RepositoryConfig.locate(explicit: nil, from: deep.path) }
        try "version: 1\nzones: {}\n".write(to: top.appendingPathComponent("zoneaudit.yml"), atomically: true, encoding: .utf8)
        #expect(try RepositoryConfig.locate(explicit: nil, from: deep.path) == top.appendingPathComponent("zoneaudit.yml").path)
        #expect(try RepositoryConfig.locate(explicit: "x.yml", from: deep.path) == "x.yml")
    }
}
