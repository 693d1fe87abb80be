#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether an `$INCLUDE` may be read, before anything is opened:
/// the path is resolved (symbolic links and `..` included) and must lie in
/// the include root; it must not already be open (a loop); the nesting
/// depth is bounded.
struct IncludePolicy {
    enum Refusal: Error, Equatable {
        case outsideRoot(resolved: String, root: String)
        case loop(resolved: String)
        case tooDeep(limit: Int)
        case notFound(path: String, reason: String)
        case noRoot

        var rule: String {
            switch self {
            case .outsideRoot, .noRoot: "syntax.include-outside-root"
            case .loop: "syntax.include-loop"
            case .tooDeep: "syntax.include-too-deep"
            case .notFound: "syntax.include-unreadable"
            }
        }
    }

    /// The real path of the directory includes are confined to; nil when no
    /// include may be read.
    let root: String?
    let maxDepth: Int

    init(root: String?, maxDepth: Int) {
        self.root = root.flatMap(FilePath.realPath)
        self.maxDepth = maxDepth
    }

    /// Resolves `path` (already joined with its base directory) and checks it.
    /// `depth` is the nesting level the file would have (the top file has 0);
    /// `open` holds the real paths of the files being read, outermost first.
    func check(_ path: String, depth: Int, open: [String]) -> Result<String, Refusal> {
        guard let root else { return .failure(.noRoot) }
        if depth > maxDepth { return .failure(.tooDeep(limit: maxDepth)) }
        guard let resolved = FilePath.realPath(path) else {
            let reason = FilePath.lastErrorDescription()
            // A missing file is reported as outside when its lexical form is,
            // so the message never depends on what exists outside the root.
            let lexical = FilePath.absolute(path)
            if !FilePath.isInside(lexical, root: root) {
                return .failure(.outsideRoot(resolved: lexical, root: root))
            }
            return .failure(.notFound(path: path, reason: reason))
        }
        guard FilePath.isInside(resolved, root: root) else {
            return .failure(.outsideRoot(resolved: resolved, root: root))
        }
        if open.contains(resolved) { return .failure(.loop(resolved: resolved)) }
        return .success(resolved)
    }
}

/// Path helpers over the C library (no Foundation in the parser).
enum FilePath {
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func lastErrorDescription() -> String {
        let code = errno
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    /// The directory part of `path` (`.` when there is none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// Removes `.` and `..` components without touching the file system.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root + "/")
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Makes `path` absolute against the working directory (lexically).
    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? normalize(path) : normalize(join(currentDirectory(), path))
    }
}
