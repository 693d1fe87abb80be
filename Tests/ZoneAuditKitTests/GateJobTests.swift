import Foundation
import Reporters
import Testing
import ZoneModel
@testable import ZoneAuditKit

/// `zoneaudit gate` on a real git repository: a `change` branch judged
/// against `main`, configuration and keys from `main`, zones from the branch.
@Suite struct GateJobTests {
    static let zone = "zones/example.com.zone"
    static let oldNS = "dev             IN  NS    ns2.dev"
    static let newNS = "dev             IN  NS    ns9.dev"

    /// The delegation of dev.example.com moved to a server the policy does not list.
    static func changeDelegation(_ repository: GateRepository) throws {
        try repository.edit(zone, replacing: oldNS, with: newNS)
        try repository.edit(zone, replacing: "ns2.dev         IN  A     198.51.100.102",
                            with: "ns2.dev         IN  A     198.51.100.102\nns9.dev         IN  A     198.51.100.109")
    }

    @Test func unapprovedNSChangeFailsWithAnAnnotationOnItsLine() throws {
        let repository = try GateRepository()
        try GateJobTests.changeDelegation(repository)
        try repository.commit("move dev to ns9")
        let line = try repository.line(of: GateJobTests.newNS, in: GateJobTests.zone)

        let gate = try repository.gate(environment: ["GITHUB_ACTIONS": "true"])
        #expect(gate.result.status == .findings)
        let nsChange = try #require(gate.result.report.findings.first { $0.rule == "delegation.ns-changed" })
        #expect(nsChange.authorized == false && nsChange.severity == .critical)
        #expect(nsChange.location?.file == GateJobTests.zone && nsChange.location?.line == UInt32(line), "\(String(describing: nsChange.location))")
        #expect(gate.result.report.findings.contains { $0.rule == "gate.not-approved" })
        #expect(gate.annotations.contains { $0.hasPrefix("::error file=\(GateJobTests.zone),line=\(line),col=1,title=delegation.ns-changed::") },
                "\(gate.annotations)")
        // Nothing points into the scratch directory.
        #expect(gate.result.report.findings.allSatisfy { $0.location.map { !$0.file.hasPrefix("/") } ?? true })
        #expect(gate.result.report.zones.map(\.origin.presentation) == ["example.com."])

