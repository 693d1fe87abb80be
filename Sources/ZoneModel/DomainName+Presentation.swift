extension DomainName {
    /// Parses a name in presentation format (RFC 1035 section 5.1).
    ///
    /// `@` stands for `origin`; a name without a trailing dot is relative to
    /// `origin`. `\X` quotes a character and `\DDD` gives an octet in decimal.
    public init(_ text: String, origin: DomainName? = nil) throws(NameError) {
        try self.init(presentation: Array(text.utf8)[...], origin: origin)
    }

    /// Parses presentation bytes; see `init(_:origin:)`.
    public init(presentation bytes: ArraySlice<UInt8>, origin: DomainName?) throws(NameError) {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(NameError) -> DomainName in try DomainName(presentation: buffer, origin: origin) }
        }
        self = try result.get()
    }

    public init(presentation text: UnsafeBufferPointer<UInt8>, origin: DomainName?) throws(NameError) {
        if text.count == 1 && text[0] == UInt8(ascii: "@") {
            guard let origin else { throw .relativeWithoutOrigin }
            self = origin
            return
        }
        if text.count == 1 && text[0] == UInt8(ascii: ".") {
            self = .root
            return
        }
        if text.isEmpty { throw .emptyLabel }
        var wire: [UInt8] = []
        wire.reserveCapacity(text.count + 2 + (origin?.wire.count ?? 0))
        var labelStart = 0
        wire.append(0)
        var index = 0
        var absolute = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                let length = wire.count - labelStart - 1
                if length == 0 { throw .emptyLabel }
                if length > 63 { throw .labelTooLong }
                wire[labelStart] = UInt8(length)
                index += 1
                if index == text.count {
                    absolute = true
                    break
                }
                labelStart = wire.count
                wire.append(0)
                continue
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < text.count else { throw .badEscape }
                let next = text[index]
                if next &- 48 < 10 {
                    guard index + 2 < text.count,
                          text[index + 1] &- 48 < 10, text[index + 2] &- 48 < 10
                    else { throw .badEscape }
                    let value = Int(next - 48) * 100 + Int(text[index + 1] - 48) * 10 + Int(text[index + 2] - 48)
                    guard value <= 255 else { throw .badEscape }
                    wire.append(UInt8(value))
                    index += 3
                } else {
                    wire.append(next)
                    index += 1
                }
            } else {
                wire.append(byte)
                index += 1
            }
            if wire.count - labelStart - 1 > 63 { throw .labelTooLong }
        }
        if !absolute {
            let length = wire.count - labelStart - 1
            if length == 0 { throw .emptyLabel }
            wire[labelStart] = UInt8(length)
            guard let origin else { throw .relativeWithoutOrigin }
            wire.append(contentsOf: origin.wire)
        } else {
            wire.append(0)
        }
        guard wire.count <= 255 else { throw .nameTooLong }
        self.init(uncheckedWire: wire)
    }

    /// The fully qualified presentation form, with a trailing dot. Octets that
    /// would not survive a round trip are escaped (`\.`, `\DDD`).
    public var presentation: String {
        var out: [UInt8] = []
        appendPresentation(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the presentation form to a byte buffer (no String per name).
    public func appendPresentation(to out: inout [UInt8]) {
        if isRoot {
            out.append(UInt8(ascii: "."))
            return
        }
        var index = 0
        while wire[index] != 0 {
            let length = Int(wire[index])
            for byte in wire[(index + 1)...(index + length)] {
                DomainName.appendEscaped(byte, to: &out)
            }
            out.append(UInt8(ascii: "."))
            index += 1 + length
        }
    }

    static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "@"), UInt8(ascii: "$"):
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        case 0x21...0x7E:
            out.append(byte)
        default:
            out.append(UInt8(ascii: "\\"))
            out.append(48 + byte / 100)
            out.append(48 + (byte / 10) % 10)
            out.append(48 + byte % 10)
        }
    }
}

extension DomainName: CustomStringConvertible {
    public var description: String { presentation }
}

