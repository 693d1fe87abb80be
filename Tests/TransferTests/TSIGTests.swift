import Testing
import LDNS
@testable import Transfer
import ZoneModel

/// The signer and verifier against each other; their agreement with an
/// independent implementation is tested against NSD (AXFRWithNSDTests).
@Suite struct TSIGTests {
    static let key = TSIGKey(name: TestRecords.name("k.example."), algorithm: .hmacSHA256, secret: Array(0..<32))
    static let time: UInt64 = 1_700_000_000

    func query() throws -> [UInt8] {
        try LDNSMessage.queryWire(id: 4242, question: LDNSQuestion(name: TestRecords.name("example."), type: .axfr),
                                  recursionDesired: false)
    }

    func answers(_ count: Int) throws -> [Record] {
        try (0..<count).map { try TestRecords.record("h\($0).example. 300 IN A 192.0.2.\($0 % 250)") }
    }

    @Test(arguments: TSIGAlgorithm.allCases)
    func aSignedResponseVerifiesWithEveryAlgorithm(algorithm: TSIGAlgorithm) throws {
        let key = TSIGKey(name: Self.key.name, algorithm: algorithm, secret: Array(0..<40))
        let request = TSIGSigner.signRequest(try query(), key: key, time: Self.time)
        #expect(TestMessage.requestMAC(of: request.message) == request.mac)
        #expect(request.mac.count == algorithm.macLength)
        let response = TestMessage.response(to: request.message, answers: try answers(3))
        let signed = TSIGSigner.sign(response, key: key, priorMAC: request.mac, timersOnly: false, time: Self.time)
        var verifier = TSIGResponseVerifier(key: key, requestMAC: request.mac, now: { Self.time + 10 })
        try verifier.verify(signed.message)
        try verifier.finish()
        // ldns reads the signed message and sees its TSIG.
        #expect(try LDNSMessage.parse(wire: signed.message).hasTSIG)
    }

    @Test func anyChangedOctetFailsVerification() throws {
        let request = TSIGSigner.signRequest(try query(), key: Self.key, time: Self.time)
        let signed = TSIGSigner.sign(TestMessage.response(to: request.message, answers: try answers(2)),
                                     key: Self.key, priorMAC: request.mac, timersOnly: false, time: Self.time).message
        let tsigStart = try #require(try TSIGRecord.find(in: signed)).start
        for position in stride(from: 0, to: tsigStart, by: 7) where position != 0 && position != 1 {
            var altered = signed
            altered[position] ^= 0x01
            var verifier = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { Self.time })
            #expect(throws: TSIGFailure.self, "octet \(position)") { try verifier.verify(altered) }
        }
    }

    @Test func wrongSecretUnsignedAndStaleAreEachTheirOwnFailure() throws {
        let request = TSIGSigner.signRequest(try query(), key: Self.key, time: Self.time)
        let response = TestMessage.response(to: request.message, answers: try answers(1))
        let other = TSIGKey(name: Self.key.name, algorithm: .hmacSHA256, secret: Array(repeating: 7, count: 32))
        func verify(_ message: [UInt8], now: UInt64 = Self.time) throws(TSIGFailure) {
            var verifier = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { now })
            try verifier.verify(message)
        }
        #expect(throws: TSIGFailure.badSignature) {
            try verify(TSIGSigner.sign(response, key: other, priorMAC: request.mac, timersOnly: false, time: Self.time).message)
        }
        #expect(throws: TSIGFailure.unsigned) { try verify(response) }
        let signed = TSIGSigner.sign(response, key: Self.key, priorMAC: request.mac, timersOnly: false, time: Self.time).message
        #expect(throws: TSIGFailure.badTime(signed: Self.time, now: Self.time + 301, fudge: 300)) {
            try verify(signed, now: Self.time + 301)
        }
        let renamed = TSIGKey(name: TestRecords.name("other.example."), algorithm: .hmacSHA256, secret: Self.key.secret)
        #expect(throws: TSIGFailure.wrongKey(renamed.name)) {
            try verify(TSIGSigner.sign(response, key: renamed, priorMAC: request.mac, timersOnly: false, time: Self.time).message)
        }
        let sha512 = TSIGKey(name: Self.key.name, algorithm: .hmacSHA512, secret: Self.key.secret)
        #expect(throws: TSIGFailure.wrongAlgorithm(TSIGAlgorithm.hmacSHA512.name)) {
            try verify(TSIGSigner.sign(response, key: sha512, priorMAC: request.mac, timersOnly: false, time: Self.time).message)
        }
        #expect(throws: TSIGFailure.serverRejected(17)) {
            try verify(TSIGSigner.sign(response, key: Self.key, priorMAC: request.mac, timersOnly: false, time: Self.time, error: 17).message)
        }
    }

    /// RFC 8945 section 5.3.1: later messages may go unsigned; the next signed
    /// one covers them, and the stream must end signed.
    @Test func unsignedIntermediateMessagesAreCoveredByTheNextSignature() throws {
        let request = TSIGSigner.signRequest(try query(), key: Self.key, time: Self.time)
        let messages = try (0..<4).map { TestMessage.response(to: request.message, answers: try answers($0 + 1)) }
        let first = TSIGSigner.sign(messages[0], key: Self.key, priorMAC: request.mac, timersOnly: false, time: Self.time)
        let last = TSIGSigner.sign(messages[3], key: Self.key, priorMAC: first.mac, unsignedBefore: [messages[1], messages[2]],
                                   timersOnly: true, time: Self.time)

        var verifier = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { Self.time })
        try verifier.verify(first.message)
        try verifier.verify(messages[1])
        try verifier.verify(messages[2])
        try verifier.verify(last.message)
        try verifier.finish()

        // An unsigned message altered in transit breaks the next signature.
        var tampered = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { Self.time })
        try tampered.verify(first.message)
        var altered = messages[1]
        altered[altered.count - 1] ^= 1
        try tampered.verify(altered)
        try tampered.verify(messages[2])
        #expect(throws: TSIGFailure.badSignature) { try tampered.verify(last.message) }

        // Ending on an unsigned message is refused.
        var unfinished = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { Self.time })
        try unfinished.verify(first.message)
        try unfinished.verify(messages[1])
        #expect(throws: TSIGFailure.lastMessageUnsigned) { try unfinished.finish() }
    }

    @Test func moreThan99UnsignedMessagesAreRefused() throws {
        let request = TSIGSigner.signRequest(try query(), key: Self.key, time: Self.time)
        let message = TestMessage.response(to: request.message, answers: try answers(1))
        var verifier = TSIGResponseVerifier(key: Self.key, requestMAC: request.mac, now: { Self.time })
        try verifier.verify(TSIGSigner.sign(message, key: Self.key, priorMAC: request.mac, timersOnly: false, time: Self.time).message)
        for _ in 0..<99 { try verifier.verify(message) }
        #expect(throws: TSIGFailure.tooManyUnsignedMessages) { try verifier.verify(message) }
    }
}
