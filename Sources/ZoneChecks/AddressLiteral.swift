import ZoneModel

/// Spots a host name that is really an IP address (`MX 10 192.0.2.1.`, or the
/// same written relative to the origin), as BIND's `check-mx` does.
enum AddressLiteral {
    static func isAddress(_ name: DomainName, origin: DomainName) -> Bool {
        guard name.wire.withUnsafeBufferPointer(mayBeAddress) else { return false }
        let labels = name.labels
        guard let first = labels.first else { return false }
        if labels.count >= 4, labels.prefix(4).allSatisfy(isOctetLabel),
           restIsRootOrOrigin(name, dropping: 4, origin: origin) {
            return true
        }
        if first.contains(UInt8(ascii: ":")), isIPv6(Array(first)),
           restIsRootOrOrigin(name, dropping: 1, origin: origin) {
            return true
        }
        return false
    }

    /// The cheap test `isAddress` starts with, on the wire: an address
    /// starts with a digit, a hex letter or a colon; most host names fail
    /// here without allocating. False means `isAddress` is false.
    static func mayBeAddress(_ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        wire.count > 1 && wire[0] > 0 && (wire[1] &- UInt8(ascii: "0") < 10
            || wire[1] == UInt8(ascii: ":") || ((wire[1] | 0x20) &- UInt8(ascii: "a")) < 6)
    }

    private static func restIsRootOrOrigin(_ name: DomainName, dropping count: Int, origin: DomainName) -> Bool {
        let rest = name.suffix(labels: name.labelCount - count)
        return rest.isRoot || rest == origin
    }

    /// 0 to 255 in one to three decimal digits.
    private static func isOctetLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...3).contains(label.count) else { return false }
        var value = 0
        for byte in label {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return false }
            value = value * 10 + Int(digit)
        }
        return value <= 255
    }

    /// RFC 4291 section 2.2 text form: eight groups of one to four hex digits,
    /// one `::` for a run of zero groups, an IPv4 tail allowed.
    static func isIPv6(_ text: [UInt8]) -> Bool {
        guard text.count >= 2, text.count <= 45 else { return false }
        let colon = UInt8(ascii: ":")
        var doubleAt: Int?
        var index = 0
        while index + 1 < text.count {
            if text[index] == colon && text[index + 1] == colon {
                guard doubleAt == nil else { return false }
                doubleAt = index
                index += 2
                continue
            }
            index += 1
        }
        let pieces: [ArraySlice<UInt8>]
        if let at = doubleAt {
            pieces = [text[..<at], text[(at + 2)...]]
        } else {
            pieces = [text[...]]
        }
        var groups = 0
        for (pieceIndex, piece) in pieces.enumerated() where !piece.isEmpty {
            let parts = piece.split(separator: colon, omittingEmptySubsequences: false)
            for (partIndex, part) in parts.enumerated() {
                let isLast = pieceIndex == pieces.count - 1 && partIndex == parts.count - 1
                if isLast, part.contains(UInt8(ascii: ".")) {
                    let octets = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
                    guard octets.count == 4, octets.allSatisfy(isOctetLabel) else { return false }
                    groups += 2
                    continue
                }
                guard (1...4).contains(part.count), part.allSatisfy(isHexDigit) else { return false }
                groups += 1
            }
        }
        return doubleAt == nil ? groups == 8 : groups <= 7
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || ((byte | 0x20) &- UInt8(ascii: "a")) < 6
    }
}
