import Crypto

/// An HMAC in progress for one TSIG algorithm. (swift-crypto, because ldns
/// 1.8.3 cannot compute hmac-sha384: its table misspells it `hmac-shac384.`.)
struct TSIGMAC {
    private enum State {
        case sha1(HMAC<Insecure.SHA1>)
        case sha256(HMAC<SHA256>)
        case sha384(HMAC<SHA384>)
        case sha512(HMAC<SHA512>)
    }

    private var state: State

    init(key: TSIGKey) {
        let symmetric = SymmetricKey(data: key.secret)
        switch key.algorithm {
        case .hmacSHA1: state = .sha1(HMAC(key: symmetric))
        case .hmacSHA256: state = .sha256(HMAC(key: symmetric))
        case .hmacSHA384: state = .sha384(HMAC(key: symmetric))
        case .hmacSHA512: state = .sha512(HMAC(key: symmetric))
        }
    }

    mutating func update(_ bytes: [UInt8]) {
        switch state {
        case var .sha1(mac): mac.update(data: bytes); state = .sha1(mac)
        case var .sha256(mac): mac.update(data: bytes); state = .sha256(mac)
        case var .sha384(mac): mac.update(data: bytes); state = .sha384(mac)
        case var .sha512(mac): mac.update(data: bytes); state = .sha512(mac)
        }
    }

    /// Appends a 16-bit length and the octets (the form a prior MAC takes in the digest).
    mutating func updateWithLength(_ bytes: [UInt8]) {
        update([UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)])
        update(bytes)
    }

    func finalize() -> [UInt8] {
        switch state {
        case let .sha1(mac): Array(mac.finalize())
        case let .sha256(mac): Array(mac.finalize())
        case let .sha384(mac): Array(mac.finalize())
        case let .sha512(mac): Array(mac.finalize())
        }
    }

    /// Compares without an early exit, so the time taken says nothing about the MAC.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
