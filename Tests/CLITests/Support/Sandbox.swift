import Foundation

/// A temporary directory holding a copy of `Samples/`, removed afterwards.
/// Every CLI test works on its own copy, so tests can tamper with files and
/// run in parallel.
final class Sandbox {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: ZoneauditBinary.samples.path) {
            try FileManager.default.copyItem(
                at: ZoneauditBinary.samples.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func path(_ path: String) -> String { url(path).path }

    /// Runs zoneaudit with the sandbox as working directory.
    func zoneaudit(_ arguments: String...) throws -> CLIResult {
        try CLI.run(arguments, in: root)
    }

    func zoneaudit(arguments: [String]) throws -> CLIResult {
        try CLI.run(arguments, in: root)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: url(path))
    }

    func write(_ text: String, to path: String) throws {
        let target = url(path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func copy(_ from: String, to: String) throws {
        try FileManager.default.copyItem(at: url(from), to: url(to))
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: self.path(path)) }

    func listing(_ directory: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(directory)).sorted()
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: self.path(path))
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func setMode(_ mode: Int, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: self.path(path))
    }

    /// Replaces the first occurrence of `old` (which must be there) with `new`.
    func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try read(path)
        guard let range = text.range(of: old) else {
            throw SandboxError("\(path) does not contain \(old)")
        }
        try write(text.replacingCharacters(in: range, with: new), to: path)
    }

    // The sample approver (test-only key), usable only once its private
    // half is mode 0600.
    static let approverKey = "keys/Ktest-approver.example.+015+57455"

    /// Restricts the sample approver's private key and seals
    /// `zones/example.com.zone` into `baseline.zone` (+ `.seal`).
    /// The trusted-keys file is the approver's `.key` file.
    @discardableResult
    func sealSampleBaseline(output: String = "baseline.zone", extra: [String] = []) throws -> CLIResult {
        try setMode(0o600, Sandbox.approverKey + ".private")
        let result = try zoneaudit(arguments: ["baseline", "seal", "--key", Sandbox.approverKey, "--output", output]
                                   + extra + ["zones/example.com.zone"])
        guard result.status == 0 else { throw SandboxError("sealing failed: \(result)") }
        return result
    }

    var trustedKeys: String { Sandbox.approverKey + ".key" }
}

struct SandboxError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Findings in a JSON report.
struct JSONFinding {
    let rule: String
    let severity: String
    let authorized: Bool?
    let owner: String?
    let zone: String?
    let policy: String?
    let line: Int?
    let column: Int?
    let file: String?

    init(_ object: [String: Any]) {
        rule = object["rule"] as? String ?? ""
        severity = object["severity"] as? String ?? ""
        authorized = object["authorized"] as? Bool
        owner = object["owner"] as? String
        zone = object["zone"] as? String
        policy = object["policy"] as? String
        let location = object["location"] as? [String: Any]
        line = location?["line"] as? Int
        column = location?["column"] as? Int
        file = location?["file"] as? String
    }

    static func all(in report: [String: Any]) -> [JSONFinding] {
        (report["findings"] as? [[String: Any]] ?? []).map(JSONFinding.init)
    }
}
