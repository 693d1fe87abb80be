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
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"" where inAttribute: out.append(contentsOf: "&quot;".utf8)
            case "'" where inAttribute: out.append(contentsOf: "&apos;".utf8)
            case "\t" where inAttribute: out.append(contentsOf: "&#9;".utf8)
            case "\n" where inAttribute: out.append(contentsOf: "&#10;".utf8)
            case "\r": out.append(contentsOf: "&#13;".utf8)
            case "\t", "\n": out.append(UInt8(scalar.value))
            default:
                if UnsafeCharacters.isUnsafe(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    for byte in String(scalar).utf8 { UnsafeCharacters.appendDecimalEscape(byte, to: &out) }
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
