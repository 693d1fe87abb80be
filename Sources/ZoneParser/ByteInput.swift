#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why input could not be read.
enum InputError: Error, Equatable {
    case cannotOpen(errno: Int32)
    case notRegularFile
    case tooLarge(limit: Int)
    case readFailed(errno: Int32)

    var message: String {
        switch self {
        case .cannotOpen(let code): "cannot open: \(InputError.describe(code))"
        case .notRegularFile: "not a regular file"
        case .tooLarge(let limit): "larger than the \(limit)-byte limit (maxFileBytes)"
        case .readFailed(let code): "read failed: \(InputError.describe(code))"
        }
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// Bytes delivered in fixed-size chunks from a file or from memory, so a
/// file of any size is read with one buffer and never held whole.
final class ByteInput {
    private enum Source {
        case file(Int32)
        /// Part of a file whose descriptor another input owns: the next
        /// offset to read and the end (exclusive).
        case fileRegion(Int32, next: Int, end: Int)
        case memory([UInt8], offset: Int)
    }

    private var source: Source
    /// The size of a regular file when it was opened; nil for memory input.
    let fileSize: Int?
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Valid bytes in `buffer` after the last `refill()`.
    @exclusivity(unchecked) private(set) var count = 0
    /// Bytes delivered before the current chunk.
    @exclusivity(unchecked) private(set) var consumedBefore = 0
    private let limit: Int
    private(set) var error: InputError?

    /// The default chunk: large enough that `read(2)` calls are rare, small
    /// enough that the bytes a read copies in are still in the core's cache
    /// when the lexer reaches them, and that the regions of a parallel
    /// parse (a buffer each) fault in little memory. 1 MiB chunks cost the
    /// 1M-record zone's check 1,300 more page faults and about 5% more time.
    static let defaultChunkSize = 256 << 10

    /// Opens a regular file for reading; fails before reading anything when
    /// the file is not a regular file or is larger than `limit`.
    init(path: String, limit: Int, chunkSize: Int = ByteInput.defaultChunkSize) throws(InputError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(errno: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .cannotOpen(errno: code)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .notRegularFile
        }
        guard Int(status.st_size) <= limit else {
            close(descriptor)
            throw .tooLarge(limit: limit)
        }
        source = .file(descriptor)
        fileSize = Int(status.st_size)
        capacity = max(1, chunkSize)
        buffer = .allocate(capacity: capacity)
        self.limit = limit
    }

    /// Reads the bytes `range` of the file open as `descriptor` (a region
    /// of a parallel parse), with `pread`, so regions on several threads
    /// share one descriptor: every region reads the same file, even if the
    /// path is renamed over meanwhile. The descriptor is not closed here.
    /// `fileSize` is the region's length, so estimates made from a sample
    /// scale to the region.
    init(descriptor: Int32, range: Range<Int>, limit: Int, chunkSize: Int = ByteInput.defaultChunkSize) {
        source = .fileRegion(descriptor, next: range.lowerBound, end: range.upperBound)
        fileSize = range.count
        capacity = max(1, min(chunkSize, range.count))
        buffer = .allocate(capacity: capacity)
        self.limit = limit
    }

    /// The descriptor of a whole-file input (regions of it read through it).
    var fileDescriptor: Int32? {
        if case .file(let descriptor) = source { return descriptor }
        return nil
    }

    /// Serves bytes held in memory; `chunkSize` lets tests put chunk
    /// boundaries anywhere.
    init(bytes: [UInt8], limit: Int, chunkSize: Int = ByteInput.defaultChunkSize) throws(InputError) {
        guard bytes.count <= limit else { throw .tooLarge(limit: limit) }
        source = .memory(bytes, offset: 0)
        fileSize = nil
        capacity = max(1, chunkSize)
        buffer = .allocate(capacity: capacity)
        self.limit = limit
    }

    deinit {
        switch source {
        case .file(let descriptor): close(descriptor)
        case .fileRegion, .memory: break
        }
        buffer.deallocate()
    }

    /// The byte count a read call returned, called again when a signal
    /// interrupted it; nil (and `error` set) when it failed.
    private func retryingInterrupts(_ call: () -> Int) -> Int? {
        let got = ZoneParser.retryingInterrupts(call)
        guard got >= 0 else {
            error = .readFailed(errno: errno)
            return nil
        }
        return got
    }

    /// Replaces the buffer's content with the next chunk. Returns false at the
    /// end of the input or on an error (then `error` says which).
    func refill() -> Bool {
        consumedBefore += count
        count = 0
        guard error == nil else { return false }
        switch source {
        case .file(let descriptor):
            guard let got = retryingInterrupts({ read(descriptor, buffer, capacity) }) else { return false }
            count = got
        case .fileRegion(let descriptor, let next, let end):
            let want = min(capacity, end - next)
            if want > 0 {
                guard let got = retryingInterrupts({ pread(descriptor, buffer, want, off_t(next)) }) else { return false }
                count = got
            }
            source = .fileRegion(descriptor, next: next + count, end: end)
        case .memory(let bytes, let offset):
            let take = min(capacity, bytes.count - offset)
            if take > 0 {
                bytes.withUnsafeBufferPointer { all in
                    buffer.update(from: all.baseAddress! + offset, count: take)
                }
            }
            count = take
            source = .memory(bytes, offset: offset + take)
        }
        // A file that grows while it is read must not get past the limit.
        if consumedBefore + count > limit {
            error = .tooLarge(limit: limit)
            count = 0
            return false
        }
        return count > 0
    }
}

/// What a read call (`read`, `pread`) returned, called again for as long as
/// a signal interrupts it: a byte count, or -1 with `errno` set.
func retryingInterrupts(_ call: () -> Int) -> Int {
    while true {
        let got = call()
        if got >= 0 || errno != EINTR { return got }
    }
}
