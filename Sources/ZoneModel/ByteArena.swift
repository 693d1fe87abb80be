#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#if os(Linux)
import CMemoryMap
#endif

/// The bytes of a record table (owner names and RDATA), contiguous, with
/// `Array`'s value semantics: copies share the bytes until one is changed.
///
/// Unlike an `Array`, a large arena lives in pages of its own from `mmap`:
/// on Linux it grows with `mremap`, which moves page table entries rather
/// than bytes, and `append(movingFrom:)` joins the arenas of a parallel
/// parse's regions by moving their pages into place instead of copying
/// them (a million-record zone's 36 MB were copied, and the copy's pages
/// faulted in, while the regions' were unmapped). Small arenas stay on the
/// heap.
///
/// `@_eagerMove`, as `Array` is: a value may be released after its last use
/// rather than at the end of its scope. Without it, a value holding a class
/// with a `deinit` keeps a lexical lifetime, and a parse result or builder
/// left in scope kept a second reference to a table that the zone builder
/// then sorted in place, so the sort copied its 28 MB of entries.
@_eagerMove @usableFromInline struct ByteArena: @unchecked Sendable {
    // Unchecked: `base` points into memory that `owner` holds, and bytes are
    // written only through a value whose owner is not shared (see
    // `makeUnique`); values that share it only read, as arrays do.

    // Where the bytes are and how many, in the value itself: the appends a
    // parse makes per record read no class property (each such access was
    // a dynamic exclusivity check, 6% of a large check).
    @usableFromInline var base: UnsafeMutablePointer<UInt8>?
    @usableFromInline var count = 0
    @usableFromInline var capacity = 0
    /// Frees the memory with the last value that holds it; copies of a
    /// value share it until one of them changes.
    @usableFromInline var owner: Memory

    @inlinable init() {
        owner = Memory()
    }

    /// Arenas from this size up are mapped pages.
    static let mappedMinimum = 1 << 20

    static let pageSize: Int = {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? size : 4096
    }()

    /// True where `mremap` exists: arenas grow and join by moving pages.
    static var movesPages: Bool {
        #if os(Linux)
        return true
        #else
        return false
        #endif
    }

