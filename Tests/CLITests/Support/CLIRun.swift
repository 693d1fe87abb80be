import Foundation
import Testing

/// What one run of the built `zoneaudit` did.
struct CLIResult: CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    let stdout: String
    let stderr: String

    /// The last non-empty line of standard output (the summary line).
    var lastLine: String? {
        stdout.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init)
    }

    var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Standard output as a JSON object (for --format json and sarif).
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(stdout.prefix(200))")
    }

    var description: String {
        "zoneaudit \(arguments.joined(separator: " ")) -> exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

/// Runs the built binary in a directory, stdin at end of file, stdout and
/// stderr captured through files (no pipe can fill up and block it).
enum CLI {
    /// A run that has not ended by then is killed, so a hang fails the test
    /// instead of blocking the suite (not a timing assertion).
    static let hangLimit: TimeInterval = 60

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> CLIResult {
        let binary = try ZoneauditBinary.location.get()
        let captures = FileManager.default.temporaryDirectory
            .appendingPathComponent("zoneaudit-cli-capture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: captures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: captures) }
        let outURL = captures.appendingPathComponent("stdout")
        let errURL = captures.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        try process.run()
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { process.terminate() }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + hangLimit, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .exit, "zoneaudit \(arguments) did not exit normally (killed after \(hangLimit) s?)")
        return CLIResult(
            arguments: arguments, status: process.terminationStatus,
            stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }
}
