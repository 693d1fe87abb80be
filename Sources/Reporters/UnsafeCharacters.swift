/// Characters that must not reach a terminal, a pull-request comment or an XML
/// file as they are. Zone files are untrusted input: a message or a path may
/// carry an escape sequence that rewrites the terminal, a newline that forges
/// a report line, or a bidirectional override that makes text read backwards.
///
/// Works on UTF-8 octets: the unsafe characters are C0 controls and DEL (one
/// octet), C1 controls (`C2 80` to `C2 9F`), and U+200E, U+200F, U+2028 to
/// U+202E and U+2066 to U+2069 (`E2 80 xx`, `E2 81 xx`).
enum UnsafeCharacters {
    /// The length of the unsafe character that starts at `index`, or 0 when
    /// the character there is safe.
    @inline(__always)
    static func unsafeLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9F { return 2 }
        if byte == 0xE2, index + 2 < bytes.count {
            switch (bytes[index + 1], bytes[index + 2]) {
            case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): return 3
            default: return 0
            }
        }
        return 0
    }

    /// True for the characters `unsafeLength` finds.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe character written as its UTF-8 octets in the
    /// DNS presentation escape `\DDD` (so an ESC becomes `\027`). Safe text is
    /// returned as it is.
    static func escaped(_ text: String) -> String {
        text.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count, unsafeLength(bytes, at: index) == 0 { index += 1 }
            if index == bytes.count { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<index]))
            while index < bytes.count {
                let length = unsafeLength(bytes, at: index)
                if length == 0 {
                    out.append(bytes[index])
                    index += 1
                } else {
                    for offset in 0..<length { appendDecimalEscape(bytes[index + offset], to: &out) }
                    index += length
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func appendDecimalEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(48 + byte / 100)
        out.append(48 + (byte / 10) % 10)
        out.append(48 + byte % 10)
    }
}