    @inlinable subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < count, "arena position out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The bytes in `range`, as an array of their own.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        withUnsafeBufferPointer { Array(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    @inlinable func withUnsafeBufferPointer<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inlinable mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        reserveForAppending(bytes.count)
        appendReserved(bytes)
    }

    /// Makes room for `extra` more bytes in memory this value alone holds,
    /// for `appendReserved`.
    @inlinable mutating func reserveForAppending(_ extra: Int) {
        let needed = count + extra
        if _slowPath(needed > capacity || !isKnownUniquelyReferenced(&owner)) {
            makeUnique(capacity: needed)
        }
    }

    /// Appends `bytes` into room that `reserveForAppending` made, with no
    /// change to the value in between.
    @inlinable mutating func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= capacity, "append without room")
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        (base.unsafelyUnwrapped + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func reserveCapacity(_ minimum: Int) {
        guard minimum > capacity || !isKnownUniquelyReferenced(&owner) else { return }
        makeUnique(capacity: max(minimum, count), exactly: true)
    }

    /// Makes the memory this value's alone with room for `needed` bytes:
    /// a copy when it is shared, else grown (doubling, unless `exactly`).
    @usableFromInline mutating func makeUnique(capacity needed: Int, exactly: Bool = false) {
        let target = exactly ? needed : max(needed, capacity * 2, 64)
        if isKnownUniquelyReferenced(&owner) {
            owner.grow(to: target, keeping: count)
        } else {
            let copy = Memory()
            copy.grow(to: max(target, count), keeping: 0)
            if let base, count > 0 { copy.base.unsafelyUnwrapped.initialize(from: base, count: count) }
            owner = copy
        }
        base = owner.base
        capacity = owner.capacity
    }

    /// Appends the bytes of each of `others`, in order, emptying them, and
    /// returns where each one's bytes start here. The pages of a large
    /// arena (mapped, and not shared) are moved here rather than copied: its
    /// bytes then start on a page boundary, and the few bytes between the
    /// end of the arena before it and that boundary belong to no record.
    mutating func append(movingFrom others: inout [ByteArena]) -> [Int] {
        let page = ByteArena.pageSize
        func roundedUp(_ value: Int) -> Int { (value + page - 1) / page * page }
        var movable = others.indices.map { index in
            ByteArena.movesPages && others[index].owner.isMapped && isKnownUniquelyReferenced(&others[index].owner)
        }
        func layout() -> (bases: [Int], end: Int) {
            var bases: [Int] = [], cursor = count
            for index in others.indices {
                let base = movable[index] ? roundedUp(cursor) : cursor
                bases.append(base)
                cursor = base + others[index].count
            }
            return (bases, cursor)
        }
        var (bases, end) = layout()
        // The gaps must not push the bytes past what 32-bit offsets reach:
        // then everything is copied, end to end, as an array would be.
        if end > Int(UInt32.max) {
            movable = movable.map { _ in false }
            (bases, end) = layout()
        }
        // Room for the last moved arena's whole last page too.
        makeUnique(capacity: movable.contains(true) ? roundedUp(end) : end, exactly: true)
        for index in others.indices {
            defer { others[index] = ByteArena() }
            guard others[index].count > 0 else { continue }
            let destination = base.unsafelyUnwrapped + bases[index]
            let moved = movable[index] && owner.isMapped
                && others[index].owner.move(count: others[index].count, to: destination, page: page)
            if !moved {
                others[index].withUnsafeBufferPointer { source in
                    if let start = source.baseAddress { destination.update(from: start, count: source.count) }
                }
            }
        }
        count = end
        return bases
    }

    /// The memory behind an arena: heap or mapped pages, freed with it.
    @usableFromInline final class Memory: @unchecked Sendable {
        // Unchecked: the fields change only through a `ByteArena` that holds
        // the one reference (it checks `isKnownUniquelyReferenced` first),
        // as an array's buffer does.
        private(set) var base: UnsafeMutablePointer<UInt8>?
        private(set) var capacity = 0
        /// The bytes are pages from `mmap` (`capacity` a multiple of the
        /// page size), not heap memory.
        private(set) var isMapped = false

        @usableFromInline init() {}

        deinit { release() }

        private func release() {
            guard let base else { return }
            if isMapped { munmap(base, capacity) } else { free(base) }
        }

        /// Room for at least `wanted` bytes, keeping the first `count`.
        func grow(to wanted: Int, keeping count: Int) {
            guard wanted > capacity else { return }
            if wanted < ByteArena.mappedMinimum {
                guard let grown = realloc(base, wanted) else { fatalError("out of memory for \(wanted) bytes of records") }
                base = grown.assumingMemoryBound(to: UInt8.self)
                capacity = wanted
                return
            }
            let page = ByteArena.pageSize
            let size = (wanted + page - 1) / page * page
            #if os(Linux)
            // One mapping grows in place or moves; an arena that pages were
            // moved into spans several, which mremap refuses: copied below.
            if isMapped, let base, let grown = zoneaudit_mremap_resize(base, capacity, size), grown != MAP_FAILED {
                self.base = grown.assumingMemoryBound(to: UInt8.self)
                capacity = size
                return
            }
            #endif
            let mapped = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let mapped, mapped != MAP_FAILED else { fatalError("out of memory for \(size) bytes of records") }
            let bytes = mapped.assumingMemoryBound(to: UInt8.self)
            if let base, count > 0 { bytes.initialize(from: base, count: count) }
            release()
            base = bytes
            capacity = size
            isMapped = true
        }

        /// Moves the pages holding this memory's first `count` bytes to
        /// `target` (page-aligned, inside a mapping), unmaps the rest, and
        /// leaves the memory empty; false, with nothing changed, when the
        /// kernel refuses.
        func move(count: Int, to target: UnsafeMutablePointer<UInt8>, page: Int) -> Bool {
            #if os(Linux)
            guard isMapped, let base, count > 0 else { return false }
            let size = (count + page - 1) / page * page
            let moved = zoneaudit_mremap_move(base, size, target)
            guard let moved, moved != MAP_FAILED else { return false }
            if capacity > size { munmap(base + size, capacity - size) }
            self.base = nil
            capacity = 0
            isMapped = false
            return true
            #else
            return false
            #endif
        }
    }
}
