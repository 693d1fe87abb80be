/// Base64 (RFC 4648 section 4), base32hex (section 7, lower case, unpadded as
/// RFC 5155 prints it) and hex, in both directions. The decoders are streaming
/// so a value split over several tokens decodes without joining the tokens.
public enum RDataEncodings {
    static let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let base32HexAlphabet: [UInt8] = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func appendBase64(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        bytes.withUnsafeBufferPointer { appendBase64($0, to: &out) }
    }

    static func appendBase64(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var index = bytes.startIndex
        while index + 3 <= bytes.endIndex {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(base64Alphabet[Int(value >> 18)])
            out.append(base64Alphabet[Int((value >> 12) & 63)])
            out.append(base64Alphabet[Int((value >> 6) & 63)])
            out.append(base64Alphabet[Int(value & 63)])
            index += 3
        }
        let rest = bytes.endIndex - index
        if rest == 1 {
            let value = UInt32(bytes[index]) << 16
            out.append(base64Alphabet[Int(value >> 18)])
            out.append(base64Alphabet[Int((value >> 12) & 63)])
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        } else if rest == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out.append(base64Alphabet[Int(value >> 18)])
            out.append(base64Alphabet[Int((value >> 12) & 63)])
            out.append(base64Alphabet[Int((value >> 6) & 63)])
            out.append(UInt8(ascii: "="))
        }
    }

    public static func appendHex(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count * 2))
        out.withUnsafeMutableBufferPointer { buffer in
            bytes.withUnsafeBufferPointer { source in
                var position = start
                for byte in source {
                    buffer[position] = hexDigitsLower(byte >> 4)
                    buffer[position + 1] = hexDigitsLower(byte & 15)
                    position += 2
                }
            }
        }
    }

    @inline(__always)
    static func hexDigitsLower(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 48 + nibble : 87 + nibble
    }

    public static func appendBase32Hex(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(base32HexAlphabet[Int((buffer >> UInt64(bits)) & 31)])
            }
        }
        if bits > 0 {
            out.append(base32HexAlphabet[Int((buffer << UInt64(5 - bits)) & 31)])
        }
    }

    /// The value of a hex digit, or nil.
    @inline(__always)
    @inlinable public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }

    @inline(__always)
    static func base64Value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte - 65
        case 97...122: byte - 71
        case 48...57: byte + 4
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }

    @inline(__always)
    static func base32HexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...86: byte - 55
        case 97...118: byte - 87
        default: nil
        }
    }
}

/// Decodes base64 fed in pieces. The whole input must be complete groups of
/// four symbols, `=` padding only at the end (RFC 4648 section 4; ldns and
/// BIND reject unpadded base64 in zone files too).
public struct Base64Decoder: Sendable {
    private var buffer: UInt32 = 0
    private var symbols = 0
    private var padding = 0

    public init() {}

    /// Feeds one piece; false when it holds a character that is not base64 or
    /// data after padding.
    public mutating func feed(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { feed($0, into: &out) }
    }

    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var consumed = 0
        if padding == 0 && symbols % 4 == 0 && bytes.count >= 4 {
            consumed = Base64Decoder.feedGroups(bytes, into: &out)
            symbols += consumed
        }
        for byte in bytes[consumed...] {
            if byte == UInt8(ascii: "=") {
                padding += 1
                if padding > 2 { return false }
                continue
            }
            guard padding == 0, let value = RDataEncodings.base64Value(byte) else { return false }
            buffer = buffer << 6 | UInt32(value)
            symbols += 1
            if symbols % 4 == 0 {
                out.append(UInt8((buffer >> 16) & 0xFF))
                out.append(UInt8((buffer >> 8) & 0xFF))
                out.append(UInt8(buffer & 0xFF))
                buffer = 0
            }
        }
        return true
    }

    /// The values of the base64 symbols, 0xFF for every other byte (`=` too).
    private static let symbolValues: [UInt8] = (0...255).map { RDataEncodings.base64Value(UInt8($0)) ?? 0xFF }

    /// Decodes whole groups of four symbols from the start of `bytes`, a
    /// table lookup per symbol and three octets written at once (RRSIG and
    /// DNSKEY text is most of a signed zone file); stops before the first
    /// group holding anything else, for the loop of `feed` to judge.
    /// Returns the symbols consumed.
    private static func feedGroups(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Int {
        let groups = bytes.count / 4
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: groups * 3))
        var decoded = 0
        out.withUnsafeMutableBufferPointer { output in
            symbolValues.withUnsafeBufferPointer { values in
                while decoded < groups {
                    let offset = decoded * 4
                    let first = values[Int(bytes[offset])], second = values[Int(bytes[offset + 1])]
                    let third = values[Int(bytes[offset + 2])], fourth = values[Int(bytes[offset + 3])]
                    guard (first | second | third | fourth) & 0x80 == 0 else { break }
                    let value = UInt32(first) << 18 | UInt32(second) << 12 | UInt32(third) << 6 | UInt32(fourth)
                    let position = start + decoded * 3
                    output[position] = UInt8(truncatingIfNeeded: value >> 16)
                    output[position + 1] = UInt8(truncatingIfNeeded: value >> 8)
                    output[position + 2] = UInt8(truncatingIfNeeded: value)
                    decoded += 1
                }
            }
        }
        out.removeLast((groups - decoded) * 3)
        return decoded * 4
    }

    /// Writes the last partial group; false when the input length is invalid.
    public mutating func finish(into out: inout [UInt8]) -> Bool {
        let rest = symbols % 4
        guard (rest + padding) % 4 == 0 else { return false }
        switch rest {
        case 0: return true
        case 1: return false
        case 2:
            out.append(UInt8((buffer >> 4) & 0xFF))
            return true
        default:
            out.append(UInt8((buffer >> 10) & 0xFF))
            out.append(UInt8((buffer >> 2) & 0xFF))
            return true
        }
    }
}

/// Decodes base32hex (either case) fed in pieces; trailing `=` padding is
/// accepted and ignored. Left-over bits that do not make an octet are dropped
/// (an unpadded 7-symbol value is 4 octets).
public struct Base32HexDecoder: Sendable {
    private var buffer: UInt32 = 0
    private var bits = 0
    private var symbols = 0
    private var sawPadding = false

    public init() {}

    public mutating func feed(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { feed($0, into: &out) }
    }

    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        for byte in bytes {
            if byte == UInt8(ascii: "=") {
                sawPadding = true
                continue
            }
            guard !sawPadding, let value = RDataEncodings.base32HexValue(byte) else { return false }
            buffer = buffer << 5 | UInt32(value)
            bits += 5
            symbols += 1
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        return true
    }

    /// False when the number of symbols cannot be a whole number of octets
    /// (1, 3 or 6 symbols past a multiple of 8).
    public func finish() -> Bool {
        switch symbols % 8 {
        case 1, 3, 6: false
        default: true
        }
    }
}
