#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the whole
/// new one: a temporary file beside the target, fsync, rename, and an fsync
/// of the directory so the rename itself survives a crash. (Internal:
/// Transfer sits below ZoneAuditKit, whose own writer the other outputs use.)
enum AtomicFileWriter {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(ZoneDumpError) {
        func failure(_ what: String) -> ZoneDumpError {
            ZoneDumpError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        let directory: String
        let base: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
            base = String(path[path.index(after: slash)...])
        } else {
            directory = "."
            base = path
        }
        guard !base.isEmpty else { throw ZoneDumpError(path: path, reason: "not a file name") }
        var template = Array("\(directory)/.\(base).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(directory)") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw failure("chmod") }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("write")
                }
                offset += written
            }
            guard fsync(descriptor) == 0 else { throw failure("fsync") }
        }
        guard rename(temporary, path) == 0 else { throw failure("rename") }
        renamed = true
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            // Best effort: some file systems refuse fsync on directories.
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, bytes, count)
}
