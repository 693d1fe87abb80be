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
    /// Threads `build` sorts on (1: the calling thread alone); the zone it
    /// builds never depends on it.
    public var jobs: Int
    private var table = RecordTable()

    public init(origin: DomainName, rrClass: RRClass = .in, jobs: Int = 1) {
        self.origin = origin
        self.rrClass = rrClass
        self.jobs = max(1, jobs)
    }

    /// Takes over records already gathered in a table (the parser's output),
    /// without copying them.
    public init(origin: DomainName, rrClass: RRClass = .in, table: RecordTable, jobs: Int = 1) {
        self.origin = origin
        self.rrClass = rrClass
        self.jobs = max(1, jobs)
        self.table = table
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
        let (survivors, starts, findings) = plan()
        // The table is this builder's alone now (the parser hands it over),
        // so its entries are put in order in place, not copied.
        var sortedTable = table
        table = RecordTable()
        sortedTable.reorder(survivors)
        return (Zone(origin: origin, rrClass: rrClass, table: sortedTable, rrsetStarts: starts, jobs: jobs), findings)
    }

    /// The entries to keep, in canonical order; where each RRset starts in
    /// that order (plus the end); and the findings.
    private func plan() -> (survivors: [UInt32], starts: [UInt32], findings: [Finding]) {
        var findings: [Finding] = []
        let entries = table.entries
        var kept = 0
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
            kept += 1
        }

        var order = CanonicalSort(table: table, origin: origin, rrClass: rrClass.rawValue, jobs: jobs).order(kept: kept)

        // Group, drop duplicates (adjacent after the sort), check TTLs. The
        // survivors are compacted into `order` itself (a survivor never moves
        // past where it was read): a second array as long as the zone beside
        // it would add to the build's peak memory.
        var survivorCount = 0
        var starts: [UInt32] = []
        var groupStart = 0
        func closeGroup(_ end: Int) {
            guard end > groupStart else { return }
            let first = entries[Int(order[groupStart])]
            if first.type != RRType.rrsig.rawValue {
                for position in (groupStart + 1)..<max(end, groupStart + 1) where entries[Int(order[position])].ttl != first.ttl {
                    let record = table.record(at: Int(order[position]))
                    findings.append(Finding(
                        rule: "zone.ttl-mismatch", severity: .low,
                        message: "TTLs differ inside the \(record.type) RRset at \(record.owner) (\(first.ttl) and \(record.ttl))",
                        zone: origin, owner: record.owner, type: record.type, location: record.location))
                    break
                }
            }
        }
        for readPosition in order.indices {
            let index = order[readPosition]
            let entry = entries[Int(index)]
            if survivorCount > 0 {
                let previous = entries[Int(order[survivorCount - 1])]
                let sameSet = previous.type == entry.type && ZoneBuilder.sameOwner(previous, entry, table)
                if sameSet {
                    if ZoneBuilder.rdataOrder(previous, entry, table) == 0 {
                        let record = table.record(at: Int(index))
                        findings.append(Finding(
                            rule: "zone.duplicate-record", severity: .low,
                            message: "duplicate \(record.type) record at \(record.owner) removed",
                            zone: origin, owner: record.owner, type: record.type, location: record.location))
                        continue
                    }
                } else {
                    closeGroup(survivorCount)
                    groupStart = survivorCount
                    starts.append(UInt32(survivorCount))
                }
            } else {
                starts.append(0)
            }
            order[survivorCount] = index
            survivorCount += 1
        }
        closeGroup(survivorCount)
        starts.append(UInt32(survivorCount))
        order.removeLast(order.count - survivorCount)
        return (order, starts, findings)
    }

    private func isInside(_ owner: ArraySlice<UInt8>) -> Bool {
        owner.withUnsafeBufferPointer { name in
            origin.wire.withUnsafeBufferPointer { suffix in DomainName.isSubdomain(name, of: suffix) }
        }
    }

    static func sameOwner(_ lhs: RecordTable.Entry, _ rhs: RecordTable.Entry, _ table: RecordTable) -> Bool {
        lhs.ownerOffset == rhs.ownerOffset
            || DomainName.equalIgnoringCase(table.ownerBytes(lhs), table.ownerBytes(rhs))
    }

    /// RFC 4034 section 6.3: RDATA in canonical form as unsigned octet strings.
    static func rdataOrder(_ lhs: RecordTable.Entry, _ rhs: RecordTable.Entry, _ table: RecordTable) -> Int {
        table.arena.withUnsafeBufferPointer { arena in
            RDataCanonicalForm.order(
                type: RRType(lhs.type),
                UnsafeBufferPointer(rebasing: arena[Int(lhs.rdataOffset)..<(Int(lhs.rdataOffset) + Int(lhs.rdataLength))]),
                UnsafeBufferPointer(rebasing: arena[Int(rhs.rdataOffset)..<(Int(rhs.rdataOffset) + Int(rhs.rdataLength))]))
        }
    }
}
