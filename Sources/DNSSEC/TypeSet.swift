import ZoneModel

/// A set of RR types as a bitmap: types below 256 (all common ones) in four
/// words, rarer ones in a small sorted list. Building and comparing one costs
/// no allocation, which matters when every owner of a large zone is checked.
struct TypeSet: Equatable, Sendable {
    private var low: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var high: [UInt16] = []

    init() {}

    init(_ types: some Sequence<RRType>) {
        for type in types { insert(type) }
    }

    /// The types an NSEC or NSEC3 type bitmap lists (RFC 4034 section
    /// 4.1.2), read in place; nil when the bitmap is malformed.
    init?(bitmap: UnsafeBufferPointer<UInt8>) {
        var set = TypeSet()
        guard TypeBitmap.forEachType(in: bitmap, { set.insert($0) }) else { return nil }
        self = set
    }

    mutating func insert(_ type: RRType) {
        let value = type.rawValue
        guard value < 256 else {
            // Types come in ascending order from a zone's table: appended.
            // Otherwise (or repeated) found by binary search, so an owner
            // holding thousands of TYPEnnn RRsets costs no sort per type.
            if let last = high.last, value <= last {
                let place = highPlace(value)
                if high[place] != value { high.insert(value, at: place) }
            } else {
                high.append(value)
            }
            return
        }
        let bit = UInt64(1) << UInt64(value & 63)
        switch value >> 6 {
        case 0: low.0 |= bit
        case 1: low.1 |= bit
        case 2: low.2 |= bit
        default: low.3 |= bit
        }
    }

    mutating func remove(_ type: RRType) {
        let value = type.rawValue
        guard value < 256 else {
            high.removeAll { $0 == value }
            return
        }
        let mask = ~(UInt64(1) << UInt64(value & 63))
        switch value >> 6 {
        case 0: low.0 &= mask
        case 1: low.1 &= mask
        case 2: low.2 &= mask
        default: low.3 &= mask
        }
    }

    func contains(_ type: RRType) -> Bool {
        let value = type.rawValue
        guard value < 256 else {
            let place = highPlace(value)
            return place < high.count && high[place] == value
        }
        let bit = UInt64(1) << UInt64(value & 63)
        switch value >> 6 {
        case 0: return low.0 & bit != 0
        case 1: return low.1 & bit != 0
        case 2: return low.2 & bit != 0
        default: return low.3 & bit != 0
        }
    }

    /// Where `value` is, or would go, in `high`.
    private func highPlace(_ value: UInt16) -> Int {
        high.indices.partitionPoint { high[$0] < value }
    }

    var isEmpty: Bool { low.0 == 0 && low.1 == 0 && low.2 == 0 && low.3 == 0 && high.isEmpty }

    /// The types in ascending order.
    var types: [RRType] {
        var result: [RRType] = []
        for (index, word) in [low.0, low.1, low.2, low.3].enumerated() where word != 0 {
            for bit in 0..<64 where word & (UInt64(1) << UInt64(bit)) != 0 {
                result.append(RRType(UInt16(index * 64 + bit)))
            }
        }
        return result + high.map { RRType($0) }
    }

    static func == (lhs: TypeSet, rhs: TypeSet) -> Bool {
        lhs.low == rhs.low && lhs.high == rhs.high
    }
}
