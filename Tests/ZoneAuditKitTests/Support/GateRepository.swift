import Foundation
import ZoneModel
@testable import ZoneAuditKit

/// A real git repository in a temporary directory, laid out as a zone
/// repository: `zoneaudit.yml`, the sample zones (example.com with its
/// `$INCLUDE`d hosts.inc, the signed example.net), the sample policy, trusted
/// keys and trust anchors,
/// and example.com's baseline sealed by the test approver. Approver keys
/// live outside the repository, as they would.
final class GateRepository {
    let directory: URL
    var repo: String { directory.appendingPathComponent("repo").path }
    var keys: String { directory.appendingPathComponent("keys").path }
    var approverKey: String { keys + "/Ktest-approver.example.+015+57455" }

    /// 2026-12-01T00:00:00Z: seals are made then, the gate judges a day later.
    static let sealTime = Date(timeIntervalSince1970: 1_796_083_200)
    static let judgeTime = sealTime.addingTimeInterval(86_400)

    static let config = """
        version: 1
        zones:
          example.com.:
            file: zones/example.com.zone
            baseline: baselines/example.com.zone
            policy: policy.yml
            trusted-keys: trusted-keys.zone
            approvals: 1
          example.net.:
            file: zones/example.net.signed
            policy: policy.yml
            trust-anchors: trust-anchors.zone

        """

    /// `withConfig: false` leaves zoneaudit.yml out of the first commit.
    init(withConfig: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-gate-test-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.appendingPathComponent("repo/zones").path, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.appendingPathComponent("repo/baselines").path, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: keys, withIntermediateDirectories: true)
        let samples = KitFixture.packageRoot.appendingPathComponent("Samples")
        for (from, to) in [
            ("zones/example.com.zone", "repo/zones/example.com.zone"), ("zones/hosts.inc", "repo/zones/hosts.inc"),
            ("zones/example.net.signed", "repo/zones/example.net.signed"), ("policy.yml", "repo/policy.yml"),
            ("trusted-keys.zone", "repo/trusted-keys.zone"), ("trust-anchors.zone", "repo/trust-anchors.zone"),
            (KitFixture.approverKey + ".key", "keys/Ktest-approver.example.+015+57455.key"),
            (KitFixture.approverKey + ".private", "keys/Ktest-approver.example.+015+57455.private"),
        ] {
            try manager.copyItem(at: samples.appendingPathComponent(from), to: directory.appendingPathComponent(to))
        }
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: approverKey + ".private")
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Gate Test")
        try git("config", "user.email", "gate@example.invalid")
        try git("config", "commit.gpgsign", "false")
        if withConfig { try write(GateRepository.config, to: "zoneaudit.yml") }
        try seal(with: [approverKey])
        try commit("zones as approved")
        try git("checkout", "-q", "-b", "change")
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ relative: String) -> String { repo + "/" + relative }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }

    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw FixtureError("\(relative) does not contain \(old)") }
        try write(text.replacingCharacters(in: range, with: new), to: relative)
    }

    /// The 1-based line of `relative` that contains `text`.
    func line(of text: String, in relative: String) throws -> Int {
        let lines = try read(relative).split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.contains(text) }) else { throw FixtureError("\(relative) has no \(text)") }
        return index + 1
    }

    /// Seals the work tree's example.com zone into its baseline.
    func seal(with keyFiles: [String]) throws {
        let job = SealJob(zoneFile: path("zones/example.com.zone"), keyFiles: keyFiles, validity: .seconds(30 * 86_400),
                          outputPath: path("baselines/example.com.zone"), force: true, read: ZoneReadOptions())
        _ = try job.run(now: GateRepository.sealTime)
    }

    /// A new approver key pair (outside the repository); returns its base path and DNSKEY line.
    func newApproverKey(owner: String) throws -> (key: String, dnskey: String) {
        let output = try KeygenJob(algorithm: "ED25519", owner: try .init(owner), directory: keys).run()
        let lines = output.split(separator: "\n").map(String.init)
        guard lines.count >= 4, lines[0].hasSuffix(".key") else { throw FixtureError("unexpected keygen output: \(output)") }
        return (String(lines[0].dropLast(4)), lines[3])
    }

    func commit(_ message: String) throws {
        try git("add", "-A")
        try git("commit", "-q", "-m", message)
    }

    /// The gate as CI runs it on this repository's `change` branch.
    func gate(base: String? = nil, zones: [String] = [], failOn: Severity? = nil,
              environment: [String: String] = [:]) throws -> GateResult {
        try GateJob(workingDirectory: repo, base: base, zones: try zones.map { try DomainName($0) }, failOn: failOn,
                    at: GateRepository.judgeTime, environment: environment).run()
    }

    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", repo] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw FixtureError("git \(arguments.joined(separator: " ")): \(output)") }
        return output
    }
}
