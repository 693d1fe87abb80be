/// Questions about RRsets by position that read the compact table directly,
/// without materializing `RRset` or `DomainName` values: the linear passes
/// of the checker and the differ ask them once or more per RRset of
/// million-record zones, and only the RRsets they report are materialized.
extension RRsetList {
    /// The owner octets (wire form, case as read) of the RRset at `position`.
    @inline(__always)
    func withOwnerWire<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = table.entries[Int(starts[position])]
        return table.arena.withUnsafeBufferPointer { arena in
            body(UnsafeBufferPointer(rebasing: arena[Int(entry.ownerOffset)..<(Int(entry.ownerOffset) + Int(entry.ownerLength))]))
        }
    }

    /// Canonical order (-1, 0, 1) of the owner at `position` against the
    /// owner at `otherPosition` of `other`; identical octets are settled first.
    public func compareOwner(at position: Int, with other: RRsetList, at otherPosition: Int) -> Int {
        withOwnerWire(at: position) { left in
            other.withOwnerWire(at: otherPosition) { right in
                if left.count == right.count, memoryEqual(left.baseAddress!, right.baseAddress!, left.count) {
                    return 0
                }
                return DomainName.canonicalCompare(left, right)
            }
        }
    }

    /// Canonical order (-1, 0, 1) of the owner at `position` against `name`.
    public func compareOwner(at position: Int, with name: DomainName) -> Int {
        withOwnerWire(at: position) { left in
            name.wire.withUnsafeBufferPointer { right in DomainName.canonicalCompare(left, right) }
        }
    }

    /// True when the owner at `position` equals `name`, ignoring case.
    public func owner(at position: Int, equals name: DomainName) -> Bool {
        withOwnerWire(at: position) { wire in
            name.wire.withUnsafeBufferPointer { DomainName.equalIgnoringCase(wire, $0) }
        }
    }

    /// True when the owner at `position` equals `name` or lies below it.
    public func owner(at position: Int, isSubdomainOf name: DomainName) -> Bool {
        withOwnerWire(at: position) { wire in
            name.wire.withUnsafeBufferPointer { suffix in
                DomainName.isSubdomain(wire, of: suffix)
            }
        }
    }

    /// The first position whose owner is not before `name` in canonical order.
    public func firstPosition(notBefore name: DomainName) -> Int {
        (0..<count).partitionPoint { compareOwner(at: $0, with: name) < 0 }
    }

    /// The end of the run of RRsets that share the owner of the RRset at `start`.
    public func ownerGroupEnd(from start: Int) -> Int {
        ownerStarts.withUnsafeBufferPointer { RRsetList.ownerGroupEnd(from: start, bits: $0, end: endIndex) }
    }

    /// `ownerGroupEnd(from:)` over the owner-start bits pinned by the caller.
    static func ownerGroupEnd(from start: Int, bits: UnsafeBufferPointer<UInt64>, end: Int) -> Int {
        var position = start + 1
        while position < end {
            let word = bits[position >> 6] >> UInt64(position & 63)
            if word != 0 { return Swift.min(position + word.trailingZeroBitCount, end) }
            position = (position | 63) + 1
        }
        return end
    }

    /// True when the RRset at `position` has another owner than the one before it.
    func opensOwner(at position: Int) -> Bool {
        ownerStarts[position >> 6] >> UInt64(position & 63) & 1 != 0
    }

    /// True when some owner has a `*` label (see `ownerHasWildcardLabel`).
    /// The table notes whether any owner it stored might (most zones have
    /// none), so only the others are walked.
    public var anyOwnerHasWildcardLabel: Bool {
        guard table.mayHaveWildcardOwner else { return false }
        return indices.contains { opensOwner(at: $0) && ownerHasWildcardLabel(at: $0) }
    }

    /// True when a label of the owner at `position` is `*`: the owner is a
    /// wildcard or lies below one (RFC 4592).
    public func ownerHasWildcardLabel(at position: Int) -> Bool {
        withOwnerWire(at: position, DomainName.hasWildcardLabel)
    }

    /// The number of distinct owner names.
    public var ownerCount: Int { ownerStarts.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Whether two RRsets hold the same records, judged on their octets: the
    /// records of an RRset are stored in canonical RDATA order, so equal
    /// octets in order mean equal data. `.rdataDiffers` leaves the verdict to
    /// a canonical comparison (a name in RDATA may differ only in case).
    public func compareRecords(at position: Int, with other: RRsetList, at otherPosition: Int) -> RecordOctetComparison {
        let leftStart = Int(starts[position]), leftEnd = Int(starts[position + 1])
        let rightStart = Int(other.starts[otherPosition]), rightEnd = Int(other.starts[otherPosition + 1])
        guard leftEnd - leftStart == rightEnd - rightStart else { return .countDiffers }
        return table.entries.withUnsafeBufferPointer { leftEntries in
            other.table.entries.withUnsafeBufferPointer { rightEntries in
                table.arena.withUnsafeBufferPointer { leftArena in
                    other.table.arena.withUnsafeBufferPointer { rightArena in
                        var sameTTL = true
                        for offset in 0..<(leftEnd - leftStart) {
                            let left = leftEntries[leftStart + offset], right = rightEntries[rightStart + offset]
                            guard left.rdataLength == right.rdataLength,
                                  memoryEqual(leftArena.baseAddress! + Int(left.rdataOffset),
                                              rightArena.baseAddress! + Int(right.rdataOffset), Int(left.rdataLength))
                            else { return .rdataDiffers }
                            if left.ttl != right.ttl { sameTTL = false }
                        }
                        return sameTTL ? .identical : .ttlOnly
                    }
                }
            }
        }
    }
}

/// The outcome of `RRsetList.compareRecords`.
public enum RecordOctetComparison: Sendable, Equatable {
    /// Same RDATA octets and TTLs, record by record.
    case identical
    /// Same RDATA octets, some TTL differs.
    case ttlOnly
    /// The RRsets hold different numbers of records.
    case countDiffers
    /// Some record's RDATA octets differ.
    case rdataDiffers
}
