import Testing
@testable import ZoneModel

/// `RecordTable.reorder` keeps the entries at the given distinct indices, in
/// that order: in place above `gatherLimit` (and on one thread), by a copy
/// below it. Both must give what picking the entries out one by one gives.
@Suite struct RecordTableReorderTests {
    static func table(_ count: Int) throws -> RecordTable {
        let origin = try DomainName("example.")
        var table = RecordTable()
        for index in 0..<count {
            table.append(Record(owner: try DomainName("h\(index / 3)", origin: origin), type: .a, ttl: UInt32(index),
                                rdata: [10, UInt8(index >> 16 & 255), UInt8(index >> 8 & 255), UInt8(index & 255)]))
        }
        return table
    }

    @Test("in place and by copy, with and without dropped entries, every entry where it belongs",
          arguments: [0, 1, 2, 7, 64, 65, 1000])
    func reorderMatchesPicking(count: Int) throws {
        var generator = SplitMix64(seed: UInt64(count) &* 7919 &+ 1)
        let original = try Self.table(count)
        for keptShare in [1.0, 0.9, 0.5, 0.0] {
            var indices = Array(0..<UInt32(count))
            indices.shuffle(using: &generator)
            let order = Array(indices.prefix(Int(Double(count) * keptShare)))
            let expected = order.map { original.record(at: Int($0)) }
            for jobs in [1, 2] {
                var table = original
                table.reorder(order, jobs: jobs)
                #expect(table.count == order.count)
                #expect((0..<table.count).map { table.record(at: $0) } == expected, "\(count) entries, \(order.count) kept, \(jobs) jobs")
            }
            var inPlace = original
            inPlace.reorderInPlace(order)
            #expect((0..<inPlace.count).map { inPlace.record(at: $0) } == expected)
        }
    }

    @Test("the identity, a reversal and one long cycle, in place")
    func specialPermutations() throws {
        let original = try Self.table(100)
        let orders: [[UInt32]] = [Array(0..<100), Array((0..<100).reversed()), (0..<100).map { UInt32(($0 + 1) % 100) },
                                  Array(stride(from: 99, through: 0, by: -2))]
        for order in orders {
            var table = original
            table.reorderInPlace(order)
            #expect((0..<table.count).map { table.record(at: $0) } == order.map { original.record(at: Int($0)) })
        }
    }
}
