/// Names looked for in an owner's subtree, which canonical order puts right
/// after the owner: the glue of a delegation (`ns1.child` for `child NS
/// ns1.child`) is found a few owners on, in memory the pass has just read,
/// instead of through a hash of the name and three dependent loads in the
/// owner index. A million-record zone asks this for every delegation's NS
/// targets.
extension RRsetList {
    /// Lends `body` the target (wire form, case as read) of record `index`
    /// of the RRset at `position`, as `target(at:_:)` reads it, without
    /// making a `DomainName`; nil when the record has none.
    public func withTargetWire<Result>(at position: Int, _ index: Int,
                                       _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let entry = table.entries[entryIndex(position, index)]
        guard let offset = Record.targetOffset(type: RRType(entry.type)) else { return nil }
        return table.arena.withUnsafeBufferPointer { arena -> Result? in
            let rdata = UnsafeBufferPointer(rebasing: arena[Int(entry.rdataOffset)..<(Int(entry.rdataOffset) + Int(entry.rdataLength))])
            guard offset < rdata.count, let length = DomainName.wireLength(of: rdata, at: offset),
                  entry.type != RRType.srv.rawValue || offset + length == rdata.count else { return nil }
            return body(UnsafeBufferPointer(rebasing: rdata[offset..<(offset + length)]))
        }
    }

    /// The positions of the RRsets owned by `name` (ignoring case), when
    /// `name` lies strictly below the owner of the RRset at `position` and
    /// is among the first `limit` owners after it. Nil otherwise (not below,
    /// not in the subtree, or not within `limit`): the caller then asks the
    /// owner index, whose answer this never contradicts.
    public func positions(of name: UnsafeBufferPointer<UInt8>, belowOwnerAt position: Int,
                          searching limit: Int) -> Range<Int>? {
        let end = endIndex
        return table.entries.withUnsafeBufferPointer { entries in
            table.arena.withUnsafeBufferPointer { arena in
                starts.withUnsafeBufferPointer { starts in
                    ownerStarts.withUnsafeBufferPointer { bits -> Range<Int>? in
                        let owner = RecordTable.owner(entries[Int(starts[position])], arena: arena)
                        guard name.count > owner.count, DomainName.isSubdomain(name, of: owner) else { return nil }
                        var group = RRsetList.ownerGroupEnd(from: position, bits: bits, end: end)
                        var searched = 0
                        while group < end && searched < limit {
                            let candidate = RecordTable.owner(entries[Int(starts[group])], arena: arena)
                            // The subtree ends at the first owner outside it.
                            guard DomainName.isSubdomain(candidate, of: owner) else { return nil }
                            let groupEnd = RRsetList.ownerGroupEnd(from: group, bits: bits, end: end)
                            if DomainName.equalIgnoringCase(candidate, name) { return group..<groupEnd }
                            group = groupEnd
                            searched += 1
                        }
                        return nil
                    }
                }
            }
        }
    }
}
