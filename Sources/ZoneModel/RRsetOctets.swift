/// The octets of a zone's RRsets, lent for the length of a closure
/// (`RRsetList.withOctets`): the DNSSEC checks read every record of a signed
/// zone, and materializing `Record`s for that (an owner name, an RDATA array
/// and a reference-counted location each) cost a tenth of the cryptography.
///
/// The buffers point into the zone's storage: a view must not outlive the
/// closure it was lent to.
public struct RRsetOctets {
    let entries: UnsafeBufferPointer<RecordTable.Entry>
    let arena: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<UInt32>

    public func type(at position: Int) -> RRType {
        RRType(entries[Int(starts[position])].type)
    }

    public func rrClass(at position: Int) -> RRClass {
        RRClass(entries[Int(starts[position])].rrClass)
    }

    public func recordCount(at position: Int) -> Int {
        Int(starts[position + 1] - starts[position])
    }

    /// The owner's wire form, as the zone file spelled it.
    public func owner(at position: Int) -> UnsafeBufferPointer<UInt8> {
        RecordTable.owner(entries[Int(starts[position])], arena: arena)
    }

    /// The TTL of record `index` (canonical RDATA order) of the RRset at `position`.
    public func ttl(at position: Int, _ index: Int) -> UInt32 {
        entries[entryIndex(position, index)].ttl
    }

    /// The RDATA of record `index` of the RRset at `position`.
    public func rdata(at position: Int, _ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[entryIndex(position, index)]
        return UnsafeBufferPointer(rebasing: arena[Int(entry.rdataOffset)..<(Int(entry.rdataOffset) + Int(entry.rdataLength))])
    }

    /// `Record.coveredType` of record `index` of the RRset at `position`.
    public func coveredType(at position: Int, _ index: Int) -> RRType {
        RecordTable.coveredType(entries[entryIndex(position, index)], arena: arena)
    }

    private func entryIndex(_ position: Int, _ index: Int) -> Int {
        let start = Int(starts[position])
        precondition(index >= 0 && start + index < Int(starts[position + 1]), "record index out of range")
        return start + index
    }
}

extension RRsetList {
    /// Lends the list's octets to `body` (see `RRsetOctets`).
    public func withOctets<Result>(_ body: (RRsetOctets) throws -> Result) rethrows -> Result {
        let storage = self.storage
        return try storage.table.entries.withUnsafeBufferPointer { entries in
            try storage.table.arena.withUnsafeBufferPointer { arena in
                try storage.starts.withUnsafeBufferPointer { starts in
                    try body(RRsetOctets(entries: entries, arena: arena, starts: starts))
                }
            }
        }
    }
}
