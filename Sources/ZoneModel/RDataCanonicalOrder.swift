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
        // Octets in a side's name region are lowered; the rest compare as they
        // are. Malformed RDATA has no region: `canonical` leaves it as read.
        let left = nameRegion(slots, lhs) ?? 0..<0, right = nameRegion(slots, rhs) ?? 0..<0
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

    /// Unsigned octet order, the shorter first when one is a prefix of the other.
    public static func octetOrder(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(lhs.count, rhs.count)
        if common > 0 {
            let order = memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return lhs.count == rhs.count ? 0 : (lhs.count < rhs.count ? -1 : 1)
    }
}
