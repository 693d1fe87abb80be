#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A DNS server as the user named it: an IPv4 address, an IPv6 address, or a
/// host name, and a port. Host names are resolved (getaddrinfo) only when a
/// connection is made, because only a live source needs them.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Host: Sendable, Hashable {
        case ipv4(String)
        /// Without brackets; may carry a `%zone` suffix.
        case ipv6(String)
        case name(String)
    }

    public var host: Host
    public var port: UInt16

    public static let defaultPort: UInt16 = 53

    public init(host: Host, port: UInt16 = ServerAddress.defaultPort) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST[:PORT]`: `192.0.2.1`, `192.0.2.1:5353`, `[2001:db8::1]:5353`,
    /// `2001:db8::1` (an IPv6 address without brackets has no port),
    /// `ns1.example.net`, `ns1.example.net:5353`.
    public init(parsing text: String) throws(SourceAddressError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty(text) }
        if bytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) {
            throw .badHost(text, "contains spaces or non-ASCII characters")
        }
        if bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else {
                throw .badHost(text, "missing ']' after the IPv6 address")
            }
            let inside = String(decoding: bytes[1..<close], as: UTF8.self)
            guard ServerAddress.isIPv6(inside) else { throw .badHost(text, "'\(inside)' is not an IPv6 address") }
            let rest = bytes[(close + 1)...]
            var port = ServerAddress.defaultPort
            if !rest.isEmpty {
                guard rest.first == UInt8(ascii: ":") else {
                    throw .badHost(text, "expected ':PORT' after ']'")
                }
                port = try ServerAddress.parsePort(String(decoding: rest.dropFirst(), as: UTF8.self), in: text)
            }
            self.init(host: .ipv6(inside), port: port)
            return
        }
        let colons = bytes.filter { $0 == UInt8(ascii: ":") }.count
        if colons > 1 {
            guard ServerAddress.isIPv6(text) else { throw .badHost(text, "not an IPv6 address (write [ADDRESS]:PORT for a port)") }
            self.init(host: .ipv6(text), port: ServerAddress.defaultPort)
            return
        }
        var hostPart = text
        var port = ServerAddress.defaultPort
        if colons == 1, let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            hostPart = String(decoding: bytes[..<colon], as: UTF8.self)
            port = try ServerAddress.parsePort(String(decoding: bytes[(colon + 1)...], as: UTF8.self), in: text)
        }
        guard !hostPart.isEmpty else { throw .badHost(text, "no host before ':'") }
        self.init(host: try ServerAddress.parseHost(hostPart, in: text), port: port)
    }

    /// `192.0.2.1:53`, `[2001:db8::1]:53`, `ns1.example.net:53`.
    public var description: String {
        switch host {
        case let .ipv4(address): "\(address):\(port)"
        case let .ipv6(address): "[\(address)]:\(port)"
        case let .name(name): "\(name):\(port)"
        }
    }

    /// The host as getaddrinfo takes it.
    public var hostString: String {
        switch host {
        case let .ipv4(text), let .ipv6(text), let .name(text): text
        }
    }

    static func parsePort(_ text: String, in whole: String) throws(SourceAddressError) -> UInt16 {
        guard !text.isEmpty, text.utf8.count <= 5, text.utf8.allSatisfy({ $0 &- 48 < 10 }),
              let value = Int(text), value > 0, value <= 65535
        else { throw .badPort(whole, text) }
        return UInt16(value)
    }

    static func parseHost(_ text: String, in whole: String) throws(SourceAddressError) -> Host {
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 &- 48 < 10 || $0 == UInt8(ascii: ".") }) {
            guard isIPv4(text) else { throw .badHost(whole, "'\(text)' is not an IPv4 address") }
            return .ipv4(text)
        }
        // A host name: LDH labels (underscores tolerated, as resolvers do), at most 253 octets.
        let name = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !name.isEmpty, name.utf8.count <= 253 else { throw .badHost(whole, "'\(text)' is not a host name") }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63,
                  label.utf8.allSatisfy({ byte in
                      byte &- 48 < 10 || (byte | 0x20) &- 97 < 26 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                  }),
                  label.first != "-", label.last != "-"
            else { throw .badHost(whole, "'\(text)' is not a host name") }
        }
        return .name(text)
    }

    static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        // A `%zone` suffix (link-local scope) is left to getaddrinfo.
        let address = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = address.first, address.count == 1 || !address[1].isEmpty else { return false }
        var storage = in6_addr()
        return inet_pton(AF_INET6, String(first), &storage) == 1
    }
}

/// Why a server address or a source URL could not be read.
public enum SourceAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty(String)
    case badHost(String, String)
    case badPort(String, String)
    case badURL(String, String)
    case badZone(String, String)

    public var description: String {
        switch self {
        case let .empty(text): "'\(text)': no server address given"
        case let .badHost(text, why): "'\(text)': \(why)"
        case let .badPort(text, port): "'\(text)': '\(port)' is not a port number (1-65535)"
        case let .badURL(text, why): "'\(text)': \(why); expected axfr://HOST[:PORT]/ZONE"
        case let .badZone(text, why): "'\(text)': bad zone name: \(why)"
        }
    }
}
