import Foundation
import Testing
@testable import Transfer
import ZoneAuditKit
import ZoneModel

/// The delegation as the parent publishes it, through `AuditJob` and
/// `DelegationCheckJob`: the child zone `shop.example.com.` is served by one
/// NSD (transfers need TSIG), its parent `example.com.` by another that
/// knows no key, as a registry's servers would not know the zone's.
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct LiveAuditParentTests {
    static let child = LiveAuditZones.shopOrigin
    static let parentName = LiveAuditZones.parentOrigin

    static func parentZone(_ text: String) -> NSDServer.ZoneConfig {
        NSDServer.ZoneConfig(name: parentName, text: text, provideXFR: [])
    }

    static func delegationFindings(_ result: JobResult) -> [Finding] {
        result.report.findings.filter { $0.rule.rawValue.hasPrefix("delegation.parent-") }
    }

    static func rules(_ result: JobResult) -> [String] { result.report.findings.map(\.rule.rawValue) }

    @Test func aParentDelegatingToOtherServersIsCaughtAndACorrectOneIsNot() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let sealed = try workspace.seal(LiveAuditZones.shop, origin: Self.child)
        let childServer = try NSDServer(zones: [NSDServer.zone(Self.child, LiveAuditZones.shop)], keys: [LiveAuditWorkspace.transferKey])
        let parent = try NSDServer(
            zones: [Self.parentZone(LiveAuditZones.parent(ns: ["ns1.shop.example.com.", "ns.attacker.example.net."]))], keys: [])
        let job = AuditJob(source: childServer.source(Self.child), baselinePath: sealed.baseline,
                           trustedKeysPath: sealed.trustedKeys, read: workspace.readOptions(keyFile: keyFile),
                           parentServers: ["\(parent.address)"])

        let hijacked = try job.run()
        #expect(hijacked.status == .findings)
        let findings = Self.delegationFindings(hijacked)
        #expect(findings.map(\.rule) == ["delegation.parent-ns-mismatch"], "\(Self.rules(hijacked))")
        let mismatch = try #require(findings.first)
        #expect(mismatch.severity == .critical)
        #expect(mismatch.message.contains("\(parent.address)"))
        #expect(mismatch.message.contains("only at the parent: ns.attacker.example.net."), "\(mismatch.message)")
        #expect(mismatch.message.contains("only in the zone: ns2.shop.example.com."), "\(mismatch.message)")
        #expect(!Self.rules(hijacked).contains { $0.hasPrefix("record.") }, "the zone itself is unchanged")

        try parent.serve([Self.parentZone(LiveAuditZones.parent())])
        let correct = try job.run()
        #expect(Self.delegationFindings(correct).isEmpty, "\(Self.rules(correct))")
        #expect(correct.report.findings.isEmpty, "\(correct.report.findings.map(\.message))")
        #expect(correct.status == .clean)
    }

    @Test(.enabled(if: LiveAuditTool.available, "ldns-signzone or ldns-key2ds missing"))
    func theParentsDSAnchorsASignedChildAndAStrayDSIsCaught() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let (signed, ds) = try workspace.sign(LiveAuditZones.shop, origin: Self.child)
        let sealed = try workspace.seal(signed, origin: Self.child)
        let childServer = try NSDServer(zones: [NSDServer.zone(Self.child, signed)], keys: [LiveAuditWorkspace.transferKey])
        let parent = try NSDServer(zones: [Self.parentZone(LiveAuditZones.parent(ds: [ds]))], keys: [])
        let job = AuditJob(source: childServer.source(Self.child), baselinePath: sealed.baseline,
                           trustedKeysPath: sealed.trustedKeys, read: workspace.readOptions(keyFile: keyFile),
                           anchorFromParent: true, parentServers: ["\(parent.address)"])

        let anchored = try job.run()
        #expect(anchored.status == .clean, "\(anchored.report.findings.map(\.message))")
        #expect(Self.delegationFindings(anchored).isEmpty, "\(Self.rules(anchored))")
        // Validated from the parent's DS: no trust or signature finding at all.
        #expect(!anchored.report.findings.contains { $0.rule.rawValue.hasPrefix("dnssec.") && $0.severity >= .medium },
                "\(anchored.report.findings.map(\.message))")
        #expect(!Self.rules(anchored).contains("dnssec.anchor-taken-as-given"), "the parent's DS is the anchor")

        // The parent now publishes a DS of a key the zone does not have.
        let stray = try workspace.strayDS(origin: Self.child)
        try parent.serve([Self.parentZone(LiveAuditZones.parent(ds: [stray]))])
        let forged = try job.run()
        #expect(forged.status == .findings)
        let mismatch = try #require(Self.delegationFindings(forged).first, "\(Self.rules(forged))")
        #expect(Self.delegationFindings(forged).map(\.rule) == ["delegation.parent-ds-mismatch"])
        #expect(mismatch.severity == .critical)
        #expect(mismatch.message.contains("matches no DNSKEY"), "\(mismatch.message)")
        #expect(mismatch.after.map(\.identity) == [try TestRecords.record(stray).identity])
        // And anchored in that DS, the zone's keys are not trusted.
        #expect(Self.rules(forged).contains("dnssec.no-trust-anchor-match"), "\(Self.rules(forged))")
    }

    @Test func theDelegationCheckJobAsksTheParent() throws {
        let workspace = try LiveAuditWorkspace()
        let sealed = try workspace.seal(LiveAuditZones.shop, origin: Self.child)
        let parent = try NSDServer(zones: [Self.parentZone(LiveAuditZones.parent())], keys: [])
        let job = DelegationCheckJob(baseline: sealed.baseline, parentServers: ["\(parent.address)"],
                                     read: workspace.readOptions(keyFile: nil), failOn: .high)

        let clean = try job.run()
        #expect(clean.status == .clean)
        #expect(clean.report.findings.isEmpty, "\(clean.report.findings.map(\.message))")
        #expect(clean.report.zones.first?.origin == TestRecords.name(Self.child))
        #expect(clean.report.zones.first?.source == "\(parent.address)")

        try parent.serve([Self.parentZone(LiveAuditZones.parent(ns: ["ns1.shop.example.com.", "ns.attacker.example.net."]))])
        let hijacked = try job.run()
        #expect(hijacked.status == .findings)
        #expect(hijacked.report.findings.map(\.rule) == ["delegation.parent-ns-mismatch"])
        #expect(hijacked.report.findings.first?.severity == .critical)

        // The approved zone read live with its transfer key: the parent,
        // which does not know that key, is still asked (unsigned).
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let childServer = try NSDServer(zones: [NSDServer.zone(Self.child, LiveAuditZones.shop)], keys: [LiveAuditWorkspace.transferKey])
        let live = DelegationCheckJob(baseline: childServer.source(Self.child), parentServers: ["\(parent.address)"],
                                      read: workspace.readOptions(keyFile: keyFile), failOn: .high)
        let liveResult = try live.run()
        #expect(liveResult.report.findings.map(\.rule) == ["delegation.parent-ns-mismatch"])
        #expect(liveResult.report.zones.first?.baseline == childServer.source(Self.child))
    }
}
