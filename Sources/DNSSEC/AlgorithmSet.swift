/// A set of DNSSEC algorithm numbers in 256 bits: the signature pass notes
/// the algorithms signing each RRset without an array per RRset.
struct AlgorithmSet {
    private var low: (UInt64, UInt64) = (0, 0)
    private var high: (UInt64, UInt64) = (0, 0)

    mutating func insert(_ algorithm: UInt8) {
        let bit = UInt64(1) << (algorithm & 63)
        switch algorithm >> 6 {
        case 0: low.0 |= bit
        case 1: low.1 |= bit
        case 2: high.0 |= bit
        default: high.1 |= bit
        }
    }

    func contains(_ algorithm: UInt8) -> Bool {
        let bit = UInt64(1) << (algorithm & 63)
        switch algorithm >> 6 {
        case 0: return low.0 & bit != 0
        case 1: return low.1 & bit != 0
        case 2: return high.0 & bit != 0
        default: return high.1 & bit != 0
        }
    }
}
