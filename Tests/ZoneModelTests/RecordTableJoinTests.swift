import Testing
@testable import ZoneModel

/// `RecordTable.append(contentsOf:jobs:)` joins the tables of a parallel
/// parse: the result must hold the same records, in the same order, with
/// the same locations, as appending every record to one table.
@Suite struct RecordTableJoinTests {
    static func records(_ count: Int, file: String, startingAt line: Int) throws -> [Record] {
        let origin = try DomainName("example.")
        return try (0..<count).map { index in
            Record(owner: try DomainName("host\((line + index) / 3)", origin: origin), type: .a, ttl: UInt32(index),
                   rdata: [192, 0, 2, UInt8(index % 256)],
                   location: index % 5 == 4 ? nil : SourceLocation(file: file, line: line + index, column: 1 + index % 7))
        }
    }

    /// The records of `parts` appended to one table, and the tables that
    /// join into it: the first part's table and one table per later part.
    static func tables(_ parts: [[Record]]) -> (expected: RecordTable, head: RecordTable, rest: [RecordTable]) {
        func table(_ records: some Sequence<Record>) -> RecordTable {
            var table = RecordTable()
            for record in records { table.append(record) }
            return table
        }
        return (table(parts.joined()), table(parts[0]), parts.dropFirst().map(table))
    }

    @Test(arguments: [1, 2, 3])
    func joinedTablesEqualOneTable(jobs: Int) throws {
        // The parts name files in another order than the head, and one is empty.
        let parts = [
            try Self.records(40, file: "head.zone", startingAt: 1),
            try Self.records(25, file: "inc.zone", startingAt: 41) + (try Self.records(10, file: "head.zone", startingAt: 66)),
            [],
            try Self.records(33, file: "other.zone", startingAt: 76),
        ]
        var (expected, joined, tables) = Self.tables(parts)
        joined.append(contentsOf: &tables, jobs: jobs)

        #expect(tables.isEmpty)
        #expect(joined.count == expected.count)
        for index in 0..<expected.count {
            let left = joined.record(at: index), right = expected.record(at: index)
            #expect(left == right, "record \(index)")
            #expect(left.location == right.location, "location of record \(index)")
        }
        // Appending after the join goes on from the last owner: a record of
        // that owner adds only its RDATA to the arena.
        var last = joined.record(at: joined.count - 1)
        last.rdata = [198, 51, 100, 1]
        let before = joined.arenaCount
        joined.append(last)
        #expect(joined.arenaCount == before + 4)
    }

    /// Tables whose arenas are over `ByteArena.mappedMinimum`: their pages
    /// are moved into the joined arena, each to a page boundary, and every
    /// entry's offsets must follow.
    @Test(arguments: [1, 2])
    func largeTablesJoinAsOneTable(jobs: Int) throws {
        let origin = try DomainName("example.")
        func records(_ count: Int, from start: Int) throws -> [Record] {
            try (start..<(start + count)).map { index in
                // One 31-octet string: "text N" padded with dots.
                let text = Array("text \(index)".utf8)
                return Record(owner: try DomainName("name\(index / 2).example", origin: origin), type: .txt, ttl: 60,
                              rdata: [31] + text + [UInt8](repeating: 0x2E, count: 31 - text.count),
                              location: SourceLocation(file: "big.zone", line: index + 1, column: 1))
            }
        }
        let parts = [try records(1000, from: 0), try records(40_000, from: 1000), try records(777, from: 41_000),
                     try records(50_000, from: 41_777)]
        var (expected, joined, tables) = Self.tables(parts)
        #expect(tables[0].arenaCount > ByteArena.mappedMinimum && tables[2].arenaCount > ByteArena.mappedMinimum)
        joined.append(contentsOf: &tables, jobs: jobs)

        #expect(joined.count == expected.count)
        var differing: [Int] = []
        for index in 0..<expected.count {
            let left = joined.record(at: index), right = expected.record(at: index)
            if left != right || left.location != right.location { differing.append(index) }
        }
        #expect(differing.isEmpty, "first differing records: \(differing.prefix(5))")
    }

    @Test("lines of one file move down by each table's shift; other files and records without a place stay", arguments: [1, 2])
    func joinShiftsLinesOfOneFile(jobs: Int) throws {
        // Each region numbered its lines from 1; the file's lines before
        // the regions are 40, 40 + 30 and 40 + 30 + 12.
        let regions = [
            try Self.records(30, file: "top.zone", startingAt: 1),
            try Self.records(5, file: "inc.zone", startingAt: 1) + (try Self.records(7, file: "top.zone", startingAt: 6)),
            try Self.records(9, file: "top.zone", startingAt: 1),
        ]
        let shifts: [UInt32] = [40, 70, 82]
        var expected = RecordTable()
        for (region, shift) in zip(regions, shifts) {
            for var record in region {
                record.location = record.location?.shifted(ifIn: "top.zone", by: shift)
                expected.append(record)
            }
        }
        var joined = RecordTable()
        var tables: [RecordTable] = regions.map { records in
            var table = RecordTable()
            for record in records { table.append(record) }
            return table
        }
        joined.append(contentsOf: &tables, shiftingLinesOf: "top.zone", by: shifts, jobs: jobs)

        #expect(joined.count == expected.count)
        for index in 0..<expected.count {
            #expect(joined.record(at: index).location == expected.record(at: index).location, "location of record \(index)")
        }
        #expect(joined.record(at: 0).location?.line == 41)
        #expect(joined.record(at: 30).location == SourceLocation(file: "inc.zone", line: 1, column: 1))
        #expect(joined.record(at: 35).location?.line == 76)
        #expect(joined.record(at: 4).location == nil)
    }

    @Test("a joined table knows that one of its parts stored a wildcard owner")
    func joinKeepsTheWildcardNote() throws {
        let origin = try DomainName("example.")
        func table(_ owners: [String]) throws -> RecordTable {
            var table = RecordTable()
            for owner in owners {
                table.append(Record(owner: try DomainName(owner, origin: origin), type: .a, ttl: 1, rdata: [192, 0, 2, 42]))
            }
            return table
        }
        var head = try table(["a", "b"])
        #expect(!head.mayHaveWildcardOwner)
        var plain = [try table(["c"]), try table(["d*", "e"])]
        head.append(contentsOf: &plain, jobs: 2)
        #expect(!head.mayHaveWildcardOwner)
        var wild = [try table(["f"]), try table(["g", "x.*.h"])]
        head.append(contentsOf: &wild, jobs: 2)
        #expect(head.mayHaveWildcardOwner)
    }
}
