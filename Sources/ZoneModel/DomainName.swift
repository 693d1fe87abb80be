/// A fully qualified domain name, kept as uncompressed wire labels with the
/// case the zone used (RFC 4343: case is preserved but never significant).
///
/// Equality and hashing ignore ASCII case; `<` is the RFC 4034 section 6.1
/// canonical order. Limits are enforced on construction: 63 octets a label,
/// 255 octets in all, so a `DomainName` value is always a valid name.
public struct DomainName: Sendable {
    /// Wire form: length-prefixed labels ending with the zero-length root label.
    public let wire: [UInt8]

    /// The root name, `.`.
    public static let root = DomainName(uncheckedWire: [0])

    /// Wraps wire bytes that are already known to be valid (the parser's and
    /// `init(wire:)`'s output). Validity is the caller's promise.
    @inlinable
    public init(uncheckedWire: [UInt8]) {
        self.wire = uncheckedWire
    }

    /// The same name in storage of its own, for another thread: threads that
    /// share one name's storage keep bouncing its reference count between
    /// cores (see `Zone.forAnotherThread`).
    public var separateCopy: DomainName { DomainName(uncheckedWire: wire.map { $0 }) }

    /// Validates and wraps uncompressed wire bytes that hold exactly one name.
    public init(wire bytes: some Collection<UInt8>) throws(NameError) {
        let bytes = Array(bytes)
        guard let end = DomainName.wireLength(of: bytes[...]) else { throw .malformedWire }
        guard end == bytes.count else { throw .malformedWire }
        self.wire = bytes
    }

    /// Reads one uncompressed name at the start of `bytes`; returns it and the
    /// octets it used, or nil when the bytes do not hold a valid name.
    public static func read(from bytes: ArraySlice<UInt8>) -> (name: DomainName, length: Int)? {
        guard let length = wireLength(of: bytes) else { return nil }
        let start = bytes.startIndex
        return (DomainName(uncheckedWire: Array(bytes[start..<start + length])), length)
    }

    /// Length of the valid uncompressed name at the start of `bytes`, or nil.
    public static func wireLength(of bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { wireLength(of: $0, at: 0) }
    }

