import Testing
@testable import ZoneModel

/// The allocation-free sort the zone builder uses for owner runs must sort
/// like the standard library for any input shape, including the ones that
/// make a naive quicksort quadratic or that exercise the heapsort fallback.
@Suite struct InPlaceSortTests {
    static func sorted(_ values: [Int]) -> [Int] {
        var copy = values
        copy.withUnsafeMutableBufferPointer { InPlaceSort.sort($0, by: <) }
        return copy
    }

    @Test func sortsEveryShape() {
        var generator = SystemRandomNumberGenerator()
        var inputs: [[Int]] = [[], [1], [2, 1], Array(0..<1000), Array((0..<1000).reversed()),
                               Array(repeating: 7, count: 500),
                               (0..<1000).map { $0 % 2 == 0 ? $0 : 1000 - $0 },
                               (0..<1000).map { $0 < 500 ? $0 : 1000 - $0 }]
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
