import Foundation
import Testing
@testable import Transfer
import ZoneAuditKit
import ZoneModel

/// `zoneaudit run` (RunJob) against a real NSD on 127.0.0.1: the cron cycle
/// of a zone that is clean, then tampered with (the finding is new), still
/// tampered (ongoing), repaired (resolved), and finally unreachable (the run
/// says so and exits 2, and the history is not moved by what it could not see).
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct LiveRunTests {
    static let origin = LiveAuditZones.origin
    static let backdoor = "backdoor.example. 300 IN A 203.0.113.66\n"

    /// A repository configuration in the workspace for the zone served by `nsd`.
    static func writeConfig(_ workspace: LiveAuditWorkspace, nsd: NSDServer, sealed: (baseline: String, trustedKeys: String)) throws -> String {
        try LiveAuditZones.child().write(toFile: workspace.path("example.zone"), atomically: true, encoding: .utf8)
        _ = try workspace.writeKeyFile(LiveAuditWorkspace.transferKey, file: "xfr.key")
        let config = """
            version: 1
            reports: { dir: reports, formats: [json, text] }
            history: state/history.sqlite
            zones:
              example.:
                file: example.zone
                baseline: \((sealed.baseline as NSString).lastPathComponent)
                trusted-keys: \((sealed.trustedKeys as NSString).lastPathComponent)
                servers: ["\(nsd.address)"]
                tsig-key: xfr.key
                timeout: 3

            """
        let path = workspace.path("zoneaudit.yml")
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The states the JSON report gives the findings of `rule`.
    static func states(_ workspace: LiveAuditWorkspace, rule: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: workspace.path("reports/example.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        return findings.filter { $0["rule"] as? String == rule }.compactMap { $0["state"] as? String }
    }

    @Test func newOngoingResolvedAndUnreachable() throws {
        let workspace = try LiveAuditWorkspace()
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])
        let configPath = try Self.writeConfig(workspace, nsd: nsd, sealed: sealed)
        let job = RunJob(config: try ConfiguredZones.load(config: configPath))

        // 1. Clean: the served zone is the approved one.
        let clean = try job.run()
        #expect(clean.status == .clean, "\(clean.lines)")
        #expect(clean.lines == ["example. ok serial 2024060101: 0 new, 0 ongoing, 0 resolved"])
        #expect(FileManager.default.fileExists(atPath: workspace.path("reports/example.txt")))
        #expect(FileManager.default.fileExists(atPath: workspace.path("reports/summary.json")))

        // 2. Tampered: a record nobody approved appears on the server.
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child(serial: 2024060102, extra: Self.backdoor))])
        let tampered = try job.run()
        #expect(tampered.status == .findings)
        let first = try #require(tampered.zones.first)
        #expect(first.counts.new >= 1 && first.counts.ongoing == 0, "\(first.line)")
        #expect(first.line.hasPrefix("example. FAIL serial 2024060102: "), "\(first.line)")
        #expect(try Self.states(workspace, rule: "record.added") == ["new"])

        // 3. Still tampered: the same finding is ongoing, not new.
        let again = try job.run()
        #expect(again.status == .findings)
        let second = try #require(again.zones.first)
        #expect(second.counts.new == 0 && second.counts.ongoing == first.counts.new, "\(second.line)")
        #expect(try Self.states(workspace, rule: "record.added") == ["ongoing"])

        // 4. Repaired: the server serves the approved zone again.
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child())])
        let repaired = try job.run()
        #expect(repaired.status == .clean, "\(repaired.lines)")
        let third = try #require(repaired.zones.first)
        #expect(third.counts.resolved == first.counts.new && third.counts.new == 0, "\(third.line)")
        #expect(try Self.states(workspace, rule: "record.added") == ["resolved"])

        // 5. The server is down: the zone is not audited, the run exits 2,
        //    and the report says so instead of looking clean.
        nsd.stop()
        let down = try job.run()
        #expect(down.status == .incomplete)
        #expect(down.lines.first?.hasPrefix("example. UNREACHABLE: ") == true, "\(down.lines)")
        let report = try String(contentsOfFile: workspace.path("reports/example.txt"), encoding: .utf8)
        #expect(report.contains("NOT AUDITED"), "\(report)")
        let summary = try String(contentsOfFile: workspace.path("reports/summary.json"), encoding: .utf8)
        #expect(summary.contains("\"outcome\" : \"unreachable\""), "\(summary)")

        // 6. Back up and tampered again: new again (it was resolved in 4).
        try nsd.serve([NSDServer.zone(Self.origin, LiveAuditZones.child(serial: 2024060103, extra: Self.backdoor))])
        let back = try job.run()
        #expect(back.zones.first?.counts.new == first.counts.new, "\(back.lines)")
    }

    /// The first server is down, the second serves the zone: the zone is
    /// audited from the second and the first is reported unreachable.
    @Test func aDeadPrimaryFallsBackToTheNextServer() throws {
        let workspace = try LiveAuditWorkspace()
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])
        let configPath = try Self.writeConfig(workspace, nsd: nsd, sealed: sealed)
        let dead = try NSDServer.freePort()
        var config = try String(contentsOfFile: configPath, encoding: .utf8)
        config = config.replacingOccurrences(of: "servers: [\"\(nsd.address)\"]",
                                             with: "servers: [\"127.0.0.1:\(dead)\", \"\(nsd.address)\"]")
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let outcome = try RunJob(config: try ConfiguredZones.load(config: configPath)).run()
        let zone = try #require(outcome.zones.first)
        #expect(zone.outcome == .audited, "\(zone.line)")
        #expect(outcome.status == .findings, "\(zone.line)")
        let report = try String(contentsOfFile: workspace.path("reports/example.txt"), encoding: .utf8)
        #expect(report.contains("server.unreachable"), "\(report)")
    }

    /// Two runs at once: the second stops at the lock (exit 2) and changes nothing.
    @Test func anOverlappingRunStopsAtTheLock() throws {
        let workspace = try LiveAuditWorkspace()
        let sealed = try workspace.seal(LiveAuditZones.child(), origin: Self.origin)
        let nsd = try NSDServer(zones: [NSDServer.zone(Self.origin, LiveAuditZones.child())], keys: [LiveAuditWorkspace.transferKey])
        let configPath = try Self.writeConfig(workspace, nsd: nsd, sealed: sealed)
        let job = RunJob(config: try ConfiguredZones.load(config: configPath))
        _ = try job.run()
        // Hold the lock as another run would (flock is per open file description).
        let descriptor = open(workspace.path("state/history.sqlite.lock"), O_RDWR)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: JobError.self) { try job.run() }
        do {
            _ = try job.run()
        } catch {
            #expect(error.message.contains("another zoneaudit run holds it"), "\(error)")
        }
        flock(descriptor, LOCK_UN)
        #expect(try job.run().status == .clean)
    }
}
