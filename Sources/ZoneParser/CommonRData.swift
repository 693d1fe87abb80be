import ZoneModel

/// The RDATA of the commonest records read straight from their tokens, past
/// the general encoder's field list, token reader and error plumbing (most
/// of what a plain A record cost to encode): A and AAAA (one address), NS,
/// CNAME, PTR and DNAME (one name), MX (a preference and a name), SRV
/// (three numbers and a name) and TXT (strings without escapes). Each token
/// must be plain (not quoted, but for TXT) and read cleanly; anything else
/// is left to `RDataText`, which reads the same tokens to the same octets
/// and words the error when there is one.
enum CommonRData {
    /// The types read here, with the fields `RDataLayout` gives them (a
    /// test holds the two together).
    static let layouts: [(RRType, [RDataField])] = [
        (.a, [.ipv4]), (.aaaa, [.ipv6]), (.ns, [.name]), (.cname, [.name]), (.ptr, [.name]), (.dname, [.name]),
        (.mx, [.uint16, .name]), (.srv, [.uint16, .uint16, .uint16, .name]), (.txt, [.characterStrings]),
    ]

    /// Appends the RDATA of `type` read from `spans` (the entry's RDATA
    /// tokens) to `out` and returns true; false, with `out` as it was, when
    /// the type or its tokens are not handled here.
    @inline(__always)
    static func encode(type: RRType, bytes: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<TokenSpan>,
                       origin: DomainName?, into out: inout [UInt8]) -> Bool {
        @inline(__always) func text(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
            let span = spans[index]
            return span.isQuoted ? nil : UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
        }
        /// MX and SRV: `count` 16-bit numbers, then a name.
        @inline(__always) func appendNumbersAndName(_ count: Int) -> Bool {
            guard spans.count == count + 1, let host = text(count) else { return false }
            let start = out.count
            for index in 0..<count {
                guard let field = text(index), let value = parseDecimal(field, limit: 0xFFFF) else {
                    out.removeSubrange(start...)
                    return false
                }
                out.appendUInt16(UInt16(value))
            }
            guard appendName(host, origin: origin, to: &out) else {
                out.removeSubrange(start...)
                return false
            }
            return true
        }
        switch type {
        case .a:
            guard spans.count == 1, let text = text(0), let address = parseIPv4(text) else { return false }
            out.appendUInt32(address)
            return true
        case .aaaa:
            guard spans.count == 1, let text = text(0) else { return false }
            return appendIPv6(text[...], to: &out)
        case .ns, .cname, .ptr, .dname:
            guard spans.count == 1, let text = text(0) else { return false }
            return appendName(text, origin: origin, to: &out)
        case .mx:
            return appendNumbersAndName(1)
        case .srv:
            return appendNumbersAndName(3)
        case .txt:
            // Quoted or not, each token is one string; an escape or a string
            // too long for its length octet is the general encoder's to read.
            guard !spans.isEmpty else { return false }
            let start = out.count
            for span in spans {
                let string = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                guard string.count <= 255, !string.contains(UInt8(ascii: "\\")),
                      out.count - start + 1 + string.count <= 65535 else {
                    out.removeSubrange(start...)
                    return false
                }
                out.append(UInt8(string.count))
                out.append(contentsOf: string)
            }
            return true
        default:
            return false
        }
    }

    /// A name token: never `\#` (alone it opens RFC 3597 generic RDATA).
    @inline(__always)
    private static func appendName(_ text: UnsafeBufferPointer<UInt8>, origin: DomainName?, to out: inout [UInt8]) -> Bool {
        guard !(text.count == 2 && text[0] == UInt8(ascii: "\\") && text[1] == UInt8(ascii: "#")) else { return false }
        let start = out.count
        do throws(NameError) {
            try appendNameWire(text, origin: origin, to: &out)
            return true
        } catch {
            out.removeSubrange(start...)
            return false
        }
    }
}
