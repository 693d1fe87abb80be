/// Compact storage for many records: owner names and RDATA in one byte
/// arena, fixed-size entries beside it, source files in a small table.
///
/// A 1,000,000-record zone is the design point: a `Record` value costs two
/// heap objects and ~40 octets; an entry here costs 28 octets plus its bytes
/// in the arena, and consecutive records of one owner share the owner's bytes.
/// Records are materialized as `Record` values only when asked for.
public struct RecordTable: Sendable {
    @usableFromInline struct Entry: Sendable {
        var ownerOffset: UInt32
        var rdataOffset: UInt32
        var ttl: UInt32
        var line: UInt32
        var rdataLength: UInt16
        var type: UInt16
        var rrClass: UInt16
        var column: UInt16
        var file: UInt16
        var ownerLength: UInt8
    }

    static let noFile: UInt16 = .max

    @usableFromInline private(set) var arena = ByteArena()
    @usableFromInline private(set) var entries: [Entry] = []
    private(set) var files: [String] = []
    private var fileIndex: [String: UInt16] = [:]
    private var lastOwnerOffset: UInt32 = 0
    private var lastOwnerLength: UInt8 = 0
    /// Some owner appended has a `*` label. Noted as each new owner is
    /// stored (one walk over a name already in cache), so that a zone
    /// without wildcards, most of them, is known as such without a pass.
    private(set) var mayHaveWildcardOwner = false

    public init() {}

    // Inlinable: the parser asks for both counts with every record it stores.
    @inlinable public var count: Int { entries.count }

    public mutating func reserveCapacity(records: Int, arenaBytes: Int) {
        entries.reserveCapacity(records)
        arena.reserveCapacity(arenaBytes)
    }

