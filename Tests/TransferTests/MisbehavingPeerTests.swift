import Foundation
import Testing
import LDNS
@testable import Transfer
import ZoneModel

/// AXFR against a small test server on 127.0.0.1 that answers wrongly on
/// purpose. Each misbehaviour must end in its own clear error, within the
/// (short) timeout, and never in a partial zone.
@Suite struct MisbehavingPeerTests {
    static let zone = TestRecords.name("example.")
    static let limits = TransferLimits(timeout: .seconds(2), maxRecords: 1000, maxBytes: 1 << 20)
    static let key = TSIGKey(name: TestRecords.name("xfr.example."), algorithm: .hmacSHA256, secret: Array(1...32))

    static func soa(serial: UInt32) throws -> Record {
        try TestRecords.record("example. 3600 IN SOA ns1.example. hostmaster.example. \(serial) 7200 3600 1209600 300")
    }

    static func hosts(_ range: Range<Int>, zone: String = "example.") throws -> [Record] {
        try range.map { try TestRecords.record("h\($0).\(zone) 300 IN A 192.0.2.\($0 % 250 + 1)") }
    }

    /// Transfers from a fake server and returns the error, failing the test if it succeeded.
    func failure(
        tsig: TSIGKey? = nil, limits: TransferLimits = Self.limits,
        _ behaviour: @escaping @Sendable (FakeDNSServer.Connection) -> Void
    ) throws -> TransferError.Kind? {
        let server = try FakeDNSServer(behaviour: behaviour)
        do {
            let transfer = try AXFRClient.transfer(zone: Self.zone, from: server.address, tsig: tsig, limits: limits)
            Issue.record("the transfer succeeded with \(transfer.records.count) records")
            return nil
        } catch {
            #expect(error.server == server.address)
            #expect(error.description.contains(server.address.description))
            return error.kind
        }
    }

