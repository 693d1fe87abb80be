#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file helpers: bounded reads and atomic writes (temporary file in
/// the same directory, fsync, then rename, or link when an existing file
/// must not be replaced, then fsync of the directory).
enum BaselineFile {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Reads a whole file of at most `limit` octets.
    static func read(_ path: String, limit: Int) throws(BaselineError) -> [UInt8] {
        guard let file = fopen(path, "r") else { throw .cannotRead(path: path, reason: lastError()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 { throw .cannotRead(path: path, reason: lastError()) }
                break
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(path: path, limit: limit) }
        }
        return bytes
    }

    /// Writes `contents` to `path` atomically. With `replace` false an
    /// existing file is left alone and `.cannotWrite` reports EEXIST.
    static func write(_ contents: [UInt8], to path: String, replace: Bool, mode: mode_t = 0o644) throws(BaselineError) {
        let temporary = "\(path).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: lastError()) }
        var failure: String?
        let written = contents.withUnsafeBytes { writeAll(descriptor, $0) }
        if !written || fsync(descriptor) != 0 { failure = lastError() }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
        if replace {
            guard rename(temporary, path) == 0 else {
                let reason = lastError()
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        } else {
            guard link(temporary, path) == 0 else {
                let reason = lastError()
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
            unlink(temporary)
        }
        syncDirectory(of: path)
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        guard var start = buffer.baseAddress else { return true }
        var remaining = buffer.count
        while remaining > 0 {
            #if canImport(Glibc)
            let count = Glibc.write(descriptor, start, remaining)
            #else
            let count = Darwin.write(descriptor, start, remaining)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            start += count
            remaining -= count
        }
        return true
    }

    private static func syncDirectory(of path: String) {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