    /// Appends a record whose RDATA is given as raw octets (no `[UInt8]` needed).
    public mutating func append(
        owner: DomainName, type: RRType, rrClass: RRClass, ttl: UInt32,
        rdata: UnsafeBufferPointer<UInt8>, location: SourceLocation?
    ) {
        owner.wire.withUnsafeBufferPointer { ownerWire in
            append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata, location: location)
        }
    }

    /// As `append(owner:...)`, the owner given as its wire form (a valid
    /// name: the parser's, read in place), so no name object is needed.
    public mutating func append(
        ownerWire: UnsafeBufferPointer<UInt8>, type: RRType, rrClass: RRClass, ttl: UInt32,
        rdata: UnsafeBufferPointer<UInt8>, location: SourceLocation?
    ) {
        if let location {
            append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata,
                   file: location.file, line: location.line, column: location.column)
        } else {
            append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, rdata: rdata,
                   file: nil, line: 0, column: 0)
        }
    }

    /// As `append(ownerWire:...location:)`, the location given as its parts
    /// (no file: line and column 0): the parser's path, which makes no
    /// location value (and takes no reference to the file name) per record.
    public mutating func append(
        ownerWire: UnsafeBufferPointer<UInt8>, type: RRType, rrClass: RRClass, ttl: UInt32,
        rdata: UnsafeBufferPointer<UInt8>, file path: String?, line: UInt32, column: UInt32
    ) {
        precondition(rdata.count <= 65535, "RDATA longer than 65535 octets")
        precondition(ownerWire.count >= 1 && ownerWire.count <= 255, "an owner is a name of 1 to 255 octets")
        // Room for both the owner and the RDATA, made once: the appends
        // below then skip the arena's checks.
        arena.reserveForAppending(ownerWire.count + rdata.count)
        let ownerOffset = internOwner(ownerWire)
        let rdataOffset = UInt32(arena.count)
        arena.appendReserved(rdata)
        let file = path.map { fileNumber($0) } ?? RecordTable.noFile
        entries.append(Entry(
            ownerOffset: ownerOffset, rdataOffset: rdataOffset, ttl: ttl, line: line,
            rdataLength: UInt16(rdata.count), type: type.rawValue, rrClass: rrClass.rawValue,
            column: UInt16(clamping: column), file: file, ownerLength: UInt8(ownerWire.count)))
    }

    public mutating func append(_ record: Record) {
        record.rdata.withUnsafeBufferPointer { buffer in
            append(owner: record.owner, type: record.type, rrClass: record.rrClass, ttl: record.ttl,
                   rdata: buffer, location: record.location)
        }
    }

    /// Appends every entry of `tables`, later parts of the same input (the
    /// regions of a parallel parse), in order: their bytes after this
    /// table's (a large table's pages moved, not copied: see
    /// `ByteArena.append(movingFrom:)`), their file numbers mapped to this
    /// table's, and the lines of their entries in `file` moved down by
    /// `lineShifts` (one per table, or none: the regions numbered their lines
    /// from 1). The entries are copied on `jobs` threads, each table emptied
    /// once copied, so its memory goes while the joined table fills.
    public mutating func append(
        contentsOf tables: inout [RecordTable], shiftingLinesOf file: String? = nil, by lineShifts: [UInt32] = [],
        jobs: Int
    ) {
        precondition(lineShifts.isEmpty || lineShifts.count == tables.count, "one line shift per table")
        let totalEntries = tables.reduce(entries.count) { $0 + $1.entries.count }
        // Each table's file numbers here, and the number of `file` there.
        var fileNumbers: [[UInt16]] = [], shiftedFiles: [UInt16] = []
        for table in tables {
            fileNumbers.append(table.files.map { fileNumber($0) })
            shiftedFiles.append(file.flatMap { table.fileIndex[$0] } ?? RecordTable.noFile)
            mayHaveWildcardOwner = mayHaveWildcardOwner || table.mayHaveWildcardOwner
        }
        // The arenas are taken out of their tables, so that each is held
        // once and its pages can move.
        var arenas = tables.indices.map { index in
            defer { tables[index].arena = ByteArena() }
            return tables[index].arena
        }
        let arenaBases = arena.append(movingFrom: &arenas)
        precondition(arena.count <= Int(UInt32.max), "record table larger than 32-bit offsets allow")
        var entryBases: [Int] = [], entryCursor = entries.count
        for (index, table) in tables.enumerated() {
            entryBases.append(entryCursor)
            entryCursor += table.entries.count
            if let last = table.entries.last {
                lastOwnerOffset = last.ownerOffset + UInt32(arenaBases[index])
                lastOwnerLength = last.ownerLength
            }
        }
        let ownEntries = entries
        entries = [Entry](unsafeUninitializedCapacity: totalEntries) { slots, initializedEntries in
            RecordTable.copy(ownEntries, to: slots.baseAddress!, fileNumbers: nil)
            tables.withUnsafeMutableBufferPointer { tables in
                ParallelChunks.forEach(count: tables.count, jobs: jobs) { index in
                    RecordTable.copy(tables[index].entries, to: slots.baseAddress! + entryBases[index],
                                     base: UInt32(arenaBases[index]), fileNumbers: fileNumbers[index],
                                     lineShift: (shiftedFiles[index], lineShifts.isEmpty ? 0 : lineShifts[index]))
                    tables[index] = RecordTable()
                }
            }
            initializedEntries = totalEntries
        }
        tables.removeAll()
    }

    /// Copies `entries` to `slots`, moving their offsets by `base`, the lines
    /// of those in file number `lineShift.file` by `lineShift.lines`, and
    /// mapping their file numbers.
    private static func copy(
        _ entries: [Entry], to slots: UnsafeMutablePointer<Entry>,
        base: UInt32 = 0, fileNumbers: [UInt16]?, lineShift: (file: UInt16, lines: UInt32) = (RecordTable.noFile, 0)
    ) {
        entries.withUnsafeBufferPointer { source in
            for (offset, original) in source.enumerated() {
                var entry = original
                entry.ownerOffset += base
                entry.rdataOffset += base
                if entry.file == lineShift.file && entry.file != RecordTable.noFile { entry.line &+= lineShift.lines }
                if let fileNumbers, entry.file != RecordTable.noFile { entry.file = fileNumbers[Int(entry.file)] }
                (slots + offset).initialize(to: entry)
            }
        }
    }

    private mutating func internOwner(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if Int(lastOwnerLength) == wire.count, arena.count > 0 {
            let start = Int(lastOwnerOffset)
            let same = arena.withUnsafeBufferPointer { buffer in
                memoryEqual(buffer.baseAddress! + start, wire.baseAddress!, wire.count)
            }
            if same { return lastOwnerOffset }
        }
        let offset = UInt32(arena.count)
        arena.appendReserved(wire)
        lastOwnerOffset = offset
        lastOwnerLength = UInt8(wire.count)
        if !mayHaveWildcardOwner {
            mayHaveWildcardOwner = DomainName.hasWildcardLabel(wire)
        }
        return offset
    }

    private mutating func fileNumber(_ path: String) -> UInt16 {
        if let last = files.last, last == path { return UInt16(files.count - 1) }
        if let known = fileIndex[path] { return known }
        guard files.count < Int(RecordTable.noFile) else { return RecordTable.noFile }
        let number = UInt16(files.count)
        files.append(path)
        fileIndex[path] = number
        return number
    }

    // MARK: Reading

    func ownerBytes(_ entry: Entry) -> [UInt8] {
        arena.bytes(Int(entry.ownerOffset)..<(Int(entry.ownerOffset) + Int(entry.ownerLength)))
    }

    func rdataBytes(_ entry: Entry) -> [UInt8] {
        arena.bytes(Int(entry.rdataOffset)..<(Int(entry.rdataOffset) + Int(entry.rdataLength)))
    }

    /// Whether two entries have the same owner, ignoring case.
    func sameOwner(_ lhs: Entry, _ rhs: Entry) -> Bool {
        lhs.ownerOffset == rhs.ownerOffset || arena.withUnsafeBufferPointer { arena in
            DomainName.equalIgnoringCase(RecordTable.owner(lhs, arena: arena), RecordTable.owner(rhs, arena: arena))
        }
    }

    func owner(at index: Int) -> DomainName {
        DomainName(uncheckedWire: ownerBytes(entries[index]))
    }

    /// RFC 4034 section 6.3: RDATA in canonical form as unsigned octet strings.
    static func rdataOrder(_ lhs: Entry, _ rhs: Entry, arena: UnsafeBufferPointer<UInt8>) -> Int {
        RDataCanonicalForm.order(
            type: RRType(lhs.type),
            UnsafeBufferPointer(rebasing: arena[Int(lhs.rdataOffset)..<(Int(lhs.rdataOffset) + Int(lhs.rdataLength))]),
            UnsafeBufferPointer(rebasing: arena[Int(rhs.rdataOffset)..<(Int(rhs.rdataOffset) + Int(rhs.rdataLength))]))
    }

    /// The owner octets of `entry` in `arena` (the table's, pinned by the caller).
    @inline(__always)
    static func owner(_ entry: Entry, arena: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: arena[Int(entry.ownerOffset)..<(Int(entry.ownerOffset) + Int(entry.ownerLength))])
    }

    /// `Record.coveredType` of `entry`: the type an RRSIG covers, for other
    /// types the type itself.
    static func coveredType(_ entry: Entry, arena: UnsafeBufferPointer<UInt8>) -> RRType {
        guard entry.type == RRType.rrsig.rawValue, entry.rdataLength >= 2 else { return RRType(entry.type) }
        let offset = Int(entry.rdataOffset)
        return RRType(UInt16(arena[offset]) << 8 | UInt16(arena[offset + 1]))
    }

    func location(_ entry: Entry) -> SourceLocation? {
        guard entry.file != RecordTable.noFile else { return nil }
        return SourceLocation(file: files[Int(entry.file)], line: Int(entry.line), column: Int(entry.column))
    }

    /// The same records with file names of their own: every record made from
    /// a table retains its file name's storage, and threads sharing one
    /// string would keep bouncing its reference count between cores.
    func separatingFileNames() -> RecordTable {
        var copy = self
        copy.files = files.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        return copy
    }

    /// The record at `index`, with `owner` supplied when the caller already has it.
    func record(at index: Int, owner: DomainName? = nil) -> Record {
        let entry = entries[index]
        return Record(
            owner: owner ?? DomainName(uncheckedWire: ownerBytes(entry)),
            type: RRType(entry.type), rrClass: RRClass(entry.rrClass), ttl: entry.ttl,
            rdata: rdataBytes(entry), location: location(entry))
    }

    public func record(at index: Int) -> Record { record(at: index, owner: nil) }

    /// Removes the last record (its arena bytes stay). The parser drops a
    /// transfer's closing SOA this way.
    public mutating func removeLast() { entries.removeLast() }

    /// Bytes in the arena (owner names and RDATA), for capacity estimates.
    @inlinable public var arenaCount: Int { arena.count }

    /// Tables up to this many entries are reordered by a parallel gather
    /// into a new array (at most 7 MiB beside the old one); larger ones in
    /// place, to keep a big zone's peak memory near 3x its file.
    static let gatherLimit = 1 << 18

    /// Keeps only the entries at `order` (distinct indices), in that order.
    /// Up to `gatherLimit` entries, `jobs` threads copy them into a new
    /// array; above it they are permuted in place, cycle by cycle (serial
    /// and bound by memory latency, but a sorted copy beside them would
    /// double the largest array of a big zone).
    mutating func reorder(_ order: [UInt32], jobs: Int) {
        guard jobs > 1, entries.count <= RecordTable.gatherLimit else {
            reorderInPlace(order)
            return
        }
        let count = order.count
        let pieces = ParallelChunks.pieces(count: count, size: 1 << 14)
        entries = entries.withUnsafeBufferPointer { source in
            order.withUnsafeBufferPointer { order in
                [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
                    let base = buffer.baseAddress!
                    ParallelChunks.forEach(count: pieces.count, jobs: jobs) { piece in
                        for position in pieces[piece] { (base + position).initialize(to: source[Int(order[position])]) }
                    }
                    initialized = count
                }
            }
        }
    }

    /// `reorder` in place, with two bitmaps beside the entries instead of an
    /// inverse permutation (four octets an entry). Slot `j` takes the entry
    /// at `order[j]`; following `j -> order[j]` gives paths, which start at
    /// a slot whose entry is dropped and end past `order.count`, and cycles.
    /// Along a path each slot is filled from the next before that one is
    /// overwritten; a cycle also keeps its first entry aside to close it.
    mutating func reorderInPlace(_ order: [UInt32]) {
        let total = entries.count, kept = order.count
        var isSource = [UInt64](repeating: 0, count: (total + 63) / 64)
        var done = [UInt64](repeating: 0, count: (kept + 63) / 64)
        entries.withUnsafeMutableBufferPointer { entries in
            order.withUnsafeBufferPointer { order in
                isSource.withUnsafeMutableBufferPointer { isSource in
                    done.withUnsafeMutableBufferPointer { done in
                        @inline(__always) func test(_ bits: UnsafeMutableBufferPointer<UInt64>, _ index: Int) -> Bool {
                            bits[index >> 6] >> UInt64(index & 63) & 1 != 0
                        }
                        @inline(__always) func set(_ bits: UnsafeMutableBufferPointer<UInt64>, _ index: Int) {
                            bits[index >> 6] |= 1 << UInt64(index & 63)
                        }
                        for source in order { set(isSource, Int(source)) }
                        // Paths: from each kept slot whose own entry is dropped.
                        for start in 0..<kept where !test(isSource, start) {
                            var slot = start
                            while slot < kept {
                                let source = Int(order[slot])
                                entries[slot] = entries[source]
                                set(done, slot)
                                slot = source
                            }
                        }
                        // Cycles: what is left among the kept slots.
                        for start in 0..<kept where !test(done, start) {
                            let first = entries[start]
                            var slot = start
                            while true {
                                set(done, slot)
                                let source = Int(order[slot])
                                if source == start {
                                    entries[slot] = first
                                    break
                                }
                                entries[slot] = entries[source]
                                slot = source
                            }
                        }
                    }
                }
            }
        }
        entries.removeLast(total - kept)
    }
}

@inline(__always)
func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    // Eight octets at a time: the parser compares each record's owner with
    // the one before it.
    let left = UnsafeRawPointer(lhs), right = UnsafeRawPointer(rhs)
    var index = 0
    while index + 8 <= count {
        if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            return false
        }
        index += 8
    }
    while index < count {
        if lhs[index] != rhs[index] { return false }
        index += 1
    }
    return true
}
