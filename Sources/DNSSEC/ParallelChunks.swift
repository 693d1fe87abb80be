import Dispatch
import Foundation

/// Runs `count` independent pieces of work on `jobs` threads and returns their
/// results in piece order. Which thread ran which piece never shows in the
/// result, so output does not depend on `jobs`.
enum ParallelChunks {
    /// `body(piece, &scratch)`: `scratch` is one value per thread, reused
    /// across the pieces that thread runs (buffers that would otherwise be
    /// allocated per piece).
    static func map<Result: Sendable, Scratch>(
        count: Int, jobs: Int, makeScratch: @Sendable () -> Scratch,
        _ body: @Sendable (Int, inout Scratch) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        let slots = ResultSlots<Result>(count: count)
        let next = PieceCounter()
        if workers == 1 {
            var scratch = makeScratch()
            for piece in 0..<count { slots.store(body(piece, &scratch), at: piece) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var scratch = makeScratch()
                while let piece = next.take(below: count) {
                    slots.store(body(piece, &scratch), at: piece)
                }
            }
        }
        return slots.collect()
    }
}

/// Hands out piece numbers 0, 1, 2, ... to whichever thread asks first.
private final class PieceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

/// One slot per piece. Each slot is written by exactly one thread (the one
/// that took the piece) and read only after all threads have finished, which
/// is what makes the unchecked Sendable conformance sound.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Result, at index: Int) { storage[index] = value }

    func collect() -> [Result] {
        (0..<count).map { index in
            guard let value = storage[index] else { preconditionFailure("piece \(index) produced no result") }
            return value
        }
    }
}
