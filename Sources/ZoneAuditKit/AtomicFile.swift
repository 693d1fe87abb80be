#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees either the old content or the new,
/// never a half-written file: write a temporary file beside the target,
/// fsync it, rename it over the target, fsync the directory.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Replaces (or creates) `path` with `bytes`. With `overwrite: false`, an
    /// existing file is an error and is left untouched.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o644, overwrite: Bool = true) throws(WriteError) {
        // A device, FIFO or socket (`/dev/null`, `/dev/stdout`, a pipe) is
        // written in place: renaming over it would replace the node itself.
        var existing = stat()
        if stat(path, &existing) == 0, existing.st_mode & S_IFMT != S_IFREG, existing.st_mode & S_IFMT != S_IFDIR {
            guard overwrite else { throw WriteError(path: path, reason: "file exists (use --force to replace it)") }
            try writeInPlace(Array(bytes), to: path)
            return
        }
        let directory = parentDirectory(of: path)
        var template = Array("\(directory)/.\(baseName(of: path)).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var committed = false
        defer {
            if !committed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw WriteError(path: path, reason: errnoText()) }
            try writeAll(Array(bytes), to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw WriteError(path: path, reason: errnoText()) }
        }
        if overwrite {
            guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: errnoText()) }
        } else {
            // link(2) fails with EEXIST instead of replacing: no race with a
            // concurrent writer of the same path.
            guard link(temporary, path) == 0 else {
                let reason = errno == EEXIST ? "file exists (use --force to replace it)" : errnoText()
                throw WriteError(path: path, reason: reason)
            }
            unlink(temporary)
        }
        committed = true
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    public static func write(_ text: String, to path: String, mode: mode_t = 0o644, overwrite: Bool = true) throws(WriteError) {
        try write(Array(text.utf8), to: path, mode: mode, overwrite: overwrite)
    }

    private static func writeInPlace(_ data: [UInt8], to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        defer { close(descriptor) }
        try writeAll(data, to: descriptor, path: path)
    }

    /// Writes every octet, retrying short writes and EINTR.
    private static func writeAll(_ data: [UInt8], to descriptor: Int32, path: String) throws(WriteError) {
        var written = 0
        while written < data.count {
            let result = data.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, data.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: errnoText())
            }
            written += result
        }
    }

    static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = path[..<slash]
        return directory.isEmpty ? "/" : String(directory)
    }

    static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
