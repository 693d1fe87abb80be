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
    ///
    /// `indexingOwners` also indexes the zone's owner names by hash (see
    /// `OwnerIndex`): the names are hashed as the records are grouped, and
    /// the slots filled while the table is put in order, which is cheaper
    /// than indexing the zone afterwards, for callers that will look names
    /// up (the semantic checks).
    public consuming func build(indexingOwners: Bool = false) -> (zone: Zone, findings: [Finding]) {
        let plan = plan(indexingOwners: indexingOwners)
        // The table is this builder's alone now (the parser hands it over),
        // so its entries are put in order in place, not copied.
        var sortedTable = table
        table = RecordTable()
        // A large table is put in order on one thread (see `reorder`): the
        // cut set is made from the arena's octets meanwhile, which the reorder
        // leaves alone (the entries move, their bytes stay).
        // So are the owner index's slots, from the owners' hashes and where
        // each owner starts: neither reads the entries.
        let arena = sortedTable.arena, cutOwners = plan.cutOwners, ownerHashes = plan.ownerHashes
        let ownerStarts = plan.ownerStarts, rrsetCount = plan.starts.count - 1
        let (_, (cuts, ownerSlots)) = ParallelChunks.alongside(jobs: jobs, {
            sortedTable.reorder(plan.survivors, jobs: jobs)
        }, background: {
            let cuts = NameSet(capacity: cutOwners.count) { add in
                arena.withUnsafeBufferPointer { arena in
                    for owner in cutOwners {
                        let start = Int(owner >> 8)
                        add(UnsafeBufferPointer(rebasing: arena[start..<(start + Int(owner & 0xFF))]))
                    }
                }
            }
            let ownerSlots = ownerHashes.map { hashes in
                OwnerSlots(hashes: hashes.parts, ownerStarts: ownerStarts, rrsetCount: rrsetCount, hasher: hashes.hasher)
            }
            return (cuts, ownerSlots)
        })
        return (Zone(origin: origin, rrClass: rrClass, table: sortedTable, rrsetStarts: plan.starts,
                     ownerStarts: plan.ownerStarts, cuts: cuts, ownersInside: true, ownerSlots: ownerSlots),
                plan.findings)
    }

    /// What `build` makes the zone from: the entries to keep, in canonical
    /// order; where each RRset starts in that order (plus the end); one bit
    /// per RRset, set when it opens an owner; the owners of the NS RRsets
    /// below the apex (the delegation points), as arena offset << 8 | length;
    /// the owners' hashes in canonical order, in parts, when indexing them;
    /// and the findings.
    private struct Plan {
        var survivors: [UInt32] = []
        var starts: [UInt32] = []
        var ownerStarts: [UInt64] = []
        var cutOwners: [UInt64] = []
        var ownerHashes: (parts: [[UInt32]], hasher: NameHasher)?
        var findings: [Finding] = []
    }

    /// One part of the canonical order, grouped on one thread: positions
    /// are relative to the part.
    private struct PlanPart {
        var survivors: [UInt32] = []
        var starts: [UInt32] = []
        /// Indices into `starts` of the RRsets that open an owner.
        var ownerStarts: [UInt32] = []
        var cutOwners: [UInt64] = []
        /// Each owner's hash (`OwnerSlots.hash`), when indexing owners.
        var ownerHashes: [UInt32] = []
        var findings: [Finding] = []

        /// A part of `runs` owner runs, with room for two records a run in
        /// the two large arrays (more only for owners with many records):
        /// they do not grow by copying (a million-record zone's parts faulted
        /// in 20 MB for 10 MB of plan), and room never written is mapped
        /// pages never touched. The per-owner arrays are left to grow:
        /// reserved, they were heap blocks whose memory stays after they are
        /// freed, and the peak rose by 2 MB.
        init(runs: Int) {
            survivors.reserveCapacity(2 * runs)
            starts.reserveCapacity(2 * runs)
        }

        init() {}
    }

    /// Reports what the zone leaves out, then sorts and groups the rest, a
    /// part of the owners a thread, and joins the parts in order.
    private func plan(indexingOwners: Bool) -> Plan {
        var plan = Plan()
        // A fresh random key per index (see `OwnerSlots`).
        let hasher = indexingOwners ? NameHasher() : nil
        // The threads read the table and the origin through these buffers:
        // sharing the arrays themselves would bounce their reference counts
        // between cores.
        var parts = table.arena.withUnsafeBufferPointer { arena in
            table.entries.withUnsafeBufferPointer { entries in
                origin.wire.withUnsafeBufferPointer { originWire in
                    let (parts, leftOut) = CanonicalSort(table: table, origin: origin, rrClass: rrClass.rawValue, jobs: jobs)
                        .forEachOwner(makePart: { PlanPart(runs: $0) }) { owner, part in
                            group(owner, into: &part, entries: entries, arena: arena, originWire: originWire, hasher: hasher)
                        }
                    // Most zones leave nothing out: the sort says so, and only
                    // then are the entries read again for the findings.
                    if leftOut { plan.findings = ignored(entries: entries, arena: arena, originWire: originWire) }
                    return parts
                }
            }
        }
        let survivorCount = parts.reduce(0) { $0 + $1.survivors.count }
        let setCount = parts.reduce(0) { $0 + $1.starts.count }
        plan.survivors.reserveCapacity(survivorCount)
        plan.starts.reserveCapacity(setCount + 1)
        plan.ownerStarts = [UInt64](repeating: 0, count: (setCount + 63) / 64)
        var ownerHashes: [[UInt32]] = []
        // Each part is freed once copied: the parts and the plan together
        // stay the size of the plan.
        for index in parts.indices {
            let part = parts[index]
            parts[index] = PlanPart()
            let base = UInt32(plan.survivors.count), setBase = plan.starts.count
            plan.survivors.append(contentsOf: part.survivors)
            for start in part.starts { plan.starts.append(base + start) }
            for set in part.ownerStarts {
                let position = setBase + Int(set)
                plan.ownerStarts[position >> 6] |= 1 << UInt64(position & 63)
            }
            plan.cutOwners.append(contentsOf: part.cutOwners)
            ownerHashes.append(part.ownerHashes)
            plan.findings.append(contentsOf: part.findings)
        }
        plan.starts.append(UInt32(plan.survivors.count))
        if let hasher { plan.ownerHashes = (ownerHashes, hasher) }
        return plan
    }

    /// The findings on the entries the zone leaves out, in table order:
    /// another class than the zone's, or an owner outside the zone. Chunks
    /// of the table are read on the build's threads.
    private func ignored(entries: UnsafeBufferPointer<RecordTable.Entry>, arena: UnsafeBufferPointer<UInt8>,
                         originWire: UnsafeBufferPointer<UInt8>) -> [Finding] {
        let bounds = ParallelChunks.cuts(count: entries.count, jobs: jobs, partsPerThread: 4,
                                         minimum: InPlaceSort.parallelMinimum)
        return ParallelChunks.collect(count: bounds.count - 1, jobs: jobs) { chunk in
            var findings: [Finding] = []
            var lastOwnerOffset: UInt32 = .max
            var lastOwnerInside = false
            for index in bounds[chunk]..<bounds[chunk + 1] {
                let entry = entries[index]
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
                    lastOwnerInside = DomainName.isSubdomain(RecordTable.owner(entry, arena: arena), of: originWire)
                }
                guard !lastOwnerInside else { continue }
                let record = table.record(at: index)
                findings.append(Finding(
                    rule: "zone.out-of-zone", severity: .medium,
                    message: "\(record.owner) is outside the zone \(origin); ignored",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
            }
            return findings
        }.flatMap { $0 }
    }

    /// Groups one owner's entries (sorted by type, then RDATA) into RRsets:
    /// drops exact duplicates (adjacent after the sort) and reports TTLs
    /// that differ inside an RRset.
    private func group(_ owner: UnsafeBufferPointer<UInt32>, into part: inout PlanPart,
                       entries: UnsafeBufferPointer<RecordTable.Entry>, arena: UnsafeBufferPointer<UInt8>,
                       originWire: UnsafeBufferPointer<UInt8>, hasher: NameHasher?) {
        guard let first = owner.first else { return }
        part.ownerStarts.append(UInt32(part.starts.count))
        if let hasher { part.ownerHashes.append(OwnerSlots.hash(RecordTable.owner(entries[Int(first)], arena: arena), hasher)) }
        var setStart = part.survivors.count
        func closeSet() {
            let head = entries[Int(part.survivors[setStart])]
            guard head.type != RRType.rrsig.rawValue else { return }
            for position in (setStart + 1)..<max(part.survivors.count, setStart + 1)
            where entries[Int(part.survivors[position])].ttl != head.ttl {
                let record = table.record(at: Int(part.survivors[position]))
                part.findings.append(Finding(
                    rule: "zone.ttl-mismatch", severity: .low,
                    message: "TTLs differ inside the \(record.type) RRset at \(record.owner) (\(head.ttl) and \(record.ttl))",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                break
            }
        }
        func openSet(_ entry: RecordTable.Entry) {
            setStart = part.survivors.count
            part.starts.append(UInt32(setStart))
            if entry.type == RRType.ns.rawValue,
               !DomainName.equalIgnoringCase(RecordTable.owner(entry, arena: arena), originWire) {
                part.cutOwners.append(UInt64(entry.ownerOffset) << 8 | UInt64(entry.ownerLength))
            }
        }
        openSet(entries[Int(first)])
        part.survivors.append(first)
        for index in owner.dropFirst() {
            let entry = entries[Int(index)]
            let previous = entries[Int(part.survivors[part.survivors.count - 1])]
            if previous.type == entry.type {
                if RecordTable.rdataOrder(previous, entry, arena: arena) == 0 {
                    let record = table.record(at: Int(index))
                    part.findings.append(Finding(
                        rule: "zone.duplicate-record", severity: .low,
                        message: "duplicate \(record.type) record at \(record.owner) removed",
                        zone: origin, owner: record.owner, type: record.type, location: record.location))
                    continue
                }
            } else {
                closeSet()
                openSet(entry)
            }
            part.survivors.append(index)
        }
        closeSet()
    }

}
