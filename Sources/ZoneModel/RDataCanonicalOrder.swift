#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RDataCanonicalForm {
    /// RFC 4034 section 6.3 order (-1, 0, 1) of two RDATA of `type`: their
    /// canonical forms compared as octet strings, without making those
    /// forms. The zone builder compares every record with its neighbour to
    /// find duplicates; a copy of both sides per comparison was most of
    /// that work.
    static func order(type: RRType, _ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        guard let slots = slots(for: type) else { return octetOrder(lhs, rhs) }
        // Octets [nameStart, nameEnd) are lowered; the rest compare as they are.
        guard let left = nameRegion(slots, lhs), let right = nameRegion(slots, rhs) else {
            // Malformed: what `canonical` gives then (the octets as read).
            let leftForm = canonical(type: type, rdata: Array(lhs))
            let rightForm = canonical(type: type, rdata: Array(rhs))
            return leftForm.withUnsafeBufferPointer { l in rightForm.withUnsafeBufferPointer { r in octetOrder(l, r) } }
        }
        let common = min(lhs.count, rhs.count)
        var index = 0
        while index < common {
            var a = lhs[index], b = rhs[index]
            if index >= left.lowerBound && index < left.upperBound && a &- 65 < 26 { a |= 0x20 }
            if index >= right.lowerBound && index < right.upperBound && b &- 65 < 26 { b |= 0x20 }
            if a != b { return a < b ? -1 : 1 }
            index += 1
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }

    /// Where the names to lower lie in `rdata`, as `canonical` finds them;
    /// nil when the RDATA is malformed.
    private static func nameRegion(_ slots: NameSlots, _ rdata: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index: Int
        let count: Int
        switch slots {
        case let .names(offset, names):
            index = offset
            count = names
        case .naptr:
            index = 4
            for _ in 0..<3 {
                guard index < rdata.count else { return nil }
                index += 1 + Int(rdata[index])
            }
            count = 1
        }
        let start = index
        for _ in 0..<count {
            guard let length = wireNameLength(rdata, at: index) else { return nil }
            index += length
        }
        return start..<index
    }

    /// `DomainName.wireLength` of the name at `start`.
    private static func wireNameLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
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

    static func octetOrder(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0 {
            let order = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
