/// A bounds-checked cursor over RDATA octets, for the typed accessors.
public struct RDataReader: Sendable {
    public let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var remaining: Int { bytes.count - offset }
    public var isAtEnd: Bool { offset >= bytes.count }

    public mutating func uint8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func uint16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    public mutating func uint32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    public mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    public mutating func rest() -> [UInt8] {
        defer { offset = bytes.count }
        return Array(bytes[offset...])
    }

    public mutating func name() -> DomainName? {
        guard offset <= bytes.count,
              let (name, length) = DomainName.read(from: bytes[offset...]) else { return nil }
        offset += length
        return name
    }

    /// A length-prefixed character string (RFC 1035 3.3).
    public mutating func characterString() -> [UInt8]? {
        guard let length = uint8() else { return nil }
        return take(Int(length))
    }
}

/// An RFC 4034 section 4.1.2 type bitmap, decoded to the types it lists.
public enum TypeBitmap {
    public static func decode(_ bytes: [UInt8]) -> [RRType]? {
        var types: [RRType] = []
        let valid = bytes.withUnsafeBufferPointer { forEachType(in: $0) { types.append($0) } }
        return valid ? types : nil
    }

    /// Calls `body` with each type the bitmap lists, in ascending order;
    /// false when the bitmap is malformed (windows out of order, a length
    /// outside 1...32, or cut short), after the types before the fault.
    public static func forEachType(in bytes: UnsafeBufferPointer<UInt8>, _ body: (RRType) -> Void) -> Bool {
        var index = 0
        var lastWindow = -1
        while index < bytes.count {
            guard index + 2 <= bytes.count else { return false }
            let window = Int(bytes[index]), length = Int(bytes[index + 1])
            guard window > lastWindow, length >= 1, length <= 32, index + 2 + length <= bytes.count else { return false }
            lastWindow = window
            for octet in 0..<length {
                let value = bytes[index + 2 + octet]
                for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                    body(RRType(UInt16(window * 256 + octet * 8 + bit)))
                }
            }
            index += 2 + length
        }
        return true
    }

    public static func encode(_ types: some Sequence<RRType>) -> [UInt8] {
        let sorted = Set(types.map(\.rawValue)).sorted()
        var out: [UInt8] = []
        var windowIndex = 0
        while windowIndex < sorted.count {
            let window = sorted[windowIndex] >> 8
            var bitmap = [UInt8](repeating: 0, count: 32)
            var maxOctet = 0
            while windowIndex < sorted.count && sorted[windowIndex] >> 8 == window {
                let low = Int(sorted[windowIndex] & 0xFF)
                bitmap[low / 8] |= 0x80 >> UInt8(low % 8)
                maxOctet = max(maxOctet, low / 8)
                windowIndex += 1
            }
            out.append(UInt8(window))
            out.append(UInt8(maxOctet + 1))
            out.append(contentsOf: bitmap[0...maxOctet])
        }
        return out
    }
}
