#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts a record table's entries into RFC 4034 canonical order: owner, then
/// type, then RDATA in canonical form, then the order they were read.
///
/// The parser stores each run of records with one owner under one owner
/// offset, so the owners are sorted as runs, not record by record. A run
/// carries the first sixteen octets of its owner's sort key (its labels right
/// to left, lower-cased, with octets 0x00 and 0x01 escaped and 0x00 ending
/// each label, so that comparing keys gives canonical order), minus the
/// origin's labels that every key would share: that settles most
/// comparisons, and the rare tie compares the owners themselves in the arena.
/// No key is stored whole: the sort's memory is the runs alone, at the peak
/// of a zone's load. The records of one owner are then sorted by type and
/// RDATA, usually a handful.
struct CanonicalSort {
    let table: RecordTable
    let origin: DomainName
    /// The zone's class: entries of another class are left out.
    let rrClass: UInt16
    /// Threads the owner runs are keyed and sorted on (the order never depends on it).
    var jobs: Int = 1

    /// Twenty octets (four-octet fields, so no padding): a million-record
    /// zone has about as many runs. Sixteen key octets, not twelve: glue
    /// names (`ns1.child123`, below a delegation point of eleven octets or
    /// so) then rarely tie, and a tie costs a comparison of the whole names.
    private struct OwnerRun {
        private var prefixHigh: UInt32
        private var prefixLow: UInt32
        private var tailHigh: UInt32
        private var tailLow: UInt32
        /// Index of the run's first entry.
        var first: UInt32

        init(prefix: UInt64, prefixTail: UInt64, first: UInt32) {
            prefixHigh = UInt32(truncatingIfNeeded: prefix >> 32)
            prefixLow = UInt32(truncatingIfNeeded: prefix)
            tailHigh = UInt32(truncatingIfNeeded: prefixTail >> 32)
            tailLow = UInt32(truncatingIfNeeded: prefixTail)
            self.first = first
        }

        /// The key's first eight octets, big-endian, zero-padded.
        var prefix: UInt64 { UInt64(prefixHigh) << 32 | UInt64(prefixLow) }
        /// The key's next eight octets, big-endian, zero-padded.
        var prefixTail: UInt64 { UInt64(tailHigh) << 32 | UInt64(tailLow) }

        /// True when the prefix holds the whole key: a key ends with a label's
        /// 0 and holds no other "0, 0" (labels are not empty, and 0x00 octets
        /// are escaped), so padding shows as two zeros at the end. Two runs
        /// with equal complete prefixes have equal owners.
        var keyIsComplete: Bool { prefixTail & 0xFFFF == 0 }

        @inline(__always)
        func samePrefix(as other: OwnerRun) -> Bool {
            prefix == other.prefix && prefixTail == other.prefixTail
        }
    }

    /// Canonical order of owner runs: by key prefix, then (when the prefix
    /// does not hold the whole key) by the owners in the arena, then by
    /// first entry. It holds buffers only, no copy of the sort itself.
    private struct RunOrder: InPlaceSort.Order {
        let entries: UnsafeBufferPointer<RecordTable.Entry>
        let arena: UnsafeBufferPointer<UInt8>

        @inline(__always)
        func less(_ left: OwnerRun, _ right: OwnerRun) -> Bool {
            let leftPrefix = left.prefix, rightPrefix = right.prefix
            if leftPrefix != rightPrefix { return leftPrefix < rightPrefix }
            let leftTail = left.prefixTail, rightTail = right.prefixTail
            if leftTail != rightTail { return leftTail < rightTail }
            if left.keyIsComplete { return left.first < right.first }
            return tieBreak(left, right)
        }

        /// Out of line: the rare tie compares whole names.
        @inline(never)
        private func tieBreak(_ left: OwnerRun, _ right: OwnerRun) -> Bool {
            let order = DomainName.canonicalCompare(RecordTable.owner(entries[Int(left.first)], arena: arena),
                                                    RecordTable.owner(entries[Int(right.first)], arena: arena))
            return order != 0 ? order < 0 : left.first < right.first
        }
    }