        // Without GITHUB_ACTIONS: no workflow commands.
        #expect(try repository.gate().annotations.isEmpty)
    }

    /// A removed RRset has no line in the head revision: its finding and
    /// annotation name the file without a line, never a base line number.
    @Test func aRemovalIsAnnotatedOnTheFileNotOnABaseLine() throws {
        let repository = try GateRepository()
        try repository.edit(GateJobTests.zone, replacing: "dev             IN  DS", with: "; dev DS dropped:")
        try repository.commit("drop the DS of dev")
        let gate = try repository.gate(environment: ["GITHUB_ACTIONS": "true"])
        #expect(gate.result.status == .findings)
        let removal = try #require(gate.result.report.findings.first { $0.rule == "delegation.ds-changed" })
        #expect(removal.location?.file == GateJobTests.zone && removal.location?.line == 0, "\(String(describing: removal.location))")
        #expect(gate.annotations.contains { $0.hasPrefix("::error file=\(GateJobTests.zone),title=delegation.ds-changed::") },
                "\(gate.annotations)")
    }

    @Test func theSameChangeSealedByATrustedApproverPasses() throws {
        let repository = try GateRepository()
        try GateJobTests.changeDelegation(repository)
        try repository.seal(with: [repository.approverKey])
        try repository.commit("move dev to ns9, approved")

        let gate = try repository.gate(environment: ["GITHUB_ACTIONS": "true"])
        #expect(gate.result.status == .clean, "\(gate.result.report.findings.filter { $0.authorized != true })")
        let nsChange = try #require(gate.result.report.findings.first { $0.rule == "delegation.ns-changed" })
        #expect(nsChange.authorized == true && nsChange.severity == .info)
        #expect(nsChange.policy?.contains("test-approver.example.") == true, "\(nsChange.policy ?? "nil")")
        #expect(!gate.annotations.contains { $0.hasPrefix("::error") }, "\(gate.annotations)")
    }

    @Test func aSealOverOtherContentDoesNotApprove() throws {
        let repository = try GateRepository()
        try repository.seal(with: [repository.approverKey])
        try GateJobTests.changeDelegation(repository)
        try repository.commit("move dev to ns9 with the old seal re-made")
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        let refusal = try #require(gate.result.report.findings.first { $0.rule == "gate.not-approved" })
        #expect(refusal.message.contains("is not the zone in the head revision"), "\(refusal.message)")
    }

    @Test func aPolicyAuthorizedChangePassesWithoutASeal() throws {
        let repository = try GateRepository()
        try repository.edit(GateJobTests.zone, replacing: "192.0.2.80", with: "192.0.2.81")
        try repository.edit(GateJobTests.zone, replacing: "2026112901 ; serial", with: "2026112902 ; serial")
        try repository.commit("move the API")

        let gate = try repository.gate()
        #expect(gate.result.status == .clean, "\(gate.result.report.findings)")
        let api = try #require(gate.result.report.findings.first { $0.owner?.presentation == "api.example.com." })
        #expect(api.authorized == true && api.policy?.contains("mutable") == true)
        #expect(!gate.result.report.findings.contains { $0.rule == "gate.not-approved" })
    }

    @Test func aChangeThatTrustsItsOwnApproverKeyDoesNotPass() throws {
        let repository = try GateRepository()
        let intruder = try repository.newApproverKey(owner: "intruder.example.")
        try GateJobTests.changeDelegation(repository)
        let keys = try repository.read("trusted-keys.zone")
        try repository.write(keys + "\n; New Approver\n" + intruder.dnskey + "\n", to: "trusted-keys.zone")
        try repository.seal(with: [intruder.key])
        try repository.commit("move dev to ns9, approved by myself")

        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        #expect(gate.result.report.findings.contains { $0.rule == "delegation.ns-changed" && $0.authorized == false })
        let refusal = try #require(gate.result.report.findings.first { $0.rule == "gate.not-approved" })
        #expect(refusal.message.contains("trusted keys"), "\(refusal.message)")
        let edit = try #require(gate.result.report.findings.first { $0.rule == "gate.config-changed" })
        #expect(edit.location?.file == "trusted-keys.zone" && edit.severity == .medium)
    }

    @Test func aPolicyLoosenedInTheChangeIsNotApplied() throws {
        let repository = try GateRepository()
        try GateJobTests.changeDelegation(repository)
        try repository.edit("policy.yml", replacing: "dev.example.com.: [ns1.dev.example.com., ns2.dev.example.com.]",
                            with: "dev.example.com.: [ns1.dev.example.com., ns9.dev.example.com.]")
        try repository.commit("move dev to ns9 and allow it")
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        #expect(gate.result.report.findings.contains { $0.rule == "delegation.ns-changed" && $0.authorized == false })
        #expect(gate.result.report.findings.contains { $0.rule == "gate.config-changed" && $0.location?.file == "policy.yml" })
    }

    @Test func aChangeOnlyInAnIncludedFileSelectsItsZoneAndNoOther() throws {
        let repository = try GateRepository()
        try repository.edit("zones/hosts.inc", replacing: "192.0.2.31", with: "192.0.2.32")
        try repository.commit("renumber the VPN")
        let gate = try repository.gate()
        #expect(gate.result.report.zones.map(\.origin.presentation) == ["example.com."])
        let vpn = try #require(gate.result.report.findings.first { $0.owner?.presentation == "vpn.example.com." })
        let line = try repository.line(of: "192.0.2.32", in: "zones/hosts.inc")
        #expect(vpn.location?.file == "zones/hosts.inc" && vpn.location?.line == UInt32(line), "\(String(describing: vpn.location))")
    }

    @Test func anUnchangedRepositoryJudgesNoZone() throws {
        let repository = try GateRepository()
        try repository.write("notes\n", to: "README")
        try repository.commit("a note")
        let gate = try repository.gate()
        #expect(gate.result.status == .clean)
        #expect(gate.result.report.zones.isEmpty)
        // --zone judges a zone whatever changed.
        let named = try repository.gate(zones: ["example.net."])
        #expect(named.result.report.zones.map(\.origin.presentation) == ["example.net."])
        #expect(named.result.status == .clean, "\(named.result.report.findings)")
    }

    @Test func aSyntaxErrorInHeadFailsWithItsPosition() throws {
        let repository = try GateRepository()
        try repository.edit(GateJobTests.zone, replacing: "mail            IN  A     192.0.2.25",
                            with: "mail            IN  A     192.0.2.256")
        try repository.commit("typo")
        let line = try repository.line(of: "192.0.2.256", in: GateJobTests.zone)
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        let error = try #require(gate.result.report.findings.first { $0.rule.category == "syntax" && $0.level == .error })
        #expect(error.location?.file == GateJobTests.zone && error.location?.line == UInt32(line) && (error.location?.column ?? 0) > 1,
                "\(String(describing: error.location))")
    }

    @Test func aZoneConfiguredOnlyInTheChangeIsAFinding() throws {
        let repository = try GateRepository()
        try repository.write(GateRepository.config + "  example.org.:\n    file: zones/example.org.zone\n", to: "zoneaudit.yml")
        try repository.commit("configure example.org")
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        #expect(gate.result.report.findings.contains { $0.rule == "gate.zone-not-configured" && $0.zone?.presentation == "example.org." })
        #expect(gate.result.report.findings.contains { $0.rule == "gate.config-changed" && $0.location?.file == "zoneaudit.yml" })
    }

    @Test func aChangeThatBreaksTheConfigurationIsAFindingAtItsLine() throws {
        let repository = try GateRepository()
        try repository.write(GateRepository.config + "    approvals: none\n", to: "zoneaudit.yml")
        try repository.commit("break the configuration")
        let line = try repository.line(of: "approvals: none", in: "zoneaudit.yml")
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        let broken = try #require(gate.result.report.findings.first { $0.rule == "gate.config-invalid" })
        #expect(broken.location?.file == "zoneaudit.yml" && broken.location?.line == UInt32(line), "\(broken)")
        #expect(!broken.message.contains("zoneaudit-gate-"), "\(broken.message)")
    }

    @Test func aBaseWithoutConfigurationStopsTheGate() throws {
        let repository = try GateRepository(withConfig: false)
        try repository.write(GateRepository.config, to: "zoneaudit.yml")
        try repository.commit("add the configuration")
        #expect { try repository.gate() } throws: { error in
            (error as? JobError)?.message.contains("must be merged") == true
        }
    }

    @Test func aBadBaseStopsTheGate() throws {
        let repository = try GateRepository()
        #expect { try repository.gate(base: "no-such-branch") } throws: { error in
            (error as? JobError)?.message.contains("bad --base 'no-such-branch'") == true
        }
        #expect { try repository.gate(base: "--output=/tmp/x") } throws: { error in error is JobError }
    }

    @Test func aSignedZoneIsValidatedWithTheBaseTrustAnchors() throws {
        let repository = try GateRepository()
        // The change swaps the anchor for one that matches no key: ignored, but shown.
        try repository.write("example.net. IN DS 25868 13 2 " + String(repeating: "0", count: 64) + "\n", to: "trust-anchors.zone")
        try repository.commit("swap the trust anchor")
        let gate = try repository.gate(zones: ["example.net."])
        #expect(gate.result.status == .clean, "\(gate.result.report.findings)")
        #expect(!gate.result.report.findings.contains { $0.rule.category == "dnssec" && $0.level == .error })
        #expect(gate.result.report.findings.contains { $0.rule == "gate.config-changed" && $0.location?.file == "trust-anchors.zone" })
    }

    @Test func aSignedZoneEditedWithoutResigningFails() throws {
        let repository = try GateRepository()
        try repository.edit("zones/example.net.signed", replacing: "198.51.100.53", with: "198.51.100.54")
        try repository.commit("renumber ns1 without signing")
        let gate = try repository.gate()
        #expect(gate.result.report.zones.map(\.origin.presentation) == ["example.net."])
        #expect(gate.result.status == .findings)
        #expect(gate.result.report.findings.contains { $0.rule.category == "dnssec" && $0.level == .error },
                "\(gate.result.report.findings.map(\.rule))")
    }

    @Test func aZoneFileThatIsASymlinkIsNotFollowed() throws {
        let repository = try GateRepository()
        try FileManager.default.removeItem(atPath: repository.path(GateJobTests.zone))
        try FileManager.default.createSymbolicLink(atPath: repository.path(GateJobTests.zone),
                                                   withDestinationPath: repository.approverKey + ".private")
        try repository.commit("point the zone at a secret")
        let gate = try repository.gate()
        #expect(gate.result.status == .findings)
        #expect(gate.result.report.findings.contains { $0.rule == "gate.zone-missing" && $0.zone?.presentation == "example.com." })
        let secret = try String(contentsOfFile: repository.approverKey + ".private", encoding: .utf8)
        let privateKey = try #require(secret.split(separator: "\n").first { $0.hasPrefix("PrivateKey:") })
        let rendered = ReportFormat.json.render(gate.result.report)
        #expect(!rendered.contains(privateKey.dropFirst("PrivateKey: ".count)))
    }

    @Test func theWorkTreeAndIndexAreNeitherReadNorChanged() throws {
        let repository = try GateRepository()
        try repository.edit(GateJobTests.zone, replacing: "192.0.2.80", with: "192.0.2.81")
        try repository.commit("move the API")
        // Uncommitted: a broken zone in the work tree, a staged edit of the policy.
        try repository.edit(GateJobTests.zone, replacing: "192.0.2.81", with: "not-an-address")
        try repository.edit("policy.yml", replacing: "min-ttl: 300", with: "min-ttl: 1")
        try repository.git("add", "policy.yml")
        let before = try repository.git("status", "--porcelain")
        let gate = try repository.gate()
        #expect(gate.result.status == .clean, "\(gate.result.report.findings)")
        #expect(try repository.git("status", "--porcelain") == before)
        #expect(try repository.read(GateJobTests.zone).contains("not-an-address"))
    }

    @Test func workflowCommandsAreEscaped() {
        #expect(GitHubAnnotations.escapeData("50% done\r\nnext") == "50%25 done%0D%0Anext")
        #expect(GitHubAnnotations.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }
}
