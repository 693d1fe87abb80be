import Dispatch
import Synchronization

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
            // Each worker takes the next piece not yet taken: a worker that
            // shares its core with other work (a step run `alongside`) takes
            // fewer, instead of holding up the end with a fixed stripe.
            let next = PieceCounter()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var scratch = makeScratch()
                while case let piece = next.take(), piece < count {
                    slots.store(body(piece, &scratch), at: piece)
                }
            }
        }
        return slots.collect()
    }
}

extension ParallelChunks {
    /// Runs `body(worker)` for each worker in `0..<workers` at once, on as many
    /// threads, and returns when all are done. `body` may capture buffers the
    /// workers share (a sort's elements, a table being keyed): the caller keeps
    /// their writes disjoint, each worker to its own part, which is what makes
    /// handing `body` to other threads sound.
    static func onThreads(_ workers: Int, _ body: (Int) -> Void) {
        guard workers > 1 else {
            if workers == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedWork(body: body)
            DispatchQueue.concurrentPerform(iterations: workers) { shared.body($0) }
        }
    }
}

extension ParallelChunks {
    /// Runs `body(piece)` for every piece in `0..<count` on up to `jobs`
    /// threads (worker w takes pieces w, w + workers, ...) and returns when
    /// all are done. As with `onThreads`, `body` may capture buffers the
    /// pieces share: each piece writes only its own part of them.
    public static func forEach(count: Int, jobs: Int, _ body: (Int) -> Void) {
        let workers = max(1, min(jobs, count))
        onThreads(workers) { worker in
            for piece in stride(from: worker, to: count, by: workers) { body(piece) }
        }
    }

    /// `body(piece)` for every piece in `0..<count`, on up to `jobs` threads
    /// as `forEach` runs them, with the results in piece order. As with
    /// `forEach`, `body` may capture buffers the pieces share and read.
    public static func collect<Result>(count: Int, jobs: Int, _ body: (Int) -> Result) -> [Result] {
        let slots = ResultSlots<Result>(count: count)
        forEach(count: count, jobs: jobs) { piece in slots.store(body(piece), at: piece) }
        return slots.collect()
    }

    /// `0..<count` in consecutive pieces of `size` (the last one shorter).
    public static func pieces(count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }

    /// Where `count` items are cut into parts for `jobs` threads:
    /// `partsPerThread` parts a thread when there are at least `minimum`
    /// items, else one part. A cut that falls on an item which must stay
    /// with the one before it (`keepsWithPrevious`) moves forward past it.
    /// The cuts run from 0 to `count`.
    public static func cuts(count: Int, jobs: Int, partsPerThread: Int, minimum: Int,
                            keepsWithPrevious: (Int) -> Bool = { _ in false }) -> [Int] {
        let parts = jobs > 1 && count >= minimum ? jobs * partsPerThread : 1
        var cuts = [0]
        for part in 1..<parts {
            var position = max(cuts[cuts.count - 1], count * part / parts)
            while position > 0 && position < count && keepsWithPrevious(position) { position += 1 }
            cuts.append(position)
        }
        cuts.append(count)
        return cuts
    }
}

extension ParallelChunks {
    /// `background()` on a thread of its own while `foreground()` runs on the
    /// calling thread (and spreads its own work over threads as it likes):
    /// for a step that needs nothing from a long parallel one and would
    /// otherwise run alone after it. With one job, one after the other.
    public static func alongside<Foreground, Background: Sendable>(
        jobs: Int, _ foreground: () -> Foreground, background: @escaping @Sendable () -> Background
    ) -> (Foreground, Background) {
        guard jobs > 1 else { return (foreground(), background()) }
        let slot = ResultSlots<Background>(count: 1)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.store(background(), at: 0) }
        let first = foreground()
        group.wait()
        return (first, slot.collect()[0])
    }
}

/// Hands out piece numbers 0, 1, 2, ... to whichever thread asks first.
private final class PieceCounter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// The work `onThreads` hands to its threads (see there for why this is sound).
private struct SharedWork: @unchecked Sendable {
    let body: (Int) -> Void
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
