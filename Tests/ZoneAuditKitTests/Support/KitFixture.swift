import Foundation
@testable import ZoneAuditKit

/// A temporary copy of `Samples/` for job-level tests, removed afterwards.
final class KitFixture {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ZoneAuditKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let approverKey = "keys/Ktest-approver.example.+015+57455"

    /// 2026-12-01T00:00:00Z: after the sample signatures' inception, a fixed
    /// clock for seals made in the tests.
    static let sealTime = Date(timeIntervalSince1970: 1_796_083_200)

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let samples = KitFixture.packageRoot.appendingPathComponent("Samples")
        for item in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600],
                                              ofItemAtPath: path(KitFixture.approverKey + ".private"))
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        guard let range = text.range(of: old) else { throw FixtureError("\(relative) does not contain \(old)") }
        try write(text.replacingCharacters(in: range, with: new), to: relative)
    }

    var trustedKeys: String { path(KitFixture.approverKey + ".key") }

    /// Seals `zones/example.com.zone` into `baseline.zone` at `sealTime`,
    /// valid for 30 days.
    @discardableResult
    func sealBaseline(_ output: String = "baseline.zone") throws -> String {
        let job = SealJob(zoneFile: path("zones/example.com.zone"), keyFiles: [path(KitFixture.approverKey)],
                          validity: .seconds(30 * 86_400), outputPath: path(output), force: false,
                          read: ZoneReadOptions())
        let (summary, warnings) = try job.run(now: KitFixture.sealTime)
        guard warnings.isEmpty else { throw FixtureError("unexpected warnings: \(warnings)") }
        return summary
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
