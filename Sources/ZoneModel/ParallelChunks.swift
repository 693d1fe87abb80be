import Dispatch

/// Runs `count` independent pieces of work on `jobs` threads and returns their
/// results in piece order. Which thread ran which piece never shows in the
/// result, so output does not depend on `jobs`. (The signature checks and the
/// semantic checks' name pass both split their work this way.)
public enum ParallelChunks {
    /// `body(piece, &scratch)`: `scratch` is one value per thread, reused
    /// across the pieces that thread runs (buffers that would otherwise be
    /// allocated per piece).
    public static func map<Result: Sendable, Scratch>(
        count: Int, jobs: Int, makeScratch: @Sendable () -> Scratch,
        _ body: @Sendable (Int, inout Scratch) -> Result
    ) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        let slots = ResultSlots<Result>(count: count)
        if workers == 1 {
            var scratch = makeScratch()
            for piece in 0..<count { slots.store(body(piece, &scratch), at: piece) }
        } else {
            // Worker w takes pieces w, w + workers, ...: no shared counter to
            // lock, and pieces are small enough that the stripes balance.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var scratch = makeScratch()
                for piece in stride(from: worker, to: count, by: workers) {
                    slots.store(body(piece, &scratch), at: piece)
                }
            }
        }
        return slots.collect()
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
