import Foundation
import Testing

/// The peers' conformance data in `../shared/corpus` (relative to the package
/// root). Tests that need it are disabled, with this reason shown, when it is absent.
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // DNSSECTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

    static let absent: Comment = "../shared/corpus is absent: corpus vectors skipped"

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