    /// The length of the wire-form name starting at `start` of `bytes`.
    public static func wireLength(of bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let length = Int(bytes[index])
            if length == 0 {
                let total = index + 1 - start
                return total <= 255 ? total : nil
            }
            if length > 63 { return nil }
            index += 1 + length
            if index - start > 255 { return nil }
        }
        return nil
    }

    /// Number of labels, not counting the root label (`www.example.` has 2).
    public var labelCount: Int {
        wire.withUnsafeBufferPointer(DomainName.labelCount(ofWire:))
    }

    /// As `labelCount`, for a valid name in wire form.
    public static func labelCount(ofWire wire: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < wire.count, wire[index] != 0 {
            count += 1
            index += 1 + Int(wire[index])
        }
        return count
    }

    /// The labels from left to right, without the root label.
    public var labels: [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var index = 0
        while wire[index] != 0 {
            let length = Int(wire[index])
            result.append(wire[(index + 1)..<(index + 1 + length)])
            index += 1 + length
        }
        return result
    }

    public var isRoot: Bool { wire.count == 1 }

    /// True when the leftmost label is `*` (RFC 4592).
    public var isWildcard: Bool { wire.count >= 3 && wire[0] == 1 && wire[1] == UInt8(ascii: "*") }

    /// The name with its leftmost label removed; nil for the root.
    public var parent: DomainName? {
        guard !isRoot else { return nil }
        return DomainName(uncheckedWire: Array(wire[(1 + Int(wire[0]))...]))
    }

    /// The name with every ASCII letter in lower case (RFC 4034 section 6.2).
    public var lowercased: DomainName {
        var copy = wire
        var changed = false
        for index in copy.indices where copy[index] &- 65 < 26 {
            // Length octets are at most 63, below "A", so they are never touched.
            copy[index] |= 0x20
            changed = true
        }
        return changed ? DomainName(uncheckedWire: copy) : self
    }

    /// True when `self` equals `other` or lies below it.
    public func isSubdomain(of other: DomainName) -> Bool {
        wire.withUnsafeBufferPointer { mine in
            other.wire.withUnsafeBufferPointer { theirs in DomainName.isSubdomain(mine, of: theirs) }
        }
    }

    /// True when a label of the wire name is `*` (a wildcard, or a name
    /// below one).
    static func hasWildcardLabel(_ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < wire.count && wire[index] != 0 {
            if wire[index] == 1 && wire[index + 1] == UInt8(ascii: "*") { return true }
            index += 1 + Int(wire[index])
        }
        return false
    }

    /// `isSubdomain(of:)` on wire octets of two valid names.
    static func isSubdomain(_ name: UnsafeBufferPointer<UInt8>, of suffix: UnsafeBufferPointer<UInt8>) -> Bool {
        let mine = name.count, theirs = suffix.count
        guard mine >= theirs else { return false }
        if theirs == 1 { return true }
        // The suffix must start on a label boundary of the name.
        var index = 0
        while mine - index > theirs {
            index += 1 + Int(name[index])
        }
        guard mine - index == theirs else { return false }
        return equalLowered(name.baseAddress! + index, suffix.baseAddress!, count: theirs)
    }

    /// True when `count` octets at `lhs` and `rhs` are equal with ASCII
    /// letters lowered: eight at a time, lowered together (a name's length
    /// octets are at most 63, below "A"). The zone's passes compare names
    /// this way for every owner.
    @inline(__always)
    static func equalLowered(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, count: Int) -> Bool {
        let left = UnsafeRawPointer(lhs), right = UnsafeRawPointer(rhs)
        var offset = 0
        while offset + 8 <= count {
            if NameHasher.lowered(left.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                != NameHasher.lowered(right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) {
                return false
            }
            offset += 8
        }
        while offset < count {
            if asciiLower(lhs[offset]) != asciiLower(rhs[offset]) { return false }
            offset += 1
        }
        return true
    }

    /// True when `self` lies strictly below `other`.
    public func isStrictSubdomain(of other: DomainName) -> Bool {
        wire.count > other.wire.count && isSubdomain(of: other)
    }

    /// Prepends one label (raw octets).
    public func prepending(label: some Collection<UInt8>) throws(NameError) -> DomainName {
        guard label.count <= 63 else { throw .labelTooLong }
        guard !label.isEmpty else { throw .emptyLabel }
        guard wire.count + label.count + 1 <= 255 else { throw .nameTooLong }
        var bytes: [UInt8] = [UInt8(label.count)]
        bytes.reserveCapacity(wire.count + label.count + 1)
        bytes.append(contentsOf: label)
        bytes.append(contentsOf: wire)
        return DomainName(uncheckedWire: bytes)
    }

    /// The ancestor of this name with `count` labels (`count <= labelCount`).
    public func suffix(labels count: Int) -> DomainName {
        var drop = labelCount - count
        var index = 0
        while drop > 0 {
            index += 1 + Int(wire[index])
            drop -= 1
        }
        return DomainName(uncheckedWire: Array(wire[index...]))
    }

    static func equalIgnoringCase(_ lhs: ArraySlice<UInt8>, _ rhs: ArraySlice<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.withUnsafeBufferPointer { left in
            rhs.withUnsafeBufferPointer { right in equalIgnoringCase(left, right) }
        }
    }

    /// Wire forms equal but for the case of ASCII letters (RFC 4343).
    public static func equalIgnoringCase(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return equalLowered(left, right, count: lhs.count)
    }
}

/// An octet of a name lower-cased (RFC 4343: ASCII letters only).
@inlinable @inline(__always)
public func asciiLower(_ byte: UInt8) -> UInt8 {
    byte &- 65 < 26 ? byte | 0x20 : byte
}

