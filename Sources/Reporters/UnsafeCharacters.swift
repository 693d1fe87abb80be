/// Characters that must not reach a terminal, a pull-request comment or an XML
/// file as they are. Zone files are untrusted input: a message or a path may
/// carry an escape sequence that rewrites the terminal, a newline that forges
/// a report line, or a bidirectional override that makes text read backwards.
enum UnsafeCharacters {
    /// True for C0 and C1 controls, DEL, and the Unicode bidirectional
    /// embedding, override and isolate controls.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// `text` with every unsafe character written as its UTF-8 octets in the
    /// DNS presentation escape `\DDD` (so an ESC becomes `\027`). Safe text is
    /// returned unchanged without copying.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                for byte in String(scalar).utf8 { appendDecimalEscape(byte, to: &out) }
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func appendDecimalEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(48 + byte / 100)
        out.append(48 + (byte / 10) % 10)
        out.append(48 + byte % 10)
    }
}
