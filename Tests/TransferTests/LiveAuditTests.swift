import Foundation
import Testing
@testable import Transfer
import ZoneAuditKit
import ZoneModel

/// `AuditJob` end to end against real NSD servers on 127.0.0.1: the zone
/// is read by AXFR with TSIG and judged against a baseline sealed in the
/// test. Every NSD is stopped when its value goes away, also on failure.
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct LiveAuditTests {
    static let origin = LiveAuditZones.origin

    /// The audit of `source` against the sealed `baseline` with the key in `keyFile`.
    static func audit(_ source: String, against sealed: (baseline: String, trustedKeys: String), keyFile: String?,
                      in workspace: LiveAuditWorkspace, servers: [String] = []) -> AuditJob {
        AuditJob(source: source, baselinePath: sealed.baseline, trustedKeysPath: sealed.trustedKeys,
                 read: workspace.readOptions(keyFile: keyFile), servers: servers)
    }

    static func rules(_ result: JobResult) -> [String] { result.report.findings.map(\.rule.rawValue) }

    @Test func aCleanZoneAuditsCleanOverAXFRWithTSIG() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])

        let result = try Self.audit(nsd.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace).run()
        #expect(result.status == .clean)
        #expect(result.report.findings.isEmpty, "\(result.report.findings.map(\.message))")
        #expect(!result.report.findings.contains { $0.authorized != true })
        #expect(result.report.banners.isEmpty)
        let zone = try #require(result.report.zones.first)
        #expect(zone.source == nsd.source(Self.origin))
        #expect(zone.serialBefore == 2024060101 && zone.serialAfter == 2024060101)
        #expect(zone.seal?.hasPrefix("seal holds for example.") == true, "\(zone.seal ?? "no seal status")")
        let expected = try TestRecords.records(LiveAuditZones.child())
        #expect(zone.recordsAfter == expected.count)
    }

    @Test func eachChangeToTheServedZoneIsCaught() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])
        let job = Self.audit(nsd.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace)
        #expect(try job.run().status == .clean)

        // (a) A record added (and the serial bumped, as a real change would).
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child(
            serial: 2024060102, extra: "backdoor.example. 300 IN A 203.0.113.66\n"))])
        let added = try job.run()
        #expect(added.status == .findings)
        let record = try #require(added.report.findings.first { $0.rule == "record.added" }, "\(Self.rules(added))")
        #expect(record.owner == TestRecords.name("backdoor.example."))
        #expect(record.type == .a)
        #expect(record.authorized != true)
        #expect(record.after.map(\.identity) == [try TestRecords.record("backdoor.example. 300 IN A 203.0.113.66").identity])
        #expect(!Self.rules(added).contains { $0.hasPrefix("delegation.") })
        #expect(added.report.zones.first?.serialAfter == 2024060102)

        // (b) The NS set of the delegation sub.example. pointed elsewhere.
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child(serial: 2024060103, subNS: "ns.attacker.example.net."))])
        let nsChanged = try job.run()
        #expect(nsChanged.status == .findings)
        let ns = try #require(nsChanged.report.findings.first { $0.rule == "delegation.ns-changed" }, "\(Self.rules(nsChanged))")
        #expect(ns.owner == TestRecords.name("sub.example."))
        #expect(ns.severity == .critical)
        #expect(ns.after.compactMap(\.nameTarget) == [TestRecords.name("ns.attacker.example.net.")])
        #expect(!Self.rules(nsChanged).contains("record.added"))

        // (c) The DS set of sub.example. dropped: a DNSSEC downgrade.
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child(serial: 2024060104, withDS: false))])
        let dsDropped = try job.run()
        #expect(dsDropped.status == .findings)
        let ds = try #require(dsDropped.report.findings.first { $0.rule == "delegation.ds-changed" }, "\(Self.rules(dsDropped))")
        #expect(ds.owner == TestRecords.name("sub.example."))
        #expect(ds.severity == .critical)
        #expect(ds.before.count == 2 && ds.after.isEmpty)
        #expect(!Self.rules(dsDropped).contains("delegation.ns-changed"))
    }

    @Test func aWrongTSIGKeyStopsTheAuditWithoutAReport() throws {
        let workspace = try LiveAuditWorkspace()
        let right = LiveAuditWorkspace.transferKey
        let wrong = TSIGKey(name: right.name, algorithm: right.algorithm, secret: Array(repeating: 0x5A, count: 32))
        let keyFile = try workspace.writeKeyFile(wrong, file: "wrong.key")
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [right])

        var result: JobResult?
        let error = #expect(throws: JobError.self) {
            result = try Self.audit(nsd.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace).run()
        }
        #expect(result == nil, "no report for a zone that could not be transferred")
        let message = try #require(error?.message)
        #expect(message.contains("TSIG"), "\(message)")
        #expect(message.contains("\(nsd.address)"), "\(message)")
        #expect(message.contains("BADSIG"), "\(message)")
        for secret in [right.secret, wrong.secret] {
            #expect(!message.contains(Data(secret).base64EncodedString()), "the message never carries a secret")
        }
    }

    @Test func aDivergedSecondaryAndADownServerAreNamed() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let key = LiveAuditWorkspace.transferKey
        let primary = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [key])
        // A tampered secondary: other data under the same serial.
        let secondary = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child(www: "203.0.113.80"))], keys: [key])
        let down = ServerAddress(host: .ipv4("127.0.0.1"), port: try NSDServer.freePort())

        let result = try Self.audit(
            primary.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace,
            servers: ["\(primary.address)", "\(secondary.address)", "\(down)"]).run()
        #expect(result.status == .findings)
        #expect(!Self.rules(result).contains { $0.hasPrefix("record.") }, "the primary serves the baseline")

        let mismatches = result.report.findings.filter { $0.rule == "server.content-mismatch" }
        #expect(mismatches.count == 1, "\(mismatches.map(\.message))")
        let mismatch = try #require(mismatches.first)
        #expect(mismatch.message.hasPrefix("\(secondary.address) serves different data"), "\(mismatch.message)")
        #expect(mismatch.message.contains("which match the baseline"))
        #expect(mismatch.message.contains("www.example."))
        #expect(mismatch.severity == .critical, "same serial, other data")
        #expect(!Self.rules(result).contains("server.serial-skew"))

        let unreachable = result.report.findings.filter { $0.rule == "server.unreachable" }
        #expect(unreachable.count == 1)
        #expect(unreachable.first?.message.hasPrefix("\(down) did not deliver") == true, "\(unreachable.map(\.message))")

        // Only the down server, beside a good one: unreachable, nothing else.
        let downOnly = try Self.audit(
            primary.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace,
            servers: ["\(primary.address)", "\(down)"]).run()
        #expect(Self.rules(downOnly) == ["server.unreachable"])
        #expect(downOnly.status == .findings)
    }

    @Test func aSecondaryBehindOnTheSerialIsASkew() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let key = LiveAuditWorkspace.transferKey
        let primary = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [key])
        let stale = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child(serial: 2024060100, www: "192.0.2.79"))], keys: [key])

        let result = try Self.audit(
            primary.source(Self.origin), against: sealed, keyFile: keyFile, in: workspace,
            servers: ["\(primary.address)", "\(stale.address)"]).run()
        let skew = try #require(result.report.findings.first { $0.rule == "server.serial-skew" }, "\(Self.rules(result))")
        #expect(skew.message.contains("\(stale.address) 2024060100"))
        let mismatch = try #require(result.report.findings.first { $0.rule == "server.content-mismatch" })
        #expect(mismatch.message.hasPrefix("\(stale.address) "))
        #expect(mismatch.severity == .high)
    }

    @Test func theAXFRJobWritesADumpThatReadsBackToTheSameZone() throws {
        let workspace = try LiveAuditWorkspace()
        let keyFile = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])
        let dumps = workspace.path("dumps")
        try FileManager.default.createDirectory(atPath: dumps, withIntermediateDirectories: true)
        let output = dumps + "/example.axfr"
        let read = workspace.readOptions(keyFile: keyFile)

        let summary = try AXFRJob(server: "\(nsd.address)", zone: TestRecords.name(Self.origin), read: read, outputPath: output).run()
        #expect(summary.contains("serial 2024060101"), "\(summary)")
        #expect(summary.contains("verified with TSIG key \(LiveAuditWorkspace.transferKey.name)"), "\(summary)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dumps) == ["example.axfr"], "no temporary file left")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!text.contains(Data(LiveAuditWorkspace.transferKey.secret).base64EncodedString()))

        let fromDump = try ZoneReader.read(output, options: ZoneReadOptions())
        let dumpZone = try #require(fromDump.zone, "\(fromDump.findings.map(\.message))")
        #expect(fromDump.findings.isEmpty, "\(fromDump.findings.map(\.message))")
        let live = try #require(try ZoneReader.read(nsd.source(Self.origin), options: read).zone)
        #expect(dumpZone.origin == live.origin)
        #expect(dumpZone.records.map(\.identity) == live.records.map(\.identity))
        let expected = Set(try TestRecords.records(LiveAuditZones.child()).map(\.identity))
        #expect(Set(dumpZone.records.map(\.identity)) == expected)
        #expect(dumpZone.recordCount == expected.count)
    }
}
