import Foundation

/// Runs the ldns command-line tools the tests sign and cross-check with.
enum ToolRunner {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        /// True when the guard had to stop the tool.
        let timedOut: Bool
    }

    struct ToolError: Error, CustomStringConvertible {
        let command: String
        let output: Output
        var description: String { "\(command) exited \(output.status): \(output.stderr)\(output.stdout)" }
    }

    static func path(of tool: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/usr/sbin"] {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func available(_ tools: String...) -> Bool { tools.allSatisfy { path(of: $0) != nil } }

    /// Runs `tool` with `arguments` in `directory`; the guard stops it after
    /// `limit` seconds (only so a hanging tool cannot hang the test run).
    static func run(_ tool: String, _ arguments: [String], in directory: URL? = nil, limit: TimeInterval = 120) throws -> Output {
        guard let executable = path(of: tool) else { throw ToolError(command: tool, output: Output(status: -1, stdout: "", stderr: "not installed", timedOut: false)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // Drain the pipes while the tool runs so a chatty tool cannot block.
        let stdoutData = DataCollector(out.fileHandleForReading)
        let stderrData = DataCollector(err.fileHandleForReading)
        var timedOut = false
        if finished.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        return Output(status: process.terminationStatus, stdout: stdoutData.text(), stderr: stderrData.text(), timedOut: timedOut)
    }

    @discardableResult
    static func check(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> Output {
        let output = try run(tool, arguments, in: directory)
        guard output.status == 0 else { throw ToolError(command: ([tool] + arguments).joined(separator: " "), output: output) }
        return output
    }
}

/// Reads a pipe to its end on a background thread.
private final class DataCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
