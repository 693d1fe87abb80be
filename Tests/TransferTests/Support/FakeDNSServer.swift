import Foundation
@testable import Transfer
import ZoneModel

/// A small misbehaving DNS server on 127.0.0.1 for the tests: it accepts
/// connections one at a time, reads one query, and lets the test's behaviour
/// answer (or not). Stopped, and its thread joined, in deinit.
final class FakeDNSServer: @unchecked Sendable {
    /// One accepted connection, handed to the behaviour.
    final class Connection: @unchecked Sendable {
        let descriptor: Int32
        let query: [UInt8]

        init(descriptor: Int32, query: [UInt8]) {
            self.descriptor = descriptor
            self.query = query
        }

        /// Sends one length-prefixed message; false once the client has gone.
        @discardableResult
        func send(_ message: [UInt8]) -> Bool {
            sendRaw([UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message)
        }

        @discardableResult
        func sendRaw(_ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes[offset...].withUnsafeBytes {
                    Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
                }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }

        /// Blocks until the client closes its end (or 30 s pass).
        func waitForClose() {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            var buffer = [UInt8](repeating: 0, count: 512)
            for _ in 0..<300 {
                if poll(&poller, 1, 100) > 0 {
                    if recv(descriptor, &buffer, buffer.count, 0) <= 0 { return }
                }
            }
        }
    }

    let port: UInt16
    private let listener: Int32
    private let stopped = NSLock()
    private var isStopped = false
    private let finished = DispatchSemaphore(value: 0)

    var address: ServerAddress { ServerAddress(host: .ipv4("127.0.0.1"), port: port) }

    init(behaviour: @escaping @Sendable (Connection) -> Void) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw NSDError("socket failed") }
        self.listener = listener
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 && listen(listener, 8) == 0
            }
        }
        guard listening else {
            close(listener)
            throw NSDError("cannot listen on 127.0.0.1")
        }
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in
            serve(behaviour)
            finished.signal()
        }
        thread.start()
    }

    deinit {
        stopped.withLock { isStopped = true }
        finished.wait()
        close(listener)
    }

    private var shouldStop: Bool { stopped.withLock { isStopped } }

    private func serve(_ behaviour: @Sendable (Connection) -> Void) {
        while !shouldStop {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { continue }
            if let query = FakeDNSServer.readMessage(descriptor) {
                behaviour(Connection(descriptor: descriptor, query: query))
            }
            close(descriptor)
        }
    }

    private static func readMessage(_ descriptor: Int32) -> [UInt8]? {
        func readExactly(_ count: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            var offset = 0
            while offset < count {
                let received = bytes.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress! + offset, count - offset, 0) }
                if received <= 0 { return nil }
                offset += received
            }
            return bytes
        }
        guard let prefix = readExactly(2) else { return nil }
        return readExactly(Int(prefix[0]) << 8 | Int(prefix[1]))
    }
}

/// Builds DNS messages for the fake server: uncompressed, as the tests need them.
enum TestMessage {
    /// A response to `query` (ID and question copied) with the given answers.
    static func response(to query: [UInt8], answers: [Record], rcode: UInt8 = 0, id: UInt16? = nil) -> [UInt8] {
        let questionEnd = (DNSWire.skipName(query, from: 12) ?? 12) + 4
        var message: [UInt8] = []
        message.appendUInt16(id ?? DNSWire.uint16(query, 0))
        message.append(0x84) // QR, opcode QUERY, AA
        message.append(rcode)
        message.appendUInt16(1)
        message.appendUInt16(UInt16(answers.count))
        message.appendUInt16(0)
        message.appendUInt16(0)
        message.append(contentsOf: query[12..<questionEnd])
        for record in answers { message.append(contentsOf: record.wire()) }
        return message
    }

    /// The MAC of the query's TSIG, which the first signed response's digest covers.
    static func requestMAC(of query: [UInt8]) -> [UInt8]? {
        (try? TSIGRecord.find(in: query))??.record.mac
    }
}
