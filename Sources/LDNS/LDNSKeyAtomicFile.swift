#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes key files: written to a temporary file in the target
/// directory, synced, then linked into place, so a reader sees the whole
/// file or none, and an existing file is never replaced (`link` fails with
/// EEXIST where `rename` would overwrite).
enum LDNSAtomicFile {
    static func publish(path: String, mode: mode_t, contents: (Int32) -> Bool) throws(LDNSKeyFileError) {
        if access(path, F_OK) == 0 { throw .alreadyExists(path: path) }
        let temporary = "\(path).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: systemError()) }
        var failure: String?
        if fchmod(descriptor, mode) != 0 || !contents(descriptor) || fsync(descriptor) != 0 {
            failure = systemError()
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
        guard link(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            if code == EEXIST { throw .alreadyExists(path: path) }
            throw .cannotWrite(path: path, reason: String(cString: strerror(code)))
        }
        unlink(temporary)
        syncDirectory(of: path)
    }

    static func writeAll(_ descriptor: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let written = write(descriptor, start + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Makes the new directory entry durable.
    static func syncDirectory(of path: String) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
