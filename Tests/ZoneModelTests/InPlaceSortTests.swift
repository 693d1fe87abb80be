import Dispatch
import Testing
@testable import ZoneModel

/// The allocation-free sort the zone builder uses for owner runs must sort
/// like the standard library for any input shape, including the ones that
/// make a naive quicksort quadratic or that exercise the heapsort fallback.
/// Ascending order of comparable values, as the sort takes an order.
struct Ascending<Value: Comparable>: InPlaceSort.Order {
    func less(_ left: Value, _ right: Value) -> Bool { left < right }
}

@Suite struct InPlaceSortTests {
    static func sorted(_ values: [Int]) -> [Int] {
        var copy = values
        copy.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, order: Ascending()) }
        return copy
    }

    @Test func sortsEveryShape() {
        var generator = SystemRandomNumberGenerator()
        var inputs: [[Int]] = [[], [1], [2, 1], Array(0..<1000), Array((0..<1000).reversed()),
                               Array(repeating: 7, count: 500),
                               (0..<1000).map { $0 % 2 == 0 ? $0 : 1000 - $0 },
                               (0..<1000).map { $0 < 500 ? $0 : 1000 - $0 }]
        // Names numbered in file order, ranked as text (`host10` before
        // `host9`): the owner keys of a generated zone, which the ninther
        // pivot is for.
        let numbered = (1...20_000).map { String($0) }
        let rank = Dictionary(uniqueKeysWithValues: numbered.sorted().enumerated().map { ($1, $0) })
        inputs.append(numbered.map { rank[$0]! })
        for size in [3, 17, 33, 100, 5000] {
            inputs.append((0..<size).map { _ in Int.random(in: 0..<10, using: &generator) })
            inputs.append((0..<size).map { _ in Int.random(in: 0..<1_000_000, using: &generator) })
        }
        for input in inputs {
            #expect(InPlaceSortTests.sorted(input) == input.sorted(), "\(input.count) elements")
        }
    }

    @Test func heapsortFallbackSorts() {
        // Median-of-three killer shapes push the depth limit; the result must still be sorted.
        let size = 4096
        var input = [Int](repeating: 0, count: size)
        for index in 0..<size { input[index] = index % 2 == 0 ? index / 2 : size / 2 + index / 2 }
        #expect(InPlaceSortTests.sorted(input) == input.sorted())
        let sawtooth = (0..<size).map { $0 % 64 }
        #expect(InPlaceSortTests.sorted(sawtooth) == sawtooth.sorted())
    }
}

/// The parallel sort cuts the elements into parts around sampled medians and
/// sorts the parts on several threads: the result must be the one sorted
/// order for any number of threads, and the cuts must keep every element of
/// a part before every element of the next.
@Suite struct ParallelInPlaceSortTests {
    static func sorted(_ values: [Int], jobs: Int) -> [Int] {
        var copy = values
        copy.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, jobs: jobs, minimum: 64, order: Ascending()) }
        return copy
    }

    @Test(arguments: [2, 3, 4, 8])
    func sortsEveryShapeOnThreads(jobs: Int) {
        var generator = SystemRandomNumberGenerator()
        var inputs: [[Int]] = [[], [1], Array(0..<63), Array(0..<5000), Array((0..<5000).reversed()),
                               Array(repeating: 7, count: 3000),
                               (0..<5000).map { $0 % 2 == 0 ? $0 : 5000 - $0 },
                               (0..<4096).map { $0 % 64 }]
        for size in [64, 65, 200, 10_000] {
            inputs.append((0..<size).map { _ in Int.random(in: 0..<10, using: &generator) })
            inputs.append(Array(0..<size).shuffled(using: &generator))
        }
        for input in inputs {
            #expect(Self.sorted(input, jobs: jobs) == input.sorted(), "\(input.count) elements on \(jobs) threads")
        }
    }

    @Test func partitionPutsTheSmallerElementsFirst() {
        var generator = SystemRandomNumberGenerator()
        let input = Array(0..<1000).shuffled(using: &generator)
        var copy = input
        let cut = copy.withUnsafeMutableBufferPointer { InPlaceSort.partition($0, 100..<900, Ascending()) }
        #expect(cut > 100 + 14 && cut < 900 - 15, "both sides keep at least 15 of the 31 samples' worth")
        #expect(copy[..<100] == input[..<100] && copy[900...] == input[900...], "outside the range nothing moves")
        #expect(copy[100..<cut].max()! < copy[cut..<900].min()!)
        #expect(copy[100..<900].sorted() == input[100..<900].sorted())
    }
}

@Suite struct ParallelChunksAlongsideTests {
    @Test(arguments: [1, 2, 4])
    func alongsideReturnsBothResults(jobs: Int) {
        let (foreground, background) = ParallelChunks.alongside(jobs: jobs, { (0..<1000).reduce(0, +) }, background: { "background" })
        #expect(foreground == 499_500)
        #expect(background == "background")
    }

    /// With more than one job the background step really runs beside the
    /// foreground: here the foreground can only finish once the background
    /// has started (run one after the other, it would wait in vain).
    @Test func backgroundRunsWhileTheForegroundDoes() {
        let started = DispatchSemaphore(value: 0)
        let (foreground, background) = ParallelChunks.alongside(jobs: 2, {
            started.wait(timeout: .now() + 10) == .success
        }, background: {
            started.signal()
            return "background"
        })
        #expect(foreground)
        #expect(background == "background")
    }
}
