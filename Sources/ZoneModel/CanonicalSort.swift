#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sorts a record table's entries into RFC 4034 canonical order: owner, then
/// type, then RDATA in canonical form, then the order they were read.
///
/// The parser stores each run of records with one owner under one owner
/// offset, so the owners are sorted as runs, not record by record: a run gets
/// one sort key (its labels right to left, lower-cased, with octets 0x00 and
/// 0x01 escaped and 0x00 ending each label, so `memcmp` gives canonical
/// order), minus the origin's labels that every key would share, with its
/// first eight octets as an integer that settles most comparisons. The
/// records of one owner are then sorted by type and RDATA, usually a handful.
struct CanonicalSort {
    let table: RecordTable
    let origin: DomainName
    /// The zone's class: entries of another class are left out.
    let rrClass: UInt16

    /// Sixteen octets: a million-record zone has about as many runs.
    private struct OwnerRun {
        /// The key's first eight octets, big-endian, zero-padded.
        var prefix: UInt64
        /// Where the key starts in the key arena: a 16-bit length, then the key.
        var keyOffset: UInt32
        /// Index of the run's first entry.
        var first: UInt32
    }

    /// The indices of the entries to keep (owner at or below the origin, the
    /// zone's class; `kept` of them), in canonical order.
    func order(kept: Int) -> [UInt32] {
        table.entries.withUnsafeBufferPointer { order(kept: kept, entries: $0) }
    }

