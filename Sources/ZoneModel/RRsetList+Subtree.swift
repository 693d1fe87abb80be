/// Names looked for in an owner's subtree, which canonical order puts right
/// after the owner: the glue of a delegation (`ns1.child` for `child NS
/// ns1.child`) is found a few owners on, in memory the pass has just read,
/// instead of through a hash of the name and three dependent loads in the
/// owner index. A million-record zone asks this for every delegation's NS
/// targets.
extension RRsetList {
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
