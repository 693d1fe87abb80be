import ZoneModel

/// Verifies the TSIG of each response to a signed request, message by
/// message (RFC 8945 sections 5.3 and 5.3.1): the first message must be
/// signed; later ones may leave up to 99 in a row unsigned, which the next
/// signed message's digest then covers; the last message must be signed.
struct TSIGResponseVerifier {
    let key: TSIGKey
    /// TSIG's clock, replaceable in tests.
    let now: @Sendable () -> UInt64
    private var digest: TSIGMAC
    private var signedMessages = 0
    private var unsignedInARow = 0

    init(key: TSIGKey, requestMAC: [UInt8], now: @escaping @Sendable () -> UInt64 = TSIGSigner.now) {
        self.key = key
        self.now = now
        digest = TSIGMAC(key: key)
        digest.updateWithLength(requestMAC)
    }

    /// Checks one message (the raw octets as received).
    mutating func verify(_ message: [UInt8]) throws(TSIGFailure) {
        guard let (record, start) = try TSIGRecord.find(in: message) else {
            guard signedMessages > 0 else { throw .unsigned }
            unsignedInARow += 1
            guard unsignedInARow <= 99 else { throw .tooManyUnsignedMessages }
            digest.update(message)
            return
        }
        guard record.keyName == key.name else { throw .wrongKey(record.keyName) }
        if record.error != 0 { throw .serverRejected(record.error) }
        guard TSIGAlgorithm(name: record.algorithm) == key.algorithm else { throw .wrongAlgorithm(record.algorithm) }
        guard record.mac.count == key.algorithm.macLength else {
            throw record.mac.count < key.algorithm.macLength ? .truncatedMAC(record.mac.count) : .badSignature
        }
        // The digest covers the message as it was before signing: without the
        // TSIG record, ARCOUNT one less, and the original ID.
        var stripped = Array(message[..<start])
        DNSWire.setUInt16(&stripped, DNSWire.arcountOffset, DNSWire.uint16(message, DNSWire.arcountOffset) - 1)
        DNSWire.setUInt16(&stripped, 0, record.originalID)
        digest.update(stripped)
        digest.update(record.variables(timersOnly: signedMessages > 0))
        let expected = digest.finalize()
        guard TSIGMAC.constantTimeEqual(expected, record.mac) else { throw .badSignature }
        let clock = now()
        let skew = clock > record.timeSigned ? clock - record.timeSigned : record.timeSigned - clock
        guard skew <= UInt64(record.fudge) else { throw .badTime(signed: record.timeSigned, now: clock, fudge: record.fudge) }

        signedMessages += 1
        unsignedInARow = 0
        digest = TSIGMAC(key: key)
        digest.updateWithLength(record.mac)
    }

    /// Call after the last message: the transfer must end on a signed one.
    func finish() throws(TSIGFailure) {
        guard signedMessages > 0 else { throw .unsigned }
        guard unsignedInARow == 0 else { throw .lastMessageUnsigned }
    }
}
