import ZoneDiff

/// An IPv4 or IPv6 prefix (`192.0.2.0/24`, `2001:db8::/32`); a bare
/// address is a single-address prefix.
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    /// 4 or 16 octets, host bits zero.
    public let network: [UInt8]
    public let prefixLength: Int

    public init?(network: [UInt8], prefixLength: Int) {
        guard network.count == 4 || network.count == 16, (0...(network.count * 8)).contains(prefixLength) else {
            return nil
        }
        self.network = network
        self.prefixLength = prefixLength
    }

    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case badAddress(String)
        case badPrefix(String)
        case hostBitsSet(String)

        public var description: String {
            switch self {
            case let .badAddress(text): "'\(text)' is not an IPv4 or IPv6 address or prefix"
            case let .badPrefix(text): "bad prefix length in '\(text)'"
            case let .hostBitsSet(text): "'\(text)' has bits set after the prefix length"
            }
        }
    }

    public static func parse(_ text: String) -> Result<AddressRange, ParseError> {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress.parse(String(parts[0])) else { return .failure(.badAddress(text)) }
        var length = address.count * 8
        if parts.count == 2 {
            guard let value = Int(parts[1]), !parts[1].hasPrefix("+"), (0...length).contains(value) else {
                return .failure(.badPrefix(text))
            }
            length = value
        }
        guard let range = AddressRange(network: address, prefixLength: length) else { return .failure(.badPrefix(text)) }
        guard range.masked(address) == address else { return .failure(.hostBitsSet(text)) }
        return .success(range)
    }

    public func contains(_ address: [UInt8]) -> Bool {
        address.count == network.count && masked(address) == network
    }

    private func masked(_ address: [UInt8]) -> [UInt8] {
        var out = address
        for index in out.indices {
            let bitsBefore = index * 8
            if bitsBefore >= prefixLength {
                out[index] = 0
            } else if prefixLength - bitsBefore < 8 {
                out[index] &= UInt8(0xFF) << UInt8(8 - (prefixLength - bitsBefore))
            }
        }
        return out
    }

    public var description: String {
        "\(IPAddress.format(network))/\(prefixLength)"
    }
}

/// Text to octets for IPv4 (dotted quad) and IPv6 (RFC 4291 section 2.2,
/// including `::` and a trailing dotted quad).
public enum IPAddress {
    public static func parse(_ text: String) -> [UInt8]? {
        text.contains(":") ? parseV6(Substring(text)) : parseV4(Substring(text))
    }

    public static func parseV4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = UInt8(part), part.count == 1 || part.first != "0" else { return nil }
            out.append(value)
        }
        return out
    }

    public static func parseV6(_ text: Substring) -> [UInt8]? {
        let halves = splitOnDoubleColon(text)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String, allowV4Tail: Bool) -> [UInt8]? {
            if part.isEmpty { return [] }
            var out: [UInt8] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowV4Tail, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseV4(piece) else { return nil }
                    out.append(contentsOf: v4)
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                out.append(UInt8(value >> 8))
                out.append(UInt8(value & 0xFF))
            }
            return out
        }
        if halves.count == 1 {
            guard let all = groups(halves[0], allowV4Tail: true), all.count == 16 else { return nil }
            return all
        }
        guard let head = groups(halves[0], allowV4Tail: false), let tail = groups(halves[1], allowV4Tail: true),
              head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    public static func format(_ octets: [UInt8]) -> String {
        IPText.format(octets)
    }

    /// `a::b` -> ["a", "b"]; more than one `::` gives more than two parts.
    private static func splitOnDoubleColon(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == ":", next < text.endIndex, text[next] == ":" {
                parts.append(current)
                current = ""
                index = text.index(after: next)
            } else {
                current.append(text[index])
                index = next
            }
        }
        parts.append(current)
        return parts
    }
}
