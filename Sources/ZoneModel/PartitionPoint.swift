extension Range where Bound == Int {
    /// The first index at which `isBefore` turns false, by binary search, for
    /// a predicate that holds on a prefix of the range (the lower bound of a
    /// key in sorted data); `upperBound` when it never turns false.
    @inlinable
    public func partitionPoint(_ isBefore: (Int) -> Bool) -> Int {
        var low = lowerBound, high = upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
