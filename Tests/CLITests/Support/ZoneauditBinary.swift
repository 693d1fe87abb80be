import Foundation

/// Where the built `zoneaudit` executable is: beside the test bundle in the
/// same build products directory (`swift build --build-tests` and
/// `swift test` build every product there), or where `ZONEAUDIT_BINARY` says.
enum ZoneauditBinary {
    /// The package root, found from this file's path (Tests/CLITests/Support/...).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let samples: URL = packageRoot.appendingPathComponent("Samples")

    /// The executable, or a message saying where it was looked for.
    static let location: Result<URL, LocateError> = locate()

    struct LocateError: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the zoneaudit executable was not found (looked in: \(searched.joined(separator: ", "))); "
                + "build it with `swift build --build-tests` or set ZONEAUDIT_BINARY"
        }
    }

    private static func locate() -> Result<URL, LocateError> {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["ZONEAUDIT_BINARY"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        // The test runner: on Linux `.build/<config>/zoneauditPackageTests.xctest`
        // (an executable), on macOS a bundle whose products directory is its parent.
        var bundleDirectories: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            bundleDirectories.append(executable.deletingLastPathComponent())
        }
        bundleDirectories.append(Bundle.main.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            bundleDirectories.append(bundle.bundleURL.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for directory in bundleDirectories {
            // Walk a few levels up: the products directory holds both.
            var current = directory
            for _ in 0..<4 {
                candidates.append(current.appendingPathComponent("zoneaudit"))
                current = current.deletingLastPathComponent()
            }
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/zoneaudit"))
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return .success(candidate)
            }
        }
        return .failure(LocateError(searched: candidates.map(\.path)))
    }
}
