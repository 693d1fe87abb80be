import Testing
@testable import ZoneModel

/// `ByteArena` holds a record table's bytes: it must keep every byte as it
/// grows from the heap into mapped pages, keep copies apart as an array
/// does, and, joining arenas, put each one's bytes where it says, moving
/// the pages of large ones rather than copying them.
@Suite struct ByteArenaTests {
    /// `count` bytes that differ from one arena to the next.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    }

    static func arena(_ bytes: [UInt8]) -> ByteArena {
        var arena = ByteArena()
        // In pieces of varying size, as a parse appends names and RDATA.
        var start = 0, piece = 1
        while start < bytes.count {
            let end = min(bytes.count, start + piece)
            bytes[start..<end].withUnsafeBufferPointer { arena.append(contentsOf: $0) }
            start = end
            piece = piece % 977 + 13
        }
        return arena
    }

    @Test func growingFromTheHeapIntoMappedPagesKeepsEveryByte() {
        let expected = Self.bytes(3 * ByteArena.mappedMinimum + 12_345, seed: 1)
        let arena = Self.arena(expected)
        #expect(arena.count == expected.count)
        #expect(arena.owner.isMapped)
        #expect(arena.bytes(0..<arena.count) == expected)
        #expect(arena[expected.count - 1] == expected[expected.count - 1])
    }

    @Test func copiesStayApartWhenOneChanges() {
        for size in [100, 2 * ByteArena.mappedMinimum] {
            let first = Self.bytes(size, seed: 2)
            let original = Self.arena(first)
            var copy = original
            let more = Self.bytes(5000, seed: 3)
            more.withUnsafeBufferPointer { copy.append(contentsOf: $0) }
            #expect(original.count == size)
            #expect(original.bytes(0..<size) == first)
            #expect(copy.bytes(0..<copy.count) == first + more)
        }
    }

    @Test func reservingKeepsTheBytesAndMakesRoom() {
        let first = Self.bytes(700, seed: 4)
        var arena = Self.arena(first)
        arena.reserveCapacity(5 * ByteArena.mappedMinimum)
        #expect(arena.capacity >= 5 * ByteArena.mappedMinimum)
        #expect(arena.owner.isMapped)
        #expect(arena.bytes(0..<arena.count) == first)
    }

    /// A head, then a small (heap) arena, two large ones, an empty one, and
    /// a large one that another value still shares (it must be copied, and
    /// the sharer keep its bytes).
    @Test func joiningPutsEachArenasBytesWhereItSays() throws {
        let head = Self.bytes(1234, seed: 10)
        let parts = [
            Self.bytes(100, seed: 11),
            Self.bytes(ByteArena.mappedMinimum + 4321, seed: 12),
            Self.bytes(2 * ByteArena.mappedMinimum + 7, seed: 13),
            [],
            Self.bytes(ByteArena.mappedMinimum + 99, seed: 14),
        ]
        var joined = Self.arena(head)
        var others = parts.map(Self.arena)
        let sharer = others[4]
        // A byte past each large arena's end, on its last page: it shows up
        // in the joined arena only if that page was moved, not copied.
        let page = ByteArena.pageSize
        var markers: [Int: UInt8] = [:]
        for index in [1] where others[index].count % page != 0 {
            let marker = UInt8(0xA0 + index)
            others[index].base.unsafelyUnwrapped[others[index].count] = marker
            markers[index] = marker
        }
        let bases = joined.append(movingFrom: &others)

        #expect(bases.count == parts.count)
        #expect(others.allSatisfy { $0.count == 0 })
        #expect(joined.bytes(0..<head.count) == head)
        for (index, part) in parts.enumerated() {
            #expect(joined.bytes(bases[index]..<(bases[index] + part.count)) == part, "arena \(index)")
            if index > 0 { #expect(bases[index] >= bases[index - 1] + parts[index - 1].count, "arena \(index) overlaps") }
        }
        #expect(joined.count == bases[4] + parts[4].count)
        #expect(bases[0] == head.count)
        #expect(bases[4] == bases[3], "the shared arena is copied, not page-aligned")
        #expect(sharer.bytes(0..<sharer.count) == parts[4])
        if ByteArena.movesPages {
            for index in [1, 2] {
                #expect(bases[index] % page == 0, "arena \(index) moved to a page boundary")
                if let marker = markers[index] {
                    #expect(joined.base.unsafelyUnwrapped[bases[index] + parts[index].count] == marker,
                            "arena \(index)'s last page moved")
                }
            }
        }
        // The joined arena grows on as any other.
        let tail = Self.bytes(3 * ByteArena.mappedMinimum, seed: 15)
        tail.withUnsafeBufferPointer { joined.append(contentsOf: $0) }
        #expect(joined.bytes((joined.count - tail.count)..<joined.count) == tail)
        #expect(joined.bytes(bases[2]..<(bases[2] + parts[2].count)) == parts[2])
    }
}