    /// Visits the entries to keep (owner at or below the origin, the zone's
    /// class), in canonical order, one owner at a time: `visit` gets each
    /// owner's entries, sorted by type and RDATA. The owners are cut into
    /// parts, each visited on one of the build's threads into its own
    /// `makePart(runs)` value (`runs`: how many owner runs the part holds,
    /// for reserving room); the parts come back in order, so what they hold
    /// never depends on `jobs`. `leftOut` tells whether some entry was
    /// left out (an owner outside the zone, another class): most zones have
    /// none, and the builder then need not look for them.
    func forEachOwner<Part>(
        makePart: (_ runs: Int) -> Part,
        _ visit: (_ entries: UnsafeBufferPointer<UInt32>, _ part: inout Part) -> Void
    ) -> (parts: [Part], leftOut: Bool) {
        table.entries.withUnsafeBufferPointer { entries in
            table.arena.withUnsafeBufferPointer { arena in
                let (firsts, sameAsPrevious, leftOut) = sortedRuns(entries: entries, arena: arena)
                defer { free(firsts.baseAddress) }
                let parts = sameAsPrevious.withUnsafeBufferPointer { sameAsPrevious in
                    visitOwners(UnsafeBufferPointer(firsts), sameAsPrevious, entries: entries, arena: arena,
                                makePart: makePart, visit)
                }
                return (parts, leftOut)
            }
        }
    }

    /// Calls `body(first entry)` for each run of same-owner entries in
    /// `range` (which starts a run) whose owner is at or below the origin,
    /// in table order.
    private func forEachRunInZone(
        _ entries: UnsafeBufferPointer<RecordTable.Entry>, _ arena: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        _ body: (Int) -> Void
    ) {
        origin.wire.withUnsafeBufferPointer { suffix in
            var position = range.lowerBound
            while position < range.upperBound {
                let end = CanonicalSort.runEnd(position, entries)
                if DomainName.isSubdomain(RecordTable.owner(entries[position], arena: arena), of: suffix) { body(position) }
                position = end
            }
        }
    }

    /// The owner runs in canonical order, as their first entries (memory
    /// from `malloc` that the caller frees), with one bit per run set when
    /// its owner equals the previous run's, and whether some entry is left
    /// out (its owner outside the zone, or another class).
    private func sortedRuns(entries: UnsafeBufferPointer<RecordTable.Entry>, arena: UnsafeBufferPointer<UInt8>)
        -> (firsts: UnsafeMutableBufferPointer<UInt32>, sameAsPrevious: [UInt64], leftOut: Bool)
    {
        let originLength = origin.wire.count
        // Runs of owners, counted first so that the buffer is made at its
        // final size (runs outside the zone, rare, are left out as they are
        // keyed), then keyed, a chunk of the table a thread.
        // The buffer comes from malloc: it becomes the first entries' array
        // in place (see below) and is then shrunk with realloc.
        let bounds = runChunkBounds(entries)
        let (counts, otherClass) = runCounts(entries, bounds)
        let room = counts.reduce(0, +)
        guard let memory = malloc(max(1, room) * MemoryLayout<OwnerRun>.stride) else {
            fatalError("out of memory sorting \(room) owner runs")
        }
        let all = UnsafeMutableBufferPointer(start: memory.bindMemory(to: OwnerRun.self, capacity: room), count: room)
        let count = fillRuns(all, entries, arena, bounds: bounds, counts: counts, originLength: originLength)
        let runs = UnsafeMutableBufferPointer(rebasing: all[..<count])
        // No two runs are equal (the first entry breaks ties), so an unstable
        // sort gives the one order, without a scratch buffer.
        InPlaceSort.sort(runs, jobs: jobs, order: RunOrder(entries: entries, arena: arena))
        // One bit per run, set when its owner equals the previous run's:
        // pieces of whole 64-run words, on the build's threads (each piece
        // writes only its own words).
        var sameAsPrevious = [UInt64](repeating: 0, count: (count + 63) / 64)
        let pieces = ParallelChunks.pieces(count: sameAsPrevious.count, size: 1024)
        sameAsPrevious.withUnsafeMutableBufferPointer { sameAsPrevious in
            ParallelChunks.forEach(count: pieces.count, jobs: jobs) { piece in
                let words = pieces[piece]
                for index in max(1, words.lowerBound * 64)..<min(words.upperBound * 64, count) {
                    let run = runs[index], previous = runs[index - 1]
                    if previous.samePrefix(as: run), run.keyIsComplete
                        || DomainName.canonicalCompare(RecordTable.owner(entries[Int(previous.first)], arena: arena),
                                                       RecordTable.owner(entries[Int(run.first)], arena: arena)) == 0 {
                        sameAsPrevious[index >> 6] |= 1 << UInt64(index & 63)
                    }
                }
            }
        }
        // The runs give way to their first entries in the same memory before
        // the owners are visited, so the two never take memory at the same
        // time: run i's four octets go to offset 4i, which only runs already
        // read occupy (a run is twenty octets).
        for index in 0..<count {
            let first = runs[index].first
            memory.storeBytes(of: first, toByteOffset: index * 4, as: UInt32.self)
        }
        let shrunk = realloc(memory, max(1, count) * 4) ?? memory
        let firsts = UnsafeMutableBufferPointer(start: shrunk.bindMemory(to: UInt32.self, capacity: count), count: count)
        return (firsts, sameAsPrevious, otherClass || count < room)
    }

