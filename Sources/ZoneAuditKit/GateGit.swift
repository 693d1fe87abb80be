import Foundation

/// The few git operations the gate needs, run as `/usr/bin/git` (no shell:
/// revisions and paths are arguments, never command text).
///
/// The environment's `GIT_*` variables are dropped: a hook or a CI runner
/// that sets `GIT_DIR` or `GIT_INDEX_FILE` must not redirect the gate to
/// another repository or index.
public struct GitRepository: Sendable {
    /// The work tree's top directory.
    public let top: String
    let executable: String

    /// The repository that holds `directory`.
    public init(containing directory: String, executable: String = GitRepository.defaultExecutable) throws(JobError) {
        self.executable = executable
        let output = try GitRepository.run(executable, ["-C", directory, "rev-parse", "--show-toplevel"], what: "find the git repository of \(directory)")
        let top = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !top.isEmpty else { throw JobError("\(directory) is not inside a git work tree") }
        self.top = top
    }

    public static var defaultExecutable: String {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/git") ? "/usr/bin/git" : "/usr/local/bin/git"
    }

    /// The commit a revision names (full hash), or a `JobError` naming the option.
    public func commit(_ revision: String, option: String) throws(JobError) -> String {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw JobError("bad \(option) '\(revision)': not a revision")
        }
        guard let hash = try? git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], what: "resolve"),
              !hash.isEmpty else {
            throw JobError("bad \(option) '\(revision)': no such commit in \(top)")
        }
        return String(decoding: hash, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The default branch: `origin/HEAD`'s target, else `main`, else
    /// `master` (local, then on origin); nil when none exists.
    public func defaultBranch() -> String? {
        if let target = try? git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"], what: "read origin/HEAD") {
            let ref = String(decoding: target, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !ref.isEmpty, exists(ref) { return ref }
        }
        for candidate in ["refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master"]
        where exists(candidate) {
            return candidate
        }
        return nil
    }

    /// The best common ancestor of two commits.
    public func mergeBase(_ lhs: String, _ rhs: String) throws(JobError) -> String {
        let output = try git(["merge-base", lhs, rhs], what: "find the merge base of \(lhs) and \(rhs)")
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Repository-relative paths that differ between two commits (renames
    /// count as a deletion and an addition, so both paths are listed).
    public func changedFiles(from base: String, to head: String) throws(JobError) -> Set<String> {
        let output = try git(["diff", "--name-only", "--no-renames", "-z", base, head, "--"], what: "list the changed files")
        return Set(output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
    }

    /// Runs git in the work tree; standard output, or a `JobError` with git's message.
    func git(_ arguments: [String], what: String, input: String? = nil) throws(JobError) -> Data {
        try GitRepository.run(executable, ["-C", top] + arguments, what: what, input: input)
    }

    private func exists(_ ref: String) -> Bool {
        (try? git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], what: "resolve")) != nil
    }

    /// Standard input from a file (never a pipe we also read from), standard
    /// error into a file: no pipe can fill up and stall the child.
    static func run(_ executable: String, _ arguments: [String], what: String, input: String? = nil) throws(JobError) -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-git-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw JobError("cannot \(what): cannot create a temporary directory: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errorURL = scratch.appendingPathComponent("stderr")
        let inputURL = scratch.appendingPathComponent("stdin")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inputURL.path, contents: Data((input ?? "").utf8))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        do {
            let errorHandle = try FileHandle(forWritingTo: errorURL)
            defer { try? errorHandle.close() }
            let inputHandle = try FileHandle(forReadingFrom: inputURL)
            defer { try? inputHandle.close() }
            process.standardInput = inputHandle
            process.standardOutput = output
            process.standardError = errorHandle
            try process.run()
        } catch {
            throw JobError("cannot \(what): cannot run \(executable): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = ((try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw JobError("cannot \(what): git \(arguments.dropFirst(2).joined(separator: " ")) failed"
                           + (message.isEmpty ? " (exit \(process.terminationStatus))" : ": \(message)"))
        }
        return data
    }
}
