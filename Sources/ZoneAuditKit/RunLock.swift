#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a file beside the history database, so that a cron
/// run that overlaps the previous one stops at once instead of interleaving
/// with it. The kernel drops the lock when the process ends, however it ends,
/// so a killed run never leaves a stale lock behind.
final class RunLock {
    let path: String
    private let descriptor: Int32

    /// Takes the lock or fails at once, naming the process that holds it.
    init(path: String) throws(JobError) {
        self.path = path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw JobError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK
                ? "another zoneaudit run holds it\(RunLock.holder(descriptor))"
                : String(cString: strerror(errno))
            close(descriptor)
            throw JobError("cannot take the lock \(path): \(reason)")
        }
        self.descriptor = descriptor
        // The holder's pid, for the message a second run prints.
        _ = ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "" }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || !text.allSatisfy(\.isNumber) ? "" : " (pid \(text))"
    }
}
