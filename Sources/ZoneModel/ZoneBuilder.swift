#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Groups parsed records into a `Zone`: sorts them canonically, drops exact
/// duplicates (RFC 2181 section 5), and reports what it had to decide.
public struct ZoneBuilder: Sendable {
    public let origin: DomainName
    public let rrClass: RRClass
    private var table = RecordTable()

    public init(origin: DomainName, rrClass: RRClass = .in) {
        self.origin = origin
        self.rrClass = rrClass
    }

    public var count: Int { table.count }

    /// The records appended so far, in the order they came (materialized).
    public var records: [Record] { (0..<table.count).map { table.record(at: $0) } }

    public mutating func reserveCapacity(_ count: Int) {
        table.reserveCapacity(records: count, arenaBytes: count * 24)
    }

    public mutating func append(_ record: Record) { table.append(record) }

    public mutating func append(contentsOf more: some Sequence<Record>) {
        for record in more { table.append(record) }
    }

    /// Appends without building a `Record`: the parser's hot path.
    public mutating func append(
        owner: DomainName, type: RRType, rrClass: RRClass, ttl: UInt32,
        rdata: UnsafeBufferPointer<UInt8>, location: SourceLocation?
    ) {
        table.append(owner: owner, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata, location: location)
    }

    /// Builds the zone. Findings: `zone.out-of-zone` (warning, record ignored),
    /// `zone.class-mismatch` (error, ignored), `zone.duplicate-record`
    /// (warning, dropped), `zone.ttl-mismatch` (warning).
    public consuming func build() -> (zone: Zone, findings: [Finding]) {
        var findings: [Finding] = []
        let entries = table.entries
        var kept: [Int] = []
        kept.reserveCapacity(entries.count)
        var lastOwnerOffset: UInt32 = .max
        var lastOwnerInside = false
        for (index, entry) in entries.enumerated() {
            if entry.rrClass != rrClass.rawValue {
                let record = table.record(at: index)
                findings.append(Finding(
                    rule: "zone.class-mismatch", severity: .high,
                    message: "record class \(record.rrClass) differs from the zone class \(rrClass); ignored",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                continue
            }
            if entry.ownerOffset != lastOwnerOffset {
                lastOwnerOffset = entry.ownerOffset
                lastOwnerInside = isInside(table.ownerBytes(entry))
            }
            guard lastOwnerInside else {
                let record = table.record(at: index)
                findings.append(Finding(
                    rule: "zone.out-of-zone", severity: .medium,
                    message: "\(record.owner) is outside the zone \(origin); ignored",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                continue
            }
            kept.append(index)
        }

        let order = ZoneBuilder.canonicalOrder(of: kept, in: table)

        // Group, drop duplicates (adjacent after the sort), check TTLs.
        var survivors: [Int] = []
        survivors.reserveCapacity(order.count)
        var starts: [UInt32] = []
        var groupStart = 0
        func closeGroup(_ end: Int) {
            guard end > groupStart else { return }
            let first = entries[survivors[groupStart]]
            if first.type != RRType.rrsig.rawValue {
                for position in (groupStart + 1)..<max(end, groupStart + 1) where entries[survivors[position]].ttl != first.ttl {
                    let record = table.record(at: survivors[position])
                    findings.append(Finding(
                        rule: "zone.ttl-mismatch", severity: .low,
                        message: "TTLs differ inside the \(record.type) RRset at \(record.owner) (\(first.ttl) and \(record.ttl))",
                        zone: origin, owner: record.owner, type: record.type, location: record.location))
                    break
                }
            }
        }
        for index in order {
            let entry = entries[index]
            if let last = survivors.last {
                let previous = entries[last]
                let sameSet = previous.type == entry.type && ZoneBuilder.sameOwner(previous, entry, table)
                if sameSet {
                    if ZoneBuilder.rdataOrder(previous, entry, table) == 0 {
                        let record = table.record(at: index)
                        findings.append(Finding(
                            rule: "zone.duplicate-record", severity: .low,
                            message: "duplicate \(record.type) record at \(record.owner) removed",
                            zone: origin, owner: record.owner, type: record.type, location: record.location))
                        continue
                    }
                } else {
                    closeGroup(survivors.count)
                    groupStart = survivors.count
                    starts.append(UInt32(survivors.count))
                }
            } else {
                starts.append(0)
            }
            survivors.append(index)
        }
        closeGroup(survivors.count)
        starts.append(UInt32(survivors.count))

        var sortedTable = table
        table = RecordTable()
        sortedTable.reorder(survivors)
        return (Zone(origin: origin, rrClass: rrClass, table: sortedTable, rrsetStarts: starts), findings)
    }

    private func isInside(_ owner: ArraySlice<UInt8>) -> Bool {
        DomainName(uncheckedWire: Array(owner)).isSubdomain(of: origin)
    }

    static func sameOwner(_ lhs: RecordTable.Entry, _ rhs: RecordTable.Entry, _ table: RecordTable) -> Bool {
        lhs.ownerOffset == rhs.ownerOffset
            || DomainName.equalIgnoringCase(table.ownerBytes(lhs), table.ownerBytes(rhs))
    }

    /// RFC 4034 section 6.3: RDATA in canonical form as unsigned octet strings.
    static func rdataOrder(_ lhs: RecordTable.Entry, _ rhs: RecordTable.Entry, _ table: RecordTable) -> Int {
        let type = RRType(lhs.type)
        if RDataCanonicalForm.slots(for: type) == nil {
            return compareBytes(table.rdataBytes(lhs), table.rdataBytes(rhs))
        }
        let left = RDataCanonicalForm.canonical(type: type, rdata: Array(table.rdataBytes(lhs)))
        let right = RDataCanonicalForm.canonical(type: RRType(rhs.type), rdata: Array(table.rdataBytes(rhs)))
        return compareBytes(left[...], right[...])
    }

    static func compareBytes(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        let order = lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in
                common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            }
        }
        if order != 0 { return order < 0 ? -1 : 1 }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }

    /// Sorts entry indices by (owner, type, RDATA) in canonical order.
    ///
    /// Each distinct owner gets a sort key once: its labels right to left,
    /// lower-cased, with octets 0x00 and 0x01 escaped and 0x00 ending each
    /// label, so plain `memcmp` gives RFC 4034 order. The sort then compares
    /// keys, not names.
    static func canonicalOrder(of indices: [Int], in table: RecordTable) -> [Int] {
        let entries = table.entries
        var keyArena: [UInt8] = []
        keyArena.reserveCapacity(table.arena.count / 2)
        var keyOffset = [UInt32](repeating: 0, count: entries.count)
        var keyLength = [UInt16](repeating: 0, count: entries.count)
        var lastOwner: UInt32 = .max
        var lastKey: (UInt32, UInt16) = (0, 0)
        table.arena.withUnsafeBufferPointer { arena in
            for index in indices {
                let entry = entries[index]
                if entry.ownerOffset != lastOwner {
                    lastOwner = entry.ownerOffset
                    let start = UInt32(keyArena.count)
                    appendSortKey(arena, Int(entry.ownerOffset), to: &keyArena)
                    lastKey = (start, UInt16(keyArena.count - Int(start)))
                }
                keyOffset[index] = lastKey.0
                keyLength[index] = lastKey.1
            }
        }
        var order = indices
        keyArena.withUnsafeBufferPointer { keys in
            order.sort { leftIndex, rightIndex in
                let leftOffset = keyOffset[leftIndex], rightOffset = keyOffset[rightIndex]
                let leftLength = Int(keyLength[leftIndex]), rightLength = Int(keyLength[rightIndex])
                // Equal offsets alone do not mean one key: the root's key is
                // empty and shares its offset with the key made after it.
                if leftOffset != rightOffset || leftLength != rightLength {
                    let common = min(leftLength, rightLength)
                    let order = memcmp(keys.baseAddress! + Int(leftOffset), keys.baseAddress! + Int(rightOffset), common)
                    if order != 0 { return order < 0 }
                    if leftLength != rightLength { return leftLength < rightLength }
                }
                let left = entries[leftIndex], right = entries[rightIndex]
                if left.type != right.type { return left.type < right.type }
                let data = rdataOrder(left, right, table)
                if data != 0 { return data < 0 }
                return leftIndex < rightIndex
            }
        }
        return order
    }

    private static func appendSortKey(_ arena: UnsafeBufferPointer<UInt8>, _ offset: Int, to key: inout [UInt8]) {
        // Label starts, left to right; a name has at most 127 labels.
        var starts: [Int] = []
        starts.reserveCapacity(8)
        var index = offset
        while arena[index] != 0 {
            starts.append(index)
            index += 1 + Int(arena[index])
        }
        for start in starts.reversed() {
            let length = Int(arena[start])
            for position in (start + 1)...(start + length) {
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
