/// An unstable sort that allocates nothing: introsort (quicksort with a
/// median of three, insertion sort for short ranges, heapsort when the
/// recursion gets too deep, so never quadratic). The standard library's sort
/// is stable and borrows a buffer of half the elements; for orders with no
/// ties, stability buys nothing and the buffer is megabytes on a big zone.
enum InPlaceSort {
    /// A strict weak order as a type: the sort is specialized for it and
    /// the comparison inlined. A closure stays an indirect call per
    /// comparison, which was a fifth of a large zone's owner sort.
    protocol Order {
        associatedtype Element
        func less(_ left: Element, _ right: Element) -> Bool
    }

    /// Below this many elements a sort stays on one thread.
    static let parallelMinimum = 65_536

    /// Sorts on up to `jobs` threads, still in place: the elements are first
    /// cut into parts by partitioning around sampled medians (every element of
    /// a part orders before every element of the next), then the parts are
    /// sorted at once. With elements distinct under `less` (as the zone's
    /// owner runs are), the result is the one sorted order whatever `jobs` is;
    /// equal elements only make the cuts uneven.
    static func sort<O: Order>(
        _ elements: UnsafeMutableBufferPointer<O.Element>, jobs: Int, minimum: Int = parallelMinimum, order: O
    ) {
        guard jobs > 1, elements.count >= max(minimum, 64) else {
            sort(elements, order: order)
            return
        }
        // Twice as many parts as threads, so an uneven cut evens out.
        var parts: [Range<Int>] = [0..<elements.count]
        while parts.count < 2 * jobs {
            let largest = parts.indices.max { parts[$0].count < parts[$1].count }!
            let part = parts[largest]
            guard part.count >= 64 else { break }
            let cut = partition(elements, part, order)
            parts.replaceSubrange(largest...largest, with: [part.lowerBound..<cut, cut..<part.upperBound])
        }
        ParallelChunks.forEach(count: parts.count, jobs: jobs) { index in
            sort(UnsafeMutableBufferPointer(rebasing: elements[parts[index]]), order: order)
        }
    }

    /// Moves the elements of `range` that order before a pivot (the median of
    /// 31 evenly spaced samples) to its front; returns where the rest starts.
    /// With distinct elements, both sides hold at least 15 elements; every
    /// element before the returned index orders before every one after it.
    static func partition<O: Order>(_ a: UnsafeMutableBufferPointer<O.Element>, _ range: Range<Int>, _ order: O) -> Int {
        let samples = 31
        let step = range.count / samples
        var sample: [O.Element] = []
        sample.reserveCapacity(samples)
        for index in 0..<samples { sample.append(a[range.lowerBound + index * step]) }
        sample.withUnsafeMutableBufferPointer { insertionSort($0, 0, samples, order) }
        let pivot = sample[samples / 2]
        var store = range.lowerBound
        for index in range where order.less(a[index], pivot) {
            a.swapAt(index, store)
            store += 1
        }
        return store
    }

    static func sort<O: Order>(_ elements: UnsafeMutableBufferPointer<O.Element>, order: O) {
        guard elements.count > 1 else { return }
        var depthLimit = 0
        var count = elements.count
        while count > 0 { depthLimit += 2; count >>= 1 }
        introsort(elements, 0, elements.count, depthLimit, order)
    }

    private static func introsort<O: Order>(
        _ a: UnsafeMutableBufferPointer<O.Element>, _ low: Int, _ high: Int, _ depth: Int, _ order: O
    ) {
        var low = low, high = high, depth = depth
        while high - low > 16 {
            if depth == 0 {
                heapsort(a, low, high, order)
                return
            }
            depth -= 1
            // The pivot to a[low], then Hoare partition around it: the median
            // of three, or on a long range Tukey's ninther (the median of
            // three medians of three), which keeps sawtooth inputs (owner
            // keys of names numbered in file order, `host9` after `host10`)
            // from splitting badly and sending the sort into heapsort.
            let middle = low + (high - low) / 2
            @inline(__always) func median(_ i: Int, _ j: Int, _ k: Int) -> Int {
                if order.less(a[i], a[j]) {
                    if order.less(a[j], a[k]) { return j }
                    return order.less(a[i], a[k]) ? k : i
                }
                if order.less(a[i], a[k]) { return i }
                return order.less(a[j], a[k]) ? k : j
            }
            let pivotIndex: Int
            if high - low > 128 {
                let step = (high - low) / 8
                pivotIndex = median(median(low, low + step, low + 2 * step),
                                    median(middle - step, middle, middle + step),
                                    median(high - 1 - 2 * step, high - 1 - step, high - 1))
            } else {
                pivotIndex = median(low, middle, high - 1)
            }
            a.swapAt(low, pivotIndex)
            let pivot = a[low]
            var i = low, j = high
            while true {
                repeat { i += 1 } while i < high && order.less(a[i], pivot)
                repeat { j -= 1 } while order.less(pivot, a[j])
                if i >= j { break }
                a.swapAt(i, j)
            }
            a.swapAt(low, j)
            // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
            if j - low < high - (j + 1) {
                introsort(a, low, j, depth, order)
                low = j + 1
            } else {
                introsort(a, j + 1, high, depth, order)
                high = j
            }
        }
        insertionSort(a, low, high, order)
    }

    private static func insertionSort<O: Order>(
        _ a: UnsafeMutableBufferPointer<O.Element>, _ low: Int, _ high: Int, _ order: O
    ) {
        guard high - low > 1 else { return }
        for index in (low + 1)..<high {
            let moving = a[index]
            var hole = index
            while hole > low, order.less(moving, a[hole - 1]) {
                a[hole] = a[hole - 1]
                hole -= 1
            }
            a[hole] = moving
        }
    }

    private static func heapsort<O: Order>(
        _ a: UnsafeMutableBufferPointer<O.Element>, _ low: Int, _ high: Int, _ order: O
    ) {
        let count = high - low
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end, order.less(a[low + child], a[low + child + 1]) { child += 1 }
                guard order.less(a[low + root], a[low + child]) else { return }
                a.swapAt(low + root, low + child)
                root = child
            }
        }
        for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
        for end in stride(from: count - 1, to: 0, by: -1) {
            a.swapAt(low, low + end)
            siftDown(0, end)
        }
    }
}