    /// Calls `body(owner, first entry, arena)` for each run of same-owner
    /// entries whose owner is at or below the origin, in table order.
    private func forEachRunInZone(
        _ entries: UnsafeBufferPointer<RecordTable.Entry>,
        _ body: (UnsafeBufferPointer<UInt8>, Int, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        table.arena.withUnsafeBufferPointer { arena in
            origin.wire.withUnsafeBufferPointer { suffix in
                var position = 0
                while position < entries.count {
                    let end = runEnd(position, entries)
                    let entry = entries[position]
                    let owner = UnsafeBufferPointer(rebasing: arena[Int(entry.ownerOffset)..<(Int(entry.ownerOffset) + Int(entry.ownerLength))])
                    if DomainName.isSubdomain(owner, of: suffix) { body(owner, position, arena) }
                    position = end
                }
            }
        }
    }

    private func order(kept: Int, entries: UnsafeBufferPointer<RecordTable.Entry>) -> [UInt32] {
        let originLength = origin.wire.count
        // Runs of owners inside the zone, with the key octets each needs,
        // counted first so that both arrays are made at their final size.
        var runCount = 0, keyBytes = 0
        forEachRunInZone(entries) { owner, _, _ in
            runCount += 1
            keyBytes += 2 + CanonicalSort.keyLength(owner, originLength: originLength)
        }
        var keys: [UInt8] = []
        keys.reserveCapacity(keyBytes)
        var runs: [OwnerRun] = []
        runs.reserveCapacity(runCount)
        forEachRunInZone(entries) { _, position, arena in
            let entry = entries[position]
            let start = keys.count
            keys.append(0)
            keys.append(0)
            appendKey(arena, Int(entry.ownerOffset), Int(entry.ownerLength), to: &keys)
            let length = keys.count - start - 2
            keys[start] = UInt8(length >> 8)
            keys[start + 1] = UInt8(length & 0xFF)
            runs.append(OwnerRun(prefix: 0, keyOffset: UInt32(start), first: UInt32(position)))
        }
        keys.withUnsafeBufferPointer { keys in
            for index in runs.indices { runs[index].prefix = prefix(of: runs[index], keys) }
            // No two runs are equal (the first entry breaks ties), so an
            // unstable sort gives the one order, without a scratch buffer.
            runs.withUnsafeMutableBufferPointer { runs in
                InPlaceSort.sort(runs) { left, right in
                    if left.prefix != right.prefix { return left.prefix < right.prefix }
                    let order = compareKeys(left, right, keys)
                    return order != 0 ? order < 0 : left.first < right.first
                }
            }
        }

        var sorted: [UInt32] = []
        sorted.reserveCapacity(kept)
        var group: [UInt32] = []
        keys.withUnsafeBufferPointer { keys in
            var runIndex = 0
            while runIndex < runs.count {
                let run = runs[runIndex]
                var groupEnd = runIndex + 1
                while groupEnd < runs.count, runs[groupEnd].prefix == run.prefix,
                      compareKeys(runs[groupEnd], run, keys) == 0 { groupEnd += 1 }
                let first = Int(run.first), end = runEnd(first, entries)
                if groupEnd == runIndex + 1 && end == first + 1 {
                    if entries[first].rrClass == rrClass { sorted.append(UInt32(first)) }
                } else {
                    // Equal keys: the runs are in input order, so `group` is too.
                    group.removeAll(keepingCapacity: true)
                    for member in runs[runIndex..<groupEnd] {
                        let start = Int(member.first)
                        for index in start..<runEnd(start, entries) where entries[index].rrClass == rrClass {
                            group.append(UInt32(index))
                        }
                    }
                    sortByTypeAndData(&group)
                    sorted.append(contentsOf: group)
                }
                runIndex = groupEnd
            }
        }
        return sorted
    }

    /// Sorts the entries of one owner by type, then canonical RDATA, keeping
    /// the input order among equals (`group` comes in input order).
    private func sortByTypeAndData(_ group: inout [UInt32]) {
        let entries = table.entries
        func before(_ left: UInt32, _ right: UInt32) -> Bool {
            let a = entries[Int(left)], b = entries[Int(right)]
            if a.type != b.type { return a.type < b.type }
            let data = ZoneBuilder.rdataOrder(a, b, table)
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
    private func runEnd(_ first: Int, _ entries: UnsafeBufferPointer<RecordTable.Entry>) -> Int {
        let owner = entries[first].ownerOffset
        var end = first + 1
        while end < entries.count, entries[end].ownerOffset == owner { end += 1 }
        return end
    }

    /// Room for the key `appendKey` makes of `owner` (below the origin): one
    /// octet per label octet and label end, one more per escaped octet. A
    /// length octet of 1 is counted as if escaped, so this is a bound, tight
    /// for the usual names.
    private static func keyLength(_ owner: UnsafeBufferPointer<UInt8>, originLength: Int) -> Int {
        let labels = owner.count - originLength
        var length = labels
        for index in 0..<labels where owner[index] <= 1 { length += 1 }
        return length
    }

    /// The sort key of a name below the origin, without the origin's labels.
    private func appendKey(_ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, _ length: Int, to key: inout [UInt8]) {
        // Label starts, left to right, down to the origin; at most 127 labels.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 128) { starts in
            var count = 0
            var index = offset
            let originStart = offset + length - origin.wire.count
            while index < originStart {
                starts[count] = index
                count += 1
                index += 1 + Int(arena[index])
            }
            for label in stride(from: count - 1, through: 0, by: -1) {
                let start = starts[label]
                let labelLength = Int(arena[start])
                for position in (start + 1)..<(start + 1 + labelLength) {
                    let byte = asciiLower(arena[position])
                    if byte <= 1 {
                        key.append(1)
                        key.append(byte + 1)
                    } else {
                        key.append(byte)
                    }
                }
                key.append(0)
            }
        }
    }

    @inline(__always)
    private func keyLength(_ run: OwnerRun, _ keys: UnsafeBufferPointer<UInt8>) -> Int {
        Int(keys[Int(run.keyOffset)]) << 8 | Int(keys[Int(run.keyOffset) + 1])
    }

    private func prefix(of run: OwnerRun, _ keys: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let length = keyLength(run, keys)
        var value: UInt64 = 0
        for index in 0..<8 {
            value <<= 8
            if index < length { value |= UInt64(keys[Int(run.keyOffset) + 2 + index]) }
        }
        return value
    }

    private func compareKeys(_ left: OwnerRun, _ right: OwnerRun, _ keys: UnsafeBufferPointer<UInt8>) -> Int {
        let leftLength = keyLength(left, keys), rightLength = keyLength(right, keys)
        let common = min(leftLength, rightLength)
        if common > 0 {
            let order = memcmp(keys.baseAddress! + Int(left.keyOffset) + 2, keys.baseAddress! + Int(right.keyOffset) + 2, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        if leftLength == rightLength { return 0 }
        return leftLength < rightLength ? -1 : 1
    }
}
