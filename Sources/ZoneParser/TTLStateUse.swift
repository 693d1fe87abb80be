/// What one run did with the TTL state (`$TTL` default and previous record's
/// TTL) it started with. A region of a parallel parse starts from the state
/// the file's head left, a guess for the regions after a `$TTL` elsewhere:
/// the region is kept when every part of the guess it read was right.
struct TTLStateUse: Sendable {
    /// The run set the default TTL itself (`$TTL`, or an SOA minimum).
    var setDefault = false
    /// The run set the previous TTL itself (any record, or `$TTL`).
    var setPrevious = false
    /// The run read the default TTL it started with.
    var readInheritedDefault = false
    /// The run read the previous TTL it started with.
    var readInheritedPrevious = false

    /// Notes that the default TTL is being read; always true (it sits in a
    /// condition chain).
    @inline(__always)
    mutating func noteReadingDefault() -> Bool {
        if !setDefault { readInheritedDefault = true }
        return true
    }

    @inline(__always)
    mutating func noteReadingPrevious() -> Bool {
        if !setPrevious { readInheritedPrevious = true }
        return true
    }
}
