import LDNS
import ZoneModel

/// One query sent over TCP and the responses read back, each checked before
/// anyone looks at its records: the length bounds, the ID, the header, the
/// question, TSIG (when a key is in use) and the response code.
final class DNSExchange {
    enum Next {
        case message(LDNSMessage)
        /// The server closed the connection; `midMessage` when inside a message.
        case closed(midMessage: Bool)
    }

    let server: ServerAddress
    let question: LDNSQuestion
    let operation: String
    private let connection: TCPConnection
    private let queryID: UInt16
    private let maxBytes: Int
    private let acceptedRcodes: Set<UInt16>
    private var verifier: TSIGResponseVerifier?
    private(set) var bytesReceived = 0
    private(set) var messagesReceived = 0

    init(
        server: ServerAddress, question: LDNSQuestion, recursionDesired: Bool, tsig: TSIGKey?,
        limits: TransferLimits, acceptedRcodes: Set<UInt16> = [0],
        clock: @escaping @Sendable () -> UInt64 = TSIGSigner.now
    ) throws(TransferError) {
        self.server = server
        self.acceptedRcodes = acceptedRcodes
        self.question = question
        self.operation = question.type == .axfr ? "AXFR" : question.type.mnemonic
        self.maxBytes = limits.maxBytes
        let zone = question.name
        let operation = self.operation
        func failure(_ kind: TransferError.Kind) -> TransferError {
            TransferError(kind, server: server, zone: zone, operation: operation)
        }

        let id = UInt16.random(in: 0...UInt16.max)
        queryID = id
        var query: [UInt8]
        do throws(LDNSError) {
            query = try LDNSMessage.queryWire(id: id, question: question, recursionDesired: recursionDesired)
        } catch {
            throw failure(.malformed("cannot build the query: \(error)"))
        }
        if let tsig {
            let signed = TSIGSigner.signRequest(query, key: tsig, time: clock())
            query = signed.message
            verifier = TSIGResponseVerifier(key: tsig, requestMAC: signed.mac, now: clock)
        }

        let deadline = limits.maxDuration.map { ContinuousClock.now.advanced(by: $0) }
        do throws(TCPConnection.Failure) {
            connection = try TCPConnection.connect(to: server, timeout: limits.timeout, deadline: deadline)
        } catch {
            throw failure(DNSExchange.kind(of: error, waiting: "connecting"))
        }
        var framed: [UInt8] = [UInt8(query.count >> 8), UInt8(query.count & 0xFF)]
        framed.append(contentsOf: query)
        do throws(TCPConnection.Failure) {
            try connection.send(framed)
        } catch {
            throw failure(DNSExchange.kind(of: error, waiting: "sending the query"))
        }
    }

    private func failure(_ kind: TransferError.Kind) -> TransferError {
        TransferError(kind, server: server, zone: question.name, operation: operation)
    }

    private static func kind(of error: TCPConnection.Failure, waiting: String) -> TransferError.Kind {
        switch error {
        case let .unreachable(reason): .unreachable(reason)
        case .timedOut: .timedOut(waiting)
        case .closed: .unreachable("the connection closed while \(waiting)")
        case let .io(reason): .unreachable(reason)
        }
    }

    /// Reads and checks the next message. `waiting` says, for a timeout's
    /// message, what was awaited.
    func next(waiting: @autoclosure () -> String) throws(TransferError) -> Next {
        let prefix: [UInt8]
        do throws(TCPConnection.Failure) {
            prefix = try connection.receive(exactly: 2)
        } catch .closed {
            return .closed(midMessage: false)
        } catch {
            throw failure(DNSExchange.kind(of: error, waiting: waiting()))
        }
        let length = Int(prefix[0]) << 8 | Int(prefix[1])
        guard length >= DNSWire.headerSize else { throw failure(.malformed("a \(length)-octet message")) }
        guard bytesReceived + 2 + length <= maxBytes else { throw failure(.tooManyBytes(limit: maxBytes)) }
        let wire: [UInt8]
        do throws(TCPConnection.Failure) {
            wire = try connection.receive(exactly: length)
        } catch .closed {
            return .closed(midMessage: true)
        } catch {
            throw failure(DNSExchange.kind(of: error, waiting: waiting()))
        }
        bytesReceived += 2 + length
        messagesReceived += 1
        return .message(try check(wire))
    }

    private func check(_ wire: [UInt8]) throws(TransferError) -> LDNSMessage {
        let message: LDNSMessage
        do throws(LDNSError) {
            message = try LDNSMessage.parse(wire: wire)
        } catch {
            throw failure(.malformed("message \(messagesReceived) does not parse: \(error.message)"))
        }
        guard message.id == queryID else {
            throw failure(.malformed("message ID \(message.id) does not match the query's \(queryID)"))
        }
        guard message.isResponse, message.opcode == 0 else {
            throw failure(.malformed("message \(messagesReceived) is not a response to a standard query"))
        }
        if verifier != nil {
            do throws(TSIGFailure) {
                try verifier!.verify(wire)
            } catch .unsigned where message.rcode != 0 {
                // An unsigned error response: the server did not take the
                // request; report its answer (which is an error either way).
                throw failure(.refused(rcode: LDNSMessage.rcodeName(message.rcode)))
            } catch {
                throw failure(.tsig(error))
            }
        }
        guard acceptedRcodes.contains(message.rcode) else { throw failure(.refused(rcode: LDNSMessage.rcodeName(message.rcode))) }
        guard !message.isTruncated else { throw failure(.malformed("truncated (TC) over TCP")) }
        guard message.question.count <= 1 else { throw failure(.malformed("\(message.question.count) questions")) }
        if let asked = message.question.first, asked != question {
            throw failure(.malformed("the response is for \(asked.name) \(asked.type), not the question asked"))
        }
        return message
    }

    /// After the last message: the TSIG rules for the end of a stream.
    func finish() throws(TransferError) {
        guard let verifier else { return }
        do throws(TSIGFailure) {
            try verifier.finish()
        } catch {
            throw failure(.tsig(error))
        }
    }
}
