/// Escaping for XML 1.0 (the JUnit reporter).
enum XMLText {
    /// `text` safe in a double-quoted attribute value: the five predefined
    /// entities, and tab, newline and carriage return as character references
    /// (attribute-value normalization would turn them into spaces).
    static func attribute(_ text: String) -> String {
        escaped(text, inAttribute: true)
    }

    /// `text` safe as element content: `&`, `<` and `>` as entities, carriage
    /// return as a character reference (parsers turn a literal one into a
    /// newline); tab and newline stay as they are.
    static func content(_ text: String) -> String {
        escaped(text, inAttribute: false)
    }

    /// Characters XML 1.0 cannot carry at all (C0 controls other than tab,
    /// newline and carriage return; U+FFFE; U+FFFF), and the C1 and
    /// bidirectional controls the other formats escape too, become `\DDD`
    /// octets.
    private static func escaped(_ text: String, inAttribute: Bool) -> String {
        text.withUTF8Bytes { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 16 + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var replacement: StaticString?
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
                case UInt8(ascii: "'") where inAttribute: replacement = "&apos;"
                case 0x09 where inAttribute: replacement = "&#9;"
                case 0x0A where inAttribute: replacement = "&#10;"
                case 0x0D: replacement = "&#13;"
                case 0x09, 0x0A:
                    out.append(byte)
                    index += 1
                    continue
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF
                    && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    // U+FFFE and U+FFFF are not XML characters.
                    for offset in 0..<3 { UnsafeCharacters.appendDecimalEscape(bytes[index + offset], to: &out) }
                    index += 3
                    continue
                default: break
                }
                if let replacement {
                    replacement.withUTF8Buffer { out.append(contentsOf: $0) }
                    index += 1
                    continue
                }
                let length = UnsafeCharacters.unsafeLength(bytes, at: index)
                if length == 0 {
                    out.append(byte)
                    index += 1
                } else {
                    for offset in 0..<length { UnsafeCharacters.appendDecimalEscape(bytes[index + offset], to: &out) }
                    index += length
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
