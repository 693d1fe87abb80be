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
        let entry = table.entries[entryIndex(position, index)]
        return Record.target(type: RRType(entry.type), rdata: table.rdataBytes(entry))
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

    /// The table index of record `index` of the RRset at `position`.
    private func entryIndex(_ position: Int, _ index: Int) -> Int {
        let start = Int(starts[position])
        precondition(index >= 0 && start + index < Int(starts[position + 1]), "record index out of range")
        return start + index
    }
}
