import ZoneModel

/// Appends the uncompressed wire form of a presentation-format name
/// (RFC 1035 section 5.1) straight into `out`, without an intermediate
/// `DomainName`: `@` is the origin, a name without a trailing dot is relative
/// to it, `\X` quotes a character and `\DDD` is an octet in decimal.
func appendNameWire(_ text: UnsafeBufferPointer<UInt8>, origin: DomainName?, to out: inout [UInt8]) throws(NameError) {
    let start = out.count
    if text.count == 1 {
        if text.first == UInt8(ascii: "@") {
            guard let origin else { throw .relativeWithoutOrigin }
            out.append(contentsOf: origin.wire)
            return
        }
        if text.first == UInt8(ascii: ".") {
            out.append(0)
            return
        }
    }
    guard !text.isEmpty else { throw .emptyLabel }
    var labelStart = out.count
    out.append(0)
    var index = text.startIndex
    var absolute = false
    do throws(NameError) {
        while index < text.endIndex {
            var byte = text[index]
            if byte == UInt8(ascii: ".") {
                let length = out.count - labelStart - 1
                if length == 0 { throw NameError.emptyLabel }
                out[labelStart] = UInt8(length)
                index += 1
                if index == text.endIndex {
                    absolute = true
                    break
                }
                labelStart = out.count
                out.append(0)
                continue
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard index < text.endIndex else { throw NameError.badEscape }
                let first = text[index]
                if first &- 48 < 10 {
                    guard index + 2 < text.endIndex else { throw NameError.badEscape }
                    let second = text[index + 1] &- 48, third = text[index + 2] &- 48
                    guard second < 10, third < 10 else { throw NameError.badEscape }
                    let value = Int(first - 48) * 100 + Int(second) * 10 + Int(third)
                    guard value <= 255 else { throw NameError.badEscape }
                    byte = UInt8(value)
                    index += 3
                } else {
                    byte = first
                    index += 1
                }
            } else {
                index += 1
            }
            out.append(byte)
            if out.count - labelStart - 1 > 63 { throw NameError.labelTooLong }
        }
        if absolute {
            out.append(0)
        } else {
            let length = out.count - labelStart - 1
            if length == 0 { throw NameError.emptyLabel }
            out[labelStart] = UInt8(length)
            guard let origin else { throw NameError.relativeWithoutOrigin }
            out.append(contentsOf: origin.wire)
        }
        if out.count - start > 255 { throw NameError.nameTooLong }
    } catch {
        out.removeSubrange(start...)
        throw error
    }
}

extension RDataTokenReader {
    mutating func encodeName(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("a domain name")
        do {
            try appendNameWire(UnsafeBufferPointer(rebasing: token.text), origin: origin, to: &out)
        } catch {
            throw failure("bad domain name \(RDataTokenReader.quote(token.text)): \(error)")
        }
    }
}
