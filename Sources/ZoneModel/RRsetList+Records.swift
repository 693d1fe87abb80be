/// One record of an RRset by position, read from the compact table: the
/// checks follow every NS, MX and SRV target of a zone, and materializing
/// whole RRsets for that cost more than the lookups themselves. The record
/// is built only for the few targets that end in a finding.
extension RRsetList {
    /// Record `index` (in canonical RDATA order) of the RRset at `position`.
    public func record(at position: Int, _ index: Int) -> Record {
        table.record(at: entryIndex(position, index))
    }

    /// `Record.target` of record `index` of the RRset at `position`, read
    /// without building the record: the host an NS, CNAME, DNAME, PTR, MX,
    /// KX, AFSDB, RT, SRV, SVCB or HTTPS record points at.
    public func target(at position: Int, _ index: Int) -> DomainName? {
        withTargetWire(at: position, index) { DomainName(uncheckedWire: Array($0)) }
    }

    /// Lends `body` the target (wire form, case as read) of record `index`
    /// of the RRset at `position`, as `target(at:_:)` reads it, without
    /// making a `DomainName`; nil when the record has none.
    public func withTargetWire<Result>(at position: Int, _ index: Int,
                                       _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let entry = table.entries[entryIndex(position, index)]
        return table.arena.withUnsafeBufferPointer { arena -> Result? in
            let rdata = UnsafeBufferPointer(rebasing: arena[Int(entry.rdataOffset)..<(Int(entry.rdataOffset) + Int(entry.rdataLength))])
            guard let target = Record.targetRange(type: RRType(entry.type), rdata: rdata) else { return nil }
            return body(UnsafeBufferPointer(rebasing: rdata[target]))
        }
    }

    /// The digest type and digest length of record `index` of the RRset at
    /// `position`, when it is a DS, CDS, DLV or TA record (as `Record.ds` reads them).
    public func dsDigest(at position: Int, _ index: Int) -> (digestType: UInt8, length: Int)? {
        let entry = table.entries[entryIndex(position, index)]
        switch RRType(entry.type) {
        case .ds, .cds, .dlv, .ta: break
        default: return nil
        }
        guard entry.rdataLength >= 4 else { return nil }
        return (table.arena[Int(entry.rdataOffset) + 3], Int(entry.rdataLength) - 4)
    }

    /// `Record.coveredType` of record `index` of the RRset at `position`:
    /// the type an RRSIG covers, for other types the type itself.
    public func coveredType(at position: Int, _ index: Int) -> RRType {
        let entry = table.entries[entryIndex(position, index)]
        return table.arena.withUnsafeBufferPointer { RecordTable.coveredType(entry, arena: $0) }
    }

    /// The RRset at `position`, its records sharing `owner` (which the caller
    /// has made once for all the RRsets of a name).
    public func rrset(at position: Int, owner: DomainName) -> RRset {
        let start = Int(starts[position]), end = Int(starts[position + 1])
        var records: [Record] = []
        records.reserveCapacity(end - start)
        for index in start..<end { records.append(table.record(at: index, owner: owner)) }
        let entry = table.entries[start]
        return RRset(owner: owner, type: RRType(entry.type), rrClass: RRClass(entry.rrClass), records: records)
    }

    /// The largest TTL of any record.
    public var largestTTL: UInt32 {
        table.entries.withUnsafeBufferPointer { entries in entries.reduce(0) { Swift.max($0, $1.ttl) } }
    }

    /// The table index of record `index` of the RRset at `position`.
    func entryIndex(_ position: Int, _ index: Int) -> Int {
        let start = Int(starts[position])
        precondition(index >= 0 && start + index < Int(starts[position + 1]), "record index out of range")
        return start + index
    }
}
