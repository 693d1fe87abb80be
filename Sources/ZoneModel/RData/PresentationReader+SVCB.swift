// RFC 9460 SvcParams in presentation form.

extension PresentationReader {
    /// `key=value` pairs in wire order. Printed only when the wire form is
    /// one zoneaudit's encoder would write (keys strictly increasing, values
    /// valid for their key), so the text re-encodes to the same octets.
    mutating func appendSvcParams(to out: inout [UInt8]) -> Bool {
        var lastKey = -1
        var presentKeys: [UInt16] = []
        var mandatory: [UInt16] = []
        var first = true
        while !isAtEnd {
            guard let key = uint16(), Int(key) > lastKey, key != 65535,
                  let length = uint16(), let value = take(Int(length)) else { return false }
            lastKey = Int(key)
            presentKeys.append(key)
            if !first { out.append(UInt8(ascii: " ")) }
            first = false
            PresentationReader.appendSvcParamKey(key, to: &out)
            switch key {
            case 0:
                guard !value.isEmpty, value.count % 2 == 0 else { return false }
                out.append(UInt8(ascii: "="))
                var previous = -1
                var index = value.startIndex
                while index < value.endIndex {
                    let listed = UInt16(value[index]) << 8 | UInt16(value[index + 1])
                    guard Int(listed) > previous, listed != 0, listed != 65535 else { return false }
                    previous = Int(listed)
                    mandatory.append(listed)
                    if index > value.startIndex { out.append(UInt8(ascii: ",")) }
                    PresentationReader.appendSvcParamKey(listed, to: &out)
                    index += 2
                }
            case 1:
                guard !value.isEmpty else { return false }
                out.append(UInt8(ascii: "="))
                var index = value.startIndex
                while index < value.endIndex {
                    let itemLength = Int(value[index])
                    guard itemLength > 0, index + 1 + itemLength <= value.endIndex else { return false }
                    if index > value.startIndex { out.append(UInt8(ascii: ",")) }
                    PresentationReader.appendSvcValue(value[(index + 1)..<(index + 1 + itemLength)], listItem: true, to: &out)
                    index += 1 + itemLength
                }
            case 2, 8:
                guard value.isEmpty else { return false }
            case 3:
                guard value.count == 2 else { return false }
                out.append(UInt8(ascii: "="))
                RDataPresentation.appendDecimal(UInt64(value[value.startIndex]) << 8 | UInt64(value[value.startIndex + 1]), to: &out)
            case 4, 6:
                let size = key == 4 ? 4 : 16
                guard !value.isEmpty, value.count % size == 0 else { return false }
                out.append(UInt8(ascii: "="))
                var index = value.startIndex
                while index < value.endIndex {
                    if index > value.startIndex { out.append(UInt8(ascii: ",")) }
                    if size == 4 {
                        PresentationReader.appendIPv4(value[index..<(index + 4)], to: &out)
                    } else {
                        PresentationReader.appendIPv6(value[index..<(index + 16)], to: &out)
                    }
                    index += size
                }
            case 5, 7:
                guard !value.isEmpty else { return false }
                out.append(UInt8(ascii: "="))
                if key == 7 {
                    PresentationReader.appendSvcValue(value, listItem: false, to: &out)
                } else {
                    RDataEncodings.appendBase64(value, to: &out)
                }
            default:
                if !value.isEmpty {
                    out.append(UInt8(ascii: "="))
                    PresentationReader.appendSvcValue(value, listItem: false, to: &out)
                }
            }
        }
        // RFC 9460 section 8: keys listed as mandatory must be present.
        for key in mandatory where !presentKeys.contains(key) { return false }
        return true
    }

    /// Names for the keys ldns 1.8.3 also knows (0 to 7); `keyNNNNN` otherwise,
    /// so the text reads back in ldns as well.
    static func appendSvcParamKey(_ key: UInt16, to out: inout [UInt8]) {
        if key <= 7, let name = RDataMnemonics.name(of: key, in: RDataMnemonics.svcParamKeys) {
            out.append(contentsOf: name)
        } else {
            out.append(contentsOf: "key".utf8)
            RDataPresentation.appendDecimal(UInt64(key), to: &out)
        }
    }

    /// An unquoted SvcParam value: printable ASCII as is, except the octets
    /// the master-file syntax gives meaning to, which are escaped; in a value
    /// list item a comma or backslash is first escaped with `\` (RFC 9460 A.1).
    static func appendSvcValue(_ value: ArraySlice<UInt8>, listItem: Bool, to out: inout [UInt8]) {
        for byte in value {
            if listItem && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\\")) {
                // `\,` or `\\` at the list level, then that backslash escaped for the string level.
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "\\"))
                if byte == UInt8(ascii: "\\") {
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "\\"))
                } else {
                    out.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x21...0x7E:
                out.append(byte)
            default:
                appendDecimalEscape(byte, to: &out)
            }
        }
    }
}
