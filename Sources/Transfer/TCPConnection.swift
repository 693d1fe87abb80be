#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP connection whose every wait is bounded: connecting and
/// each read or write give up after `timeout`, and never past `deadline`.
/// The socket is closed in deinit.
final class TCPConnection {
    enum Failure: Error {
        /// getaddrinfo failed, or every address refused or was unreachable.
        case unreachable(String)
        case timedOut
        /// The peer closed the connection.
        case closed
        case io(String)
    }

    private let descriptor: Int32
    let timeout: Duration
    let deadline: ContinuousClock.Instant?

    private init(descriptor: Int32, timeout: Duration, deadline: ContinuousClock.Instant?) {
        self.descriptor = descriptor
        self.timeout = timeout
        self.deadline = deadline
    }

    deinit { close(descriptor) }

    /// Resolves the server (getaddrinfo; numeric addresses are not looked up)
    /// and connects to the first address that answers.
    static func connect(
        to server: ServerAddress, timeout: Duration, deadline: ContinuousClock.Instant? = nil
    ) throws(Failure) -> TCPConnection {
        var hints = addrinfo()
        hints.ai_socktype = socketStream
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        switch server.host {
        case .ipv4:
            hints.ai_family = AF_INET
            hints.ai_flags |= AI_NUMERICHOST
        case .ipv6:
            hints.ai_family = AF_INET6
            hints.ai_flags |= AI_NUMERICHOST
        case .name:
            hints.ai_family = AF_UNSPEC
        }
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(server.hostString, String(server.port), &hints, &list)
        guard status == 0, let list else {
            throw .unreachable("cannot resolve \(server.hostString): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }

        var lastFailure = Failure.unreachable("no address for \(server.hostString)")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            do {
                return try connect(current.pointee, timeout: timeout, deadline: deadline)
            } catch {
                lastFailure = error
            }
        }
        throw lastFailure
    }

    private static func connect(
        _ address: addrinfo, timeout: Duration, deadline: ContinuousClock.Instant?
    ) throws(Failure) -> TCPConnection {
        let descriptor = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard descriptor >= 0 else { throw .unreachable("socket: \(errorText())") }
        let connection = TCPConnection(descriptor: descriptor, timeout: timeout, deadline: deadline)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        #if canImport(Darwin)
        var one: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        if socketConnect(descriptor, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS else { throw .unreachable(errorText()) }
            try connection.wait(for: Int16(POLLOUT))
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else {
                throw .unreachable(errorText())
            }
            guard error == 0 else { throw .unreachable(String(cString: strerror(error))) }
        }
        return connection
    }

    /// Waits until the socket is ready, at most `timeout` and never past `deadline`.
    private func wait(for events: Int16) throws(Failure) {
        let start = ContinuousClock.now
        var limit = start.advanced(by: timeout)
        if let deadline, deadline < limit { limit = deadline }
        while true {
            let remaining = ContinuousClock.now.duration(to: limit)
            guard remaining > .zero else { throw .timedOut }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var poller = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .io("poll: \(TCPConnection.errorText())")
            }
            if ready > 0 { return }
        }
    }

    func send(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            try wait(for: Int16(POLLOUT))
            let sent = bytes[offset...].withUnsafeBytes { buffer in
                socketSend(descriptor, buffer.baseAddress, buffer.count)
            }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                if errno == EPIPE || errno == ECONNRESET { throw .closed }
                throw .io("send: \(TCPConnection.errorText())")
            }
            offset += sent
        }
    }

    /// Reads exactly `count` octets; `.closed` when the peer closes first.
    func receive(exactly count: Int) throws(Failure) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            try wait(for: Int16(POLLIN))
            let received = bytes.withUnsafeMutableBytes { buffer in
                recv(descriptor, buffer.baseAddress! + offset, count - offset, 0)
            }
            if received < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                if errno == ECONNRESET { throw .closed }
                throw .io("recv: \(TCPConnection.errorText())")
            }
            if received == 0 { throw .closed }
            offset += received
        }
        return bytes
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

#if canImport(Glibc)
private let socketStream = Int32(SOCK_STREAM.rawValue)
private func socketConnect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
    Glibc.connect(fd, address, length)
}
private func socketSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
}
#elseif canImport(Darwin)
private let socketStream = SOCK_STREAM
private func socketConnect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>!, _ length: socklen_t) -> Int32 {
    Darwin.connect(fd, address, length)
}
private func socketSend(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    Darwin.send(fd, bytes, count, 0)
}
#endif