    /// Owner runs with the same owner are grouped (they are adjacent in
    /// `firsts`), and the groups cut into parts for the threads.
    private func visitOwners<Part>(
        _ firsts: UnsafeBufferPointer<UInt32>, _ sameAsPrevious: UnsafeBufferPointer<UInt64>,
        entries: UnsafeBufferPointer<RecordTable.Entry>, arena: UnsafeBufferPointer<UInt8>,
        makePart: (Int) -> Part, _ visit: (UnsafeBufferPointer<UInt32>, inout Part) -> Void
    ) -> [Part] {
        func continuesGroup(_ index: Int) -> Bool {
            index < firsts.count && sameAsPrevious[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
        // Parts start where a group does; several a thread, since owners
        // with many records can make parts unequal.
        let bounds = ParallelChunks.cuts(count: firsts.count, jobs: jobs, partsPerThread: 8,
                                         minimum: InPlaceSort.parallelMinimum, keepsWithPrevious: continuesGroup)
        return ParallelChunks.collect(count: bounds.count - 1, jobs: jobs) { part in
            var result = makePart(bounds[part + 1] - bounds[part])
            var group: [UInt32] = []
            var runIndex = bounds[part]
            while runIndex < bounds[part + 1] {
                // The runs come in canonical order, their entries and octets
                // lie in file order: fetched ahead (see `Prefetch`), the
                // entries far ahead, the octets of runs whose entry is in by now.
                let far = runIndex + Prefetch.distance, near = runIndex + Prefetch.distance / 2
                if far < firsts.count { Prefetch.fetch(entries.baseAddress! + Int(firsts[far])) }
                if near < firsts.count {
                    let entry = entries[Int(firsts[near])]
                    Prefetch.fetch(arena.baseAddress! + Int(entry.rdataOffset))
                }
                var groupEnd = runIndex + 1
                while continuesGroup(groupEnd) { groupEnd += 1 }
                // Equal owners: the runs are in input order, so `group` is too.
                group.removeAll(keepingCapacity: true)
                for member in firsts[runIndex..<groupEnd] {
                    let start = Int(member)
                    for index in start..<CanonicalSort.runEnd(start, entries) where entries[index].rrClass == rrClass {
                        group.append(UInt32(index))
                    }
                }
                CanonicalSort.sortByTypeAndData(&group, entries: entries, arena: arena)
                group.withUnsafeBufferPointer { visit($0, &result) }
                runIndex = groupEnd
            }
            return result
        }
    }

    /// Sorts the entries of one owner by type, then canonical RDATA, keeping
    /// the input order among equals (`group` comes in input order).
    private static func sortByTypeAndData(
        _ group: inout [UInt32], entries: UnsafeBufferPointer<RecordTable.Entry>, arena: UnsafeBufferPointer<UInt8>
    ) {
        // Empty when every record of the owner has another class.
        guard group.count > 1 else { return }
        func before(_ left: UInt32, _ right: UInt32) -> Bool {
            let a = entries[Int(left)], b = entries[Int(right)]
            if a.type != b.type { return a.type < b.type }
            let data = RecordTable.rdataOrder(a, b, arena: arena)
            if data != 0 { return data < 0 }
            return left < right
        }
        if group.count <= 16 {
            // Insertion sort: few comparisons for the usual one to four records.
            for index in 1..<group.count {
                let moving = group[index]
                var hole = index
                while hole > 0, before(moving, group[hole - 1]) {
                    group[hole] = group[hole - 1]
                    hole -= 1
                }
                group[hole] = moving
            }
        } else {
            group.sort(by: before)
        }
    }

    /// The end of the run of entries with the owner of the entry at `first`.
    private static func runEnd(_ first: Int, _ entries: UnsafeBufferPointer<RecordTable.Entry>) -> Int {
        let owner = entries[first].ownerOffset
        var end = first + 1
        while end < entries.count, entries[end].ownerOffset == owner { end += 1 }
        return end
    }

    /// Where the keying of owner runs is cut for `jobs` threads: entry
    /// positions that start a run, first 0 and last the entry count.
    private func runChunkBounds(_ entries: UnsafeBufferPointer<RecordTable.Entry>) -> [Int] {
        ParallelChunks.cuts(count: entries.count, jobs: jobs, partsPerThread: 4, minimum: InPlaceSort.parallelMinimum) {
            entries[$0].ownerOffset == entries[$0 - 1].ownerOffset
        }
    }

    /// The owner runs in each chunk, inside the zone or not: at least as
    /// many as `fillRuns` keys there, counted without reading an owner; and
    /// whether some entry has another class than the zone's.
    private func runCounts(_ entries: UnsafeBufferPointer<RecordTable.Entry>, _ bounds: [Int])
        -> (counts: [Int], otherClass: Bool)
    {
        var counts = [Int](repeating: 0, count: bounds.count - 1)
        var otherClass = [Bool](repeating: false, count: bounds.count - 1)
        counts.withUnsafeMutableBufferPointer { counts in
            otherClass.withUnsafeMutableBufferPointer { otherClass in
                ParallelChunks.forEach(count: counts.count, jobs: jobs) { chunk in
                    var count = 0
                    var classes = false
                    for index in bounds[chunk]..<bounds[chunk + 1] {
                        if index == bounds[chunk] || entries[index].ownerOffset != entries[index - 1].ownerOffset {
                            count += 1
                        }
                        classes = classes || entries[index].rrClass != rrClass
                    }
                    counts[chunk] = count
                    otherClass[chunk] = classes
                }
            }
        }
        return (counts, otherClass.contains(true))
    }

    /// Writes one keyed run per owner run inside the zone, in table order,
    /// into `runs` (room for `counts`, which may count runs outside the
    /// zone too), each chunk of the table on a thread; returns how many it
    /// wrote, at the front of `runs`.
    private func fillRuns(_ runs: UnsafeMutableBufferPointer<OwnerRun>, _ entries: UnsafeBufferPointer<RecordTable.Entry>,
                          _ arena: UnsafeBufferPointer<UInt8>, bounds: [Int], counts: [Int], originLength: Int) -> Int {
        var starts = [0]
        for count in counts { starts.append(starts[starts.count - 1] + count) }
        precondition(starts[starts.count - 1] == runs.count, "owner runs counted twice differ")
        var filled = [Int](repeating: 0, count: counts.count)
        filled.withUnsafeMutableBufferPointer { filled in
            ParallelChunks.forEach(count: counts.count, jobs: jobs) { chunk in
                var slot = starts[chunk]
                forEachRunInZone(entries, arena, bounds[chunk]..<bounds[chunk + 1]) { position in
                    let (prefix, tail) = CanonicalSort.keyPrefix(RecordTable.owner(entries[position], arena: arena),
                                                                 originLength: originLength)
                    (runs.baseAddress! + slot).initialize(to: OwnerRun(prefix: prefix, prefixTail: tail, first: UInt32(position)))
                    slot += 1
                }
                filled[chunk] = slot - starts[chunk]
            }
        }
        // Chunks that held runs outside the zone leave gaps: close them.
        var end = 0
        for chunk in counts.indices {
            if end != starts[chunk] {
                (runs.baseAddress! + end).moveInitialize(from: runs.baseAddress! + starts[chunk], count: filled[chunk])
            }
            end += filled[chunk]
        }
        return end
    }

    /// The first sixteen octets of the sort key of `owner` (at or below the
    /// origin, whose labels the key leaves out), zero-padded, as integers.
    private static func keyPrefix(_ owner: UnsafeBufferPointer<UInt8>, originLength: Int) -> (UInt64, UInt64) {
        // Label starts, left to right, down to the origin (a name has at most
        // 127 labels and 255 octets), then the key's first octets.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128 + 18) { scratch in
            var count = 0
            var index = 0
            let originStart = owner.count - originLength
            while index < originStart {
                scratch[count] = UInt8(index)
                count += 1
                index += 1 + Int(owner[index])
            }
            let key = scratch.baseAddress! + 128
            key.initialize(repeating: 0, count: 18)
            var produced = 0
            var label = count - 1
            while label >= 0 && produced < 16 {
                let start = Int(scratch[label])
                var position = start + 1
                let end = position + Int(owner[start])
                while position < end && produced < 16 {
                    let byte = asciiLower(owner[position])
                    if byte <= 1 {
                        // Escaped; the second octet may fall past the prefix (the key has room for it).
                        key[produced] = 1
                        key[produced + 1] = byte + 1
                        produced += 2
                    } else {
                        key[produced] = byte
                        produced += 1
                    }
                    position += 1
                }
                if produced < 16 { key[produced] = 0 }
                produced += 1
                label -= 1
            }
            var head: UInt64 = 0
            for offset in 0..<8 { head = head << 8 | UInt64(key[offset]) }
            var tail: UInt64 = 0
            for offset in 8..<16 { tail = tail << 8 | UInt64(key[offset]) }
            return (head, tail)
        }
    }
}
