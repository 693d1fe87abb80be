import Crypto
import ZoneModel

/// The identity of one cryptographically good signature, for the verification
/// cache: SHA-256 over a version tag, the exact octets the RRSIG signs (its
/// RDATA without the Signature field, then the canonical RRset, as built for
/// verification), the signature and the DNSKEY RDATA that verified it. Any
/// change to the RRset, the RRSIG (validity window included) or the key gives
/// another digest, so only the very same proof is ever taken from a cache.
public struct SignatureDigest: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Four words rather than an array: a cache of a million digests is a set
    // of plain values, hashed and compared without heap traffic.
    private let word0, word1, word2, word3: UInt64

    /// The length of `bytes`.
    public static let byteCount = 32

    /// A digest from its 32 octets (as stored by a cache); nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == SignatureDigest.byteCount else { return nil }
        // A cache loads a million of these: read the octets through one
        // contiguous buffer when the collection has one.
        if let digest = bytes.withContiguousStorageIfAvailable({ SignatureDigest(UnsafeRawBufferPointer($0)) }) {
            self = digest
        } else {
            self = Array(bytes).withUnsafeBytes { SignatureDigest($0) }
        }
    }

    /// From exactly 32 octets.
    private init(_ octets: UnsafeRawBufferPointer) {
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in offset..<(offset + 8) { value = value << 8 | UInt64(octets[index]) }
            return value
        }
        (word0, word1, word2, word3) = (word(0), word(8), word(16), word(24))
    }

    /// The digest of one signature made over `signedData` and checked with a key.
    init(signedData: [UInt8], signature: [UInt8], dnskeyRData: [UInt8]) {
        var hasher = SHA256()
        SignatureDigest.field(Array(SignatureDigest.versionTag.utf8), into: &hasher)
        SignatureDigest.field(signedData, into: &hasher)
        SignatureDigest.field(signature, into: &hasher)
        SignatureDigest.field(dnskeyRData, into: &hasher)
        self = hasher.finalize().withUnsafeBytes { SignatureDigest($0) }
    }

    /// Changes when what goes into the digest changes, so an old cache misses
    /// instead of matching something else.
    static let versionTag = "zoneaudit-signature-cache-v1"

    /// Length-prefixed, so that no two inputs run together.
    private static func field(_ value: [UInt8], into hasher: inout SHA256) {
        let count = UInt32(truncatingIfNeeded: value.count)
        hasher.update(data: [UInt8(count >> 24), UInt8((count >> 16) & 0xFF), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)])
        hasher.update(data: value)
    }

    /// The 32 octets, big-endian word by word.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(SignatureDigest.byteCount)
        for word in [word0, word1, word2, word3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return out
    }

    /// 64 lower-case hex digits.
    public var description: String {
        bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    public static func < (lhs: SignatureDigest, rhs: SignatureDigest) -> Bool {
        (lhs.word0, lhs.word1, lhs.word2, lhs.word3) < (rhs.word0, rhs.word1, rhs.word2, rhs.word3)
    }
}
