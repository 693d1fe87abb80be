/// BIND's `$GENERATE` range (`start-stop[/step]`) and name templates.
///
/// Templates follow BIND 9.18's `genname`: `$` is the iterator; `$$` is a
/// literal `$`; `\X` is copied as written (so `\$` reaches the name parser,
/// which reads it as `$`); `${offset[,width[,base]]}` adds `offset` (signed),
/// pads to `width` and prints in base `d` (decimal, signed), `o` (octal), `x`
/// / `X` (hex), or `n` / `N` (reversed nibbles separated by dots, as in
/// ip6.arpa; `width` counts the characters including the dots, and a width
/// that ends on a dot leaves a trailing dot, which makes the name absolute).
/// Non-decimal bases print the 32-bit two's complement of negative values.
struct GenerateRange: Equatable {
    var start: UInt32
    var stop: UInt32
    var step: UInt32

    /// BIND's limit for start and stop.
    static let maximum: UInt32 = 0x7FFF_FFFF

    /// Number of values the range yields.
    var count: UInt64 { UInt64(stop - start) / UInt64(step) + 1 }

    /// Parses `start-stop` or `start-stop/step` (decimal, start <= stop, step >= 1).
    init?(_ text: ArraySlice<UInt8>) {
        var index = text.startIndex
        func number() -> UInt32? {
            var value: UInt64 = 0
            let begin = index
            while index < text.endIndex, text[index] &- 48 < 10 {
                value = value * 10 + UInt64(text[index] - 48)
                if value > UInt64(GenerateRange.maximum) { return nil }
                index += 1
            }
            return index > begin ? UInt32(value) : nil
        }
        guard let start = number(), index < text.endIndex, text[index] == UInt8(ascii: "-") else { return nil }
        index += 1
        guard let stop = number(), start <= stop else { return nil }
        var step: UInt32 = 1
        if index < text.endIndex {
            guard text[index] == UInt8(ascii: "/") else { return nil }
            index += 1
            guard let value = number(), value >= 1 else { return nil }
            step = value
        }
        guard index == text.endIndex else { return nil }
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The values, in order; stepping past `stop` (or past 32 bits) ends it.
    func forEach(_ body: (UInt32) throws -> Bool) rethrows {
        var value = UInt64(start)
        while value <= UInt64(stop) {
            guard try body(UInt32(value)) else { return }
            value += UInt64(step)
        }
    }
}

enum GenerateTemplateError: Error, Equatable {
    /// A `${...}` modifier that is not `{offset[,width[,base]]}`.
    case badModifier
    /// The iterator plus the offset does not fit in a 32-bit signed integer.
    case outOfRange
    /// The expansion is longer than `GenerateTemplate.maximumLength`.
    case tooLong

    var explanation: String {
        switch self {
        case .badModifier: "expected ${offset[,width[,base]]} with base one of d, o, x, X, n, N and a closing '}'"
        case .outOfRange: "the iterator plus the offset is out of range"
        case .tooLong: "the expansion is longer than \(GenerateTemplate.maximumLength) bytes"
        }
    }
}

enum GenerateTemplate {
    /// BIND's buffer for one expanded name or RDATA text.
    static let maximumLength = 2048

    /// Appends the expansion of `template` for iterator value `value` to `out`.
    static func expand(_ template: ArraySlice<UInt8>, value: UInt32, into out: inout [UInt8]) throws(GenerateTemplateError) {
        let base = out.count
        var index = template.startIndex
        while index < template.endIndex {
            let byte = template[index]
            if byte == UInt8(ascii: "$") {
                index += 1
                if index < template.endIndex && template[index] == UInt8(ascii: "$") {
                    out.append(UInt8(ascii: "$"))
                    index += 1
                    continue
                }
                var offset = 0
                var width = 0
                var mode = UInt8(ascii: "d")
                if index < template.endIndex && template[index] == UInt8(ascii: "{") {
                    index += 1
                    (offset, width, mode) = try modifier(template, &index)
                }
                let shifted = Int(value) + offset
                guard shifted >= Int(Int32.min) && shifted <= Int(Int32.max) else { throw .outOfRange }
                format(Int32(shifted), width: width, mode: mode, into: &out)
            } else if byte == UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                if index < template.endIndex {
                    out.append(template[index])
                    index += 1
                }
            } else {
                out.append(byte)
                index += 1
            }
            if out.count - base > maximumLength { throw .tooLong }
        }
    }

    /// Reads `offset[,width[,base]]}` after `${`.
    private static func modifier(_ template: ArraySlice<UInt8>, _ index: inout Int) throws(GenerateTemplateError) -> (Int, Int, UInt8) {
        func integer(signed: Bool) throws(GenerateTemplateError) -> Int {
            var negative = false
            if signed && index < template.endIndex && (template[index] == UInt8(ascii: "-") || template[index] == UInt8(ascii: "+")) {
                negative = template[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            let begin = index
            while index < template.endIndex, template[index] &- 48 < 10 {
                value = value * 10 + Int(template[index] - 48)
                if value > Int(UInt32.max) { throw .outOfRange }
                index += 1
            }
            guard index > begin else { throw .badModifier }
            return negative ? -value : value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard index < template.endIndex && template[index] == byte else { return false }
            index += 1
            return true
        }
        let offset = try integer(signed: true)
        var width = 0
        var mode = UInt8(ascii: "d")
        if expect(UInt8(ascii: ",")) {
            width = try integer(signed: false)
            guard width <= maximumLength else { throw .tooLong }
            if expect(UInt8(ascii: ",")) {
                guard index < template.endIndex else { throw .badModifier }
                mode = template[index]
                switch mode {
                case UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "x"), UInt8(ascii: "X"),
                     UInt8(ascii: "n"), UInt8(ascii: "N"):
                    index += 1
                default:
                    throw .badModifier
                }
            }
        }
        guard expect(UInt8(ascii: "}")) else { throw .badModifier }
        return (offset, width, mode)
    }

    private static func format(_ value: Int32, width: Int, mode: UInt8, into out: inout [UInt8]) {
        switch mode {
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            nibbles(UInt32(bitPattern: value), width: width, upper: mode == UInt8(ascii: "N"), into: &out)
        case UInt8(ascii: "d"):
            let digits = Array(String(value.magnitude).utf8)
            if value < 0 { out.append(UInt8(ascii: "-")) }
            let used = digits.count + (value < 0 ? 1 : 0)
            if width > used { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - used)) }
            out.append(contentsOf: digits)
        default:
            let radix = mode == UInt8(ascii: "o") ? 8 : 16
            let digits = Array(String(UInt32(bitPattern: value), radix: radix, uppercase: mode == UInt8(ascii: "X")).utf8)
            if width > digits.count { out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
            out.append(contentsOf: digits)
        }
    }

    /// Lowest nibble first, one label each; `width` counts output characters.
    private static func nibbles(_ value: UInt32, width: Int, upper: Bool, into out: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef0123456789ABCDEF"
        let table = UnsafeBufferPointer(start: digits.utf8Start, count: 32)
        var value = value
        var width = width
        repeat {
            out.append(table[Int(value & 0xF) + (upper ? 16 : 0)])
            value >>= 4
            if width > 0 { width -= 1 }
            if width > 0 || value != 0 {
                out.append(UInt8(ascii: "."))
                if width > 0 { width -= 1 }
            }
        } while value != 0 || width > 0
    }
}