    @Test func aTransferCutShortIsAnError() throws {
        let kind = try failure { connection in
            let records = try! [Self.soa(serial: 1)] + Self.hosts(0..<3)
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        #expect(kind == .cutShort(records: 4))
    }

    @Test func aConnectionClosedInsideAMessageIsCutShort() throws {
        let kind = try failure { connection in
            let message = TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 1)] + Self.hosts(0..<3))
            connection.sendRaw([UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message.prefix(30))
        }
        #expect(kind == .cutShort(records: 0))
    }

    @Test func recordsOutsideTheZoneAreAnError() throws {
        let kind = try failure { connection in
            let records = try! [Self.soa(serial: 1)] + Self.hosts(0..<2) + Self.hosts(0..<1, zone: "other.") + [Self.soa(serial: 1)]
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        #expect(kind == .outOfZone(owner: TestRecords.name("h0.other."), type: .a))
    }

    @Test func anEndlessStreamStopsAtTheRecordLimit() throws {
        let kind = try failure { connection in
            guard connection.send(TestMessage.response(to: connection.query, answers: [try! Self.soa(serial: 1)])) else { return }
            let batch = TestMessage.response(to: connection.query, answers: try! Self.hosts(0..<100))
            // Bounded: the client gives up long before this count.
            for _ in 0..<10_000 where connection.send(batch) {}
        }
        #expect(kind == .tooManyRecords(limit: 1000))
    }

    @Test func anEndlessStreamStopsAtTheByteLimit() throws {
        let limits = TransferLimits(timeout: .seconds(2), maxRecords: 1_000_000, maxBytes: 64 * 1024)
        let kind = try failure(limits: limits) { connection in
            guard connection.send(TestMessage.response(to: connection.query, answers: [try! Self.soa(serial: 1)])) else { return }
            let batch = TestMessage.response(to: connection.query, answers: try! Self.hosts(0..<100))
            for _ in 0..<10_000 where connection.send(batch) {}
        }
        #expect(kind == .tooManyBytes(limit: 64 * 1024))
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let kind = try failure { connection in connection.waitForClose() }
        #expect(kind == .timedOut("waiting for the first response"))
    }

    @Test func aServerThatStallsMidTransferTimesOut() throws {
        let kind = try failure { connection in
            connection.send(TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 1)] + Self.hosts(0..<5)))
            connection.waitForClose()
        }
        #expect(kind == .timedOut("waiting for more records after 6"))
    }

    @Test func differentOpeningAndClosingSOAsAreAnError() throws {
        let kind = try failure { connection in
            let records = try! [Self.soa(serial: 1)] + Self.hosts(0..<2) + [Self.soa(serial: 2)]
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        #expect(kind == .soaMismatch(first: 1, last: 2))
    }

    @Test func aRefusalNamesTheResponseCode() throws {
        let kind = try failure { connection in
            connection.send(TestMessage.response(to: connection.query, answers: [], rcode: 5))
        }
        #expect(kind == .refused(rcode: "REFUSED"))
    }

    @Test func aTransferNotStartingWithTheSOAIsMalformed() throws {
        let kind = try failure { connection in
            connection.send(TestMessage.response(to: connection.query, answers: try! Self.hosts(0..<2) + [Self.soa(serial: 1)]))
        }
        guard case let .malformed(reason)? = kind else { Issue.record("\(String(describing: kind))"); return }
        #expect(reason.contains("not the SOA of example."))
    }

    @Test func recordsAfterTheClosingSOAAreMalformed() throws {
        let kind = try failure { connection in
            let records = try! [Self.soa(serial: 1), Self.soa(serial: 1)] + Self.hosts(0..<1)
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        #expect(kind == .malformed("records after the closing SOA"))
    }

    @Test func aResponseWithAnotherIDIsMalformed() throws {
        let kind = try failure { connection in
            let id = DNSWire.uint16(connection.query, 0) &+ 1
            connection.send(TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 1), Self.soa(serial: 1)], id: id))
        }
        guard case let .malformed(reason)? = kind else { Issue.record("\(String(describing: kind))"); return }
        #expect(reason.contains("does not match the query"))
    }

    @Test func garbageIsMalformed() throws {
        let kind = try failure { connection in
            connection.send(Array(connection.query.prefix(12)) + [0xC0, 0xFF, 0xFF, 0xFF])
        }
        guard case .malformed? = kind else { Issue.record("\(String(describing: kind))"); return }
    }

    @Test func anUnsignedResponseToASignedRequestIsRefused() throws {
        let kind = try failure(tsig: Self.key) { connection in
            let records = try! [Self.soa(serial: 1)] + Self.hosts(0..<2) + [Self.soa(serial: 1)]
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        #expect(kind == .tsig(.unsigned))
    }

    @Test func aResponseSignedWithAnotherSecretIsRefused() throws {
        let kind = try failure(tsig: Self.key) { connection in
            let records = try! [Self.soa(serial: 1)] + Self.hosts(0..<2) + [Self.soa(serial: 1)]
            let forger = TSIGKey(name: Self.key.name, algorithm: .hmacSHA256, secret: Array(repeating: 9, count: 32))
            let response = TestMessage.response(to: connection.query, answers: records)
            connection.send(TSIGSigner.sign(response, key: forger, priorMAC: TestMessage.requestMAC(of: connection.query),
                                            timersOnly: false).message)
        }
        #expect(kind == .tsig(.badSignature))
    }

    @Test func aSignedTransferWithAnUnsignedMessageInTheMiddleIsAccepted() throws {
        let server = try FakeDNSServer { connection in
            let parts = [try! [Self.soa(serial: 7)] + Self.hosts(0..<3), try! Self.hosts(3..<6), try! Self.hosts(6..<9) + [Self.soa(serial: 7)]]
            let messages = parts.map { TestMessage.response(to: connection.query, answers: $0) }
            let first = TSIGSigner.sign(messages[0], key: Self.key, priorMAC: TestMessage.requestMAC(of: connection.query), timersOnly: false)
            connection.send(first.message)
            connection.send(messages[1])
            connection.send(TSIGSigner.sign(messages[2], key: Self.key, priorMAC: first.mac, unsignedBefore: [messages[1]],
                                            timersOnly: true).message)
        }
        let transfer = try AXFRClient.transfer(zone: Self.zone, from: server.address, tsig: Self.key, limits: Self.limits)
        #expect(transfer.records.count == 10)
        #expect(transfer.messageCount == 3)
        #expect(transfer.serial == 7)
        #expect(transfer.tsigKeyName == Self.key.name)
        #expect(transfer.records == (try [Self.soa(serial: 7)] + Self.hosts(0..<9)))
    }

    @Test func aSignedTransferEndingUnsignedIsRefused() throws {
        let kind = try failure(tsig: Self.key) { connection in
            let first = TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 7)] + Self.hosts(0..<3))
            connection.send(TSIGSigner.sign(first, key: Self.key, priorMAC: TestMessage.requestMAC(of: connection.query), timersOnly: false).message)
            connection.send(TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 7)]))
        }
        #expect(kind == .tsig(.lastMessageUnsigned))
    }

    @Test func aSignatureFromAnotherTimeIsRefused() throws {
        let kind = try failure(tsig: Self.key) { connection in
            let response = TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 1), Self.soa(serial: 1)])
            connection.send(TSIGSigner.sign(response, key: Self.key, priorMAC: TestMessage.requestMAC(of: connection.query),
                                            timersOnly: false, time: TSIGSigner.now() - 3600).message)
        }
        guard case .tsig(.badTime)? = kind else { Issue.record("\(String(describing: kind))"); return }
    }

    @Test func aServerThatTricklesIsStoppedByTheOverallLimit() throws {
        let limits = TransferLimits(timeout: .seconds(2), maxRecords: 1000, maxBytes: 1 << 20, maxDuration: .seconds(1))
        let kind = try failure(limits: limits) { connection in
            let message = TestMessage.response(to: connection.query, answers: try! [Self.soa(serial: 1)] + Self.hosts(0..<50))
            let framed = [UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message
            // One octet every 100 ms: each read is quick, the whole is not. Bounded by the message length.
            for byte in framed {
                guard connection.sendRaw([byte]) else { return }
                usleep(100_000)
            }
        }
        guard case .timedOut? = kind else { Issue.record("\(String(describing: kind))"); return }
    }

    @Test func aHostNameIsResolvedAndEachAddressTried() throws {
        // `localhost` may resolve to ::1 first, where nothing listens; 127.0.0.1 then answers.
        let server = try FakeDNSServer { connection in
            let records = try! [Self.soa(serial: 3)] + Self.hosts(0..<2) + [Self.soa(serial: 3)]
            connection.send(TestMessage.response(to: connection.query, answers: records))
        }
        let address = try ServerAddress(parsing: "localhost:\(server.port)")
        #expect(address.host == .name("localhost"))
        let transfer = try AXFRClient.transfer(AXFRSource(server: address, zone: Self.zone), limits: Self.limits)
        #expect(transfer.records.count == 3)
        #expect(transfer.tsigKeyName == nil)
    }

    @Test func nothingListeningIsUnreachable() throws {
        let port = try NSDServer.freePort()
        do {
            _ = try AXFRClient.transfer(zone: Self.zone, from: ServerAddress(host: .ipv4("127.0.0.1"), port: port), limits: Self.limits)
            Issue.record("a transfer from a closed port succeeded")
        } catch {
            guard case let .unreachable(reason) = error.kind else { Issue.record("\(error)"); return }
            #expect(reason.contains("refused"), "\(reason)")
        }
    }
}
