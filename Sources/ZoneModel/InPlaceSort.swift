/// An unstable sort that allocates nothing: introsort (quicksort with a
/// median of three, insertion sort for short ranges, heapsort when the
/// recursion gets too deep, so never quadratic). The standard library's sort
/// is stable and borrows a buffer of half the elements; for orders with no
/// ties, stability buys nothing and the buffer is megabytes on a big zone.
enum InPlaceSort {
    static func sort<Element>(_ elements: UnsafeMutableBufferPointer<Element>, by less: (Element, Element) -> Bool) {
        guard elements.count > 1 else { return }
        var depthLimit = 0
        var count = elements.count
        while count > 0 { depthLimit += 2; count >>= 1 }
        introsort(elements, 0, elements.count, depthLimit, less)
    }

    private static func introsort<Element>(
        _ a: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int, _ depth: Int,
        _ less: (Element, Element) -> Bool
    ) {
        var low = low, high = high, depth = depth
        while high - low > 16 {
            if depth == 0 {
                heapsort(a, low, high, less)
                return
            }
            depth -= 1
            // Median of three to a[low], then Hoare partition around it.
            let middle = low + (high - low) / 2
            if less(a[middle], a[low]) { a.swapAt(middle, low) }
            if less(a[high - 1], a[low]) { a.swapAt(high - 1, low) }
            if less(a[high - 1], a[middle]) { a.swapAt(high - 1, middle) }
            a.swapAt(low, middle)
            let pivot = a[low]
            var i = low, j = high
            while true {
                repeat { i += 1 } while i < high && less(a[i], pivot)
                repeat { j -= 1 } while less(pivot, a[j])
                if i >= j { break }
                a.swapAt(i, j)
            }
            a.swapAt(low, j)
            // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
            if j - low < high - (j + 1) {
                introsort(a, low, j, depth, less)
                low = j + 1
            } else {
                introsort(a, j + 1, high, depth, less)
                high = j
            }
        }
        insertionSort(a, low, high, less)
    }

    private static func insertionSort<Element>(
        _ a: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int, _ less: (Element, Element) -> Bool
    ) {
        guard high - low > 1 else { return }
        for index in (low + 1)..<high {
            let moving = a[index]
            var hole = index
            while hole > low, less(moving, a[hole - 1]) {
                a[hole] = a[hole - 1]
                hole -= 1
            }
            a[hole] = moving
        }
    }

    private static func heapsort<Element>(
        _ a: UnsafeMutableBufferPointer<Element>, _ low: Int, _ high: Int, _ less: (Element, Element) -> Bool
    ) {
        let count = high - low
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end, less(a[low + child], a[low + child + 1]) { child += 1 }
                guard less(a[low + root], a[low + child]) else { return }
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
