/// SipHash-1-3 (the keyed hash Swift's `Hasher` uses) of a name's wire form
/// with ASCII letters lower-cased (RFC 4343), eight octets at a time and
/// without a lowered copy: the owner index hashes every owner of a zone,
/// and `Hasher`'s byte buffering plus the copy cost twice as much.
///
/// Keyed with random octets per hasher, as `Hasher` is per process: zone
/// files are untrusted, and a hash an attacker can predict lets crafted
/// names pile into one probe run.
public struct NameHasher: Sendable {
    private let key0: UInt64
    private let key1: UInt64

    /// A hasher with a fresh random key.
    public init() {
        var generator = SystemRandomNumberGenerator()
        self.init(key0: generator.next(), key1: generator.next())
    }

    init(key0: UInt64, key1: UInt64) {
        self.key0 = key0
        self.key1 = key1
    }

    /// The hash of `wire` with ASCII upper-case letters taken as lower-case.
    @inline(__always)
    public func hash(_ wire: UnsafeBufferPointer<UInt8>) -> UInt64 {
        siphash(wire, compressionRounds: 1, finalizationRounds: 3, lowering: true)
    }

    /// SipHash-c-d of `bytes` (lowered first when `lowering`); tests check
    /// SipHash-2-4 against the reference vectors.
    @inline(__always)
    func siphash(_ bytes: UnsafeBufferPointer<UInt8>, compressionRounds: Int, finalizationRounds: Int,
                 lowering: Bool) -> UInt64 {
        var v0 = key0 ^ 0x736f_6d65_7073_6575
        var v1 = key1 ^ 0x646f_7261_6e64_6f6d
        var v2 = key0 ^ 0x6c79_6765_6e65_7261
        var v3 = key1 ^ 0x7465_6462_7974_6573
        @inline(__always) func round() {
            v0 = v0 &+ v1; v1 = v1.rotatedLeft(13); v1 ^= v0; v0 = v0.rotatedLeft(32)
            v2 = v2 &+ v3; v3 = v3.rotatedLeft(16); v3 ^= v2
            v0 = v0 &+ v3; v3 = v3.rotatedLeft(21); v3 ^= v0
            v2 = v2 &+ v1; v1 = v1.rotatedLeft(17); v1 ^= v2; v2 = v2.rotatedLeft(32)
        }
        @inline(__always) func absorb(_ word: UInt64) {
            v3 ^= word
            for _ in 0..<compressionRounds { round() }
            v0 ^= word
        }
        let count = bytes.count
        let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
        var offset = 0
        while offset + 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            absorb(lowering ? NameHasher.lowered(word) : word)
            offset += 8
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        var shift: UInt64 = 0
        while offset < count {
            last |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
            shift += 8
            offset += 1
        }
        // The length octet (top) is never an upper-case letter's position
        // that matters: lower only the data octets below it.
        absorb(lowering ? (last & 0xFF00_0000_0000_0000) | NameHasher.lowered(last & 0x00FF_FFFF_FFFF_FFFF) : last)
        v2 ^= 0xFF
        for _ in 0..<finalizationRounds { round() }
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// The eight octets of `word` with `A`-`Z` turned to `a`-`z`, all at once:
    /// an octet's high bit marks it at least `A` (0x41) and another at least
    /// `[` (0x5B), on its low seven bits; octets of 0x80 and above stay.
    @inline(__always)
    static func lowered(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = word & (ones &* 0x7F)
        let atLeastA = low &+ ones &* (0x80 - 0x41)
        let pastZ = low &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~pastZ & ~word & (ones &* 0x80)
        return word | (upper >> 2)
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
