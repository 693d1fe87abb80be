import Foundation
import Testing

/// `zoneaudit gate` as CI runs it: a copy of Samples/ made into a git
/// repository, a branch that moves a delegation, the built binary.
@Suite struct GateCommandTests {
    static let config = """
        version: 1
        zones:
          example.com.:
            file: zones/example.com.zone
            baseline: baselines/example.com.zone
            policy: policy.yml
            trusted-keys: trusted-keys.zone

        """

    static func git(_ box: Sandbox, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", box.root.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SandboxError("git \(arguments) failed") }
    }

    @Test func anUnapprovedDelegationChangeFailsTheGateWithReportsAndAnnotations() throws {
        let box = try Sandbox()
        try box.write(GateCommandTests.config, to: "zoneaudit.yml")
        try GateCommandTests.git(box, "init", "-q", "-b", "main")
        try GateCommandTests.git(box, "config", "user.name", "Gate Test")
        try GateCommandTests.git(box, "config", "user.email", "gate@example.invalid")
        try GateCommandTests.git(box, "config", "commit.gpgsign", "false")
        try GateCommandTests.git(box, "add", "-A")
        try GateCommandTests.git(box, "commit", "-q", "-m", "approved")
        try GateCommandTests.git(box, "checkout", "-q", "-b", "change")
        let zone = try box.read("zones/example.com.zone")
        try box.write(zone.replacingOccurrences(of: "dev             IN  NS    ns2.dev", with: "dev             IN  NS    ns1.example.net."),
                      to: "zones/example.com.zone")
        try GateCommandTests.git(box, "commit", "-q", "-a", "-m", "move dev")
        let line = try #require(try box.read("zones/example.com.zone").split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("ns1.example.net.") && $0.hasPrefix("dev") }) + 1

        let result = try CLI.run(["gate", "--sarif", "gate.sarif", "--summary", "summary.md", "--at", "20261202000000"],
                                 in: box.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.contains { $0.hasPrefix("::error file=zones/example.com.zone,line=\(line),col=1,title=delegation.ns-changed::") },
                "\(result)")
        let sarif = try #require(try JSONSerialization.jsonObject(with: box.bytes("gate.sarif")) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(try box.read("summary.md").contains("delegation.ns-changed"))

        // A JSON report on standard output stays parseable: the workflow
        // commands go to standard error then.
        let json = try CLI.run(["gate", "--format", "json", "--at", "20261202000000"],
                               in: box.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(json.status == 1)
        #expect(try json.json()["schemaVersion"] != nil, "\(json)")
        #expect(json.stderr.contains("::error file=zones/example.com.zone,line=\(line)"), "\(json)")

        // Exit 2: a base that does not exist.
        let bad = try CLI.run(["gate", "--base", "no-such-revision"], in: box.root)
        #expect(bad.status == 2 && bad.stderr.contains("bad --base"), "\(bad)")
    }
}