extension DomainName: Hashable {
    public static func == (lhs: DomainName, rhs: DomainName) -> Bool {
        equalIgnoringCase(lhs.wire[...], rhs.wire[...])
    }

    public func hash(into hasher: inout Hasher) {
        // Length octets never fall in "A"..."Z", so lowering them is harmless.
        // The lowered copy is hashed in one call: names are hashed on every
        // cut, glue and target lookup.
        wire.withUnsafeBufferPointer { buffer in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count) { lowered in
                for index in 0..<buffer.count { lowered[index] = asciiLower(buffer[index]) }
                hasher.combine(bytes: UnsafeRawBufferPointer(lowered))
            }
        }
    }
}

extension DomainName: Comparable {
    /// RFC 4034 section 6.1: compare label by label from the right, each label
    /// as lower-cased octets, a shorter label that is a prefix sorting first.
    public static func < (lhs: DomainName, rhs: DomainName) -> Bool {
        canonicalCompare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 in canonical order.
    public static func canonicalCompare(_ lhs: DomainName, _ rhs: DomainName) -> Int {
        lhs.wire.withUnsafeBufferPointer { left in
            rhs.wire.withUnsafeBufferPointer { right in
                canonicalCompare(left, right)
            }
        }
    }

    /// Canonical comparison of two valid wire names.
    public static func canonicalCompare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        // Label start offsets, right to left; a name has at most 127 labels.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { leftStarts in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { rightStarts in
                let leftCount = labelStarts(left, into: leftStarts)
                let rightCount = labelStarts(right, into: rightStarts)
                var l = leftCount - 1, r = rightCount - 1
                while l >= 0 && r >= 0 {
                    let ls = Int(leftStarts[l]), rs = Int(rightStarts[r])
                    let llen = Int(left[ls]), rlen = Int(right[rs])
                    let common = min(llen, rlen)
                    var i = 1
                    while i <= common {
                        let a = asciiLower(left[ls + i]), b = asciiLower(right[rs + i])
                        if a != b { return a < b ? -1 : 1 }
                        i += 1
                    }
                    if llen != rlen { return llen < rlen ? -1 : 1 }
                    l -= 1
                    r -= 1
                }
                if l == r { return 0 }
                return l < r ? -1 : 1
            }
        }
    }

    /// How many rightmost labels two valid wire names share, ignoring case.
    public static func sharedLabelCount(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { leftStarts in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { rightStarts in
                let leftCount = labelStarts(left, into: leftStarts)
                let rightCount = labelStarts(right, into: rightStarts)
                var shared = 0
                while shared < min(leftCount, rightCount) {
                    let ls = Int(leftStarts[leftCount - 1 - shared]), rs = Int(rightStarts[rightCount - 1 - shared])
                    let length = Int(left[ls])
                    guard length == Int(right[rs]),
                          equalIgnoringCase(UnsafeBufferPointer(rebasing: left[ls..<(ls + 1 + length)]),
                                            UnsafeBufferPointer(rebasing: right[rs..<(rs + 1 + length)])) else { break }
                    shared += 1
                }
                return shared
            }
        }
    }

    private static func labelStarts(_ name: UnsafeBufferPointer<UInt8>, into starts: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < name.count && name[index] != 0 {
            starts[count] = UInt8(index)
            count += 1
            index += 1 + Int(name[index])
        }
        return count
    }
}

/// Why a name could not be made.
public enum NameError: Error, Sendable, Equatable, CustomStringConvertible {
    case labelTooLong
    case nameTooLong
    case emptyLabel
    case badEscape
    case relativeWithoutOrigin
    case malformedWire

    public var description: String {
        switch self {
        case .labelTooLong: "label longer than 63 octets"
        case .nameTooLong: "name longer than 255 octets"
        case .emptyLabel: "empty label"
        case .badEscape: "bad escape sequence"
        case .relativeWithoutOrigin: "relative name with no origin"
        case .malformedWire: "malformed wire-format name"
        }
    }
}
