/// A streaming JSON writer: pretty-printed with two-space indents, keys
/// written in the order the caller gives them.
///
/// Reporters promise sorted keys (byte order), so the caller writes keys in
/// that order; debug builds check it. Streaming, instead of building a tree of
/// values and sorting it, keeps 100k findings from costing a tree of 100k
/// dictionaries.
struct JSONWriter {
    private struct Frame {
        let isObject: Bool
        var count = 0
        #if DEBUG
        var lastKey: String?
        #endif
    }

    private(set) var output = OutputBuffer()
    private var frames: [Frame] = []
    private var afterKey = false

    init(capacity: Int = 0) {
        output = OutputBuffer(capacity: capacity)
    }

    // MARK: Structure

    mutating func beginObject() {
        beforeValue()
        output.write(UInt8(ascii: "{"))
        frames.append(Frame(isObject: true))
    }

    mutating func endObject() {
        let frame = frames.removeLast()
        assert(frame.isObject && !afterKey, "endObject outside an object")
        if frame.count > 0 { newlineAndIndent() }
        output.write(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        beforeValue()
        output.write(UInt8(ascii: "["))
        frames.append(Frame(isObject: false))
    }

    mutating func endArray() {
        let frame = frames.removeLast()
        assert(!frame.isObject, "endArray outside an array")
        if frame.count > 0 { newlineAndIndent() }
        output.write(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        let top = frames.count - 1
        precondition(top >= 0 && frames[top].isObject && !afterKey, "a JSON key outside an object")
        #if DEBUG
        assert(
            frames[top].lastKey.map { $0.utf8.lexicographicallyPrecedes(name.utf8) } ?? true,
            "JSON keys out of order: \(frames[top].lastKey ?? "") before \(name)"
        )
        frames[top].lastKey = name
        #endif
        if frames[top].count > 0 { output.write(UInt8(ascii: ",")) }
        frames[top].count += 1
        newlineAndIndent()
        JSONWriter.appendString(name, to: &output)
        output.write(": ")
        afterKey = true
    }

    // MARK: Values

    mutating func string(_ value: String) {
        beforeValue()
        JSONWriter.appendString(value, to: &output)
    }

    mutating func number<T: BinaryInteger>(_ value: T) {
        beforeValue()
        output.write(number: value)
    }

    mutating func bool(_ value: Bool) {
        beforeValue()
        output.write(value ? "true" : "false")
    }

    mutating func null() {
        beforeValue()
        output.write("null")
    }

    // MARK: Shorthands (a key and its value)

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field<T: BinaryInteger>(_ name: String, _ value: T?) {
        key(name)
        if let value { number(value) } else { null() }
    }

    mutating func field(_ name: String, _ value: Bool?) {
        key(name)
        if let value { bool(value) } else { null() }
    }

    mutating func field(_ name: String, strings: [String]) {
        key(name)
        beginArray()
        for value in strings { string(value) }
        endArray()
    }

    mutating func object(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        beginObject()
        body(&self)
        endObject()
    }

    mutating func array(_ name: String, _ body: (inout JSONWriter) -> Void) {
        key(name)
        beginArray()
        body(&self)
        endArray()
    }

    /// The finished document, with a final newline.
    mutating func finish() -> String {
        assert(frames.isEmpty, "unclosed JSON object or array")
        output.newline()
        return output.string
    }

    // MARK: Private

    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        let top = frames.count - 1
        guard top >= 0 else { return }
        assert(!frames[top].isObject, "a JSON value in an object needs a key")
        if frames[top].count > 0 { output.write(UInt8(ascii: ",")) }
        frames[top].count += 1
        newlineAndIndent()
    }

    private mutating func newlineAndIndent() {
        output.newline()
        for _ in 0..<(2 * frames.count) { output.write(UInt8(ascii: " ")) }
    }

    // MARK: String escaping (RFC 8259 section 7)

    /// Writes `value` as a JSON string. Quote and backslash are escaped,
    /// control characters become `\n`-style or `\u00XX` escapes. DEL, the C1
    /// controls, the line and paragraph separators (which JavaScript does not
    /// allow in strings) and the bidirectional controls are `\uXXXX` too, so
    /// no viewer shows them raw; they decode to the same string. Everything
    /// else is UTF-8.
    static func appendString(_ value: String, to output: inout OutputBuffer) {
        output.write(UInt8(ascii: "\""))
        value.withUTF8Bytes { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var escape: String?
                var width = 1
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x00...0x1F, 0x7F: escape = unicodeEscape(UInt16(byte))
                case 0xC2 where index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] <= 0x9F:
                    // C1 controls, U+0080 to U+009F.
                    escape = unicodeEscape(UInt16(bytes[index + 1]))
                    width = 2
                case 0xE2 where index + 2 < count && isEscapedFormatCharacter(bytes[index + 1], bytes[index + 2]):
                    let scalar = 0x2000 | UInt16(bytes[index + 1] & 0x3F) << 6 | UInt16(bytes[index + 2] & 0x3F)
                    escape = unicodeEscape(scalar)
                    width = 3
                default: break
                }
                if let escape {
                    output.write(slice: bytes[runStart..<index])
                    output.write(escape)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            if runStart < count {
                output.write(slice: bytes[runStart..<count])
            }
        }
        output.write(UInt8(ascii: "\""))
    }

    /// The second and third octets of U+2028 and U+2029 (line and
    /// paragraph separators) and of the bidirectional controls U+200E,
    /// U+200F, U+202A to U+202E and U+2066 to U+2069.
    private static func isEscapedFormatCharacter(_ second: UInt8, _ third: UInt8) -> Bool {
        switch (second, third) {
        case (0x80, 0x8E), (0x80, 0x8F), (0x80, 0xA8...0xAE), (0x81, 0xA6...0xA9): true
        default: false
        }
    }

    private static func unicodeEscape(_ value: UInt16) -> String {
        let digits = Array("0123456789abcdef")
        return "\\u" + String([
            digits[Int(value >> 12)], digits[Int((value >> 8) & 0xF)],
            digits[Int((value >> 4) & 0xF)], digits[Int(value & 0xF)],
        ])
    }

    /// `value` as a JSON string literal (with the quotes).
    static func quoted(_ value: String) -> String {
        var output = OutputBuffer()
        appendString(value, to: &output)
        return output.string
    }
}
