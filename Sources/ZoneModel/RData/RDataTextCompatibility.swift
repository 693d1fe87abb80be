/// What ldns 1.8.3 can read back. `zoneaudit print` output is meant to be fed
/// to ldns and BIND, so names and typed text are used only where ldns reads
/// them the way zoneaudit does; everything else is printed as `TYPEnnn` and
/// in RFC 3597 form, which every RFC 3597 parser reads.
public enum RDataTextCompatibility {
    /// Type mnemonics ldns 1.8.3 knows (its descriptor table plus the query types).
    static func ldnsKnowsMnemonic(_ type: RRType) -> Bool {
        let value = type.rawValue
        // Plain comparisons: range patterns cost a generic call per test.
        if value >= 1 && value <= 53 { return true }
        if value >= 58 && value <= 65 { return true }
        if value >= 104 && value <= 109 { return true }
        if value >= 249 && value <= 257 { return true }
        return value == 55 || value == 99 || value == 32769
    }

    /// The type as printed: the mnemonic when ldns knows it, else `TYPEnnn`.
    public static func mnemonic(_ type: RRType) -> String {
        ldnsKnowsMnemonic(type) ? type.mnemonic : "TYPE\(type.rawValue)"
    }

    /// `mnemonic(_:)` appended as bytes, from a table (no String per type).
    static func appendMnemonic(_ type: RRType, to out: inout [UInt8]) {
        let value = Int(type.rawValue)
        if value < lowNames.count, let name = lowNames[value] {
            out.append(contentsOf: name)
        } else if value == 32769 {
            out.append(contentsOf: "DLV".utf8)
        } else {
            out.append(contentsOf: "TYPE".utf8)
            RDataPresentation.appendDecimal(UInt64(value), to: &out)
        }
    }

    /// Printed names of types 0 to 257, nil where `TYPEnnn` is printed.
    private static let lowNames: [[UInt8]?] = (0...257).map { value in
        let type = RRType(UInt16(value))
        return ldnsKnowsMnemonic(type) && type.isKnown ? Array(type.mnemonic.utf8) : nil
    }

    /// Types printed in `\#` form although zoneaudit reads their typed text:
    /// ldns lacks them (NINFO, RKEY, UINFO, UID, GID, AVC, DOA, AMTRELAY, TA),
    /// cannot parse their text (A6, NXT, TKEY, TSIG), or reads it into other
    /// octets (NSAP-PTR as a string instead of a name, ATMA without the
    /// format octet, SINK as one octet).
    public static func printsGenerically(_ type: RRType) -> Bool {
        let value = type.rawValue
        if value == 23 || value == 30 || value == 34 || value == 38 || value == 40 || value == 249 || value == 250 {
            return true
        }
        return !ldnsKnowsMnemonic(type)
    }

    /// Valid RDATA whose typed text ldns 1.8.3 reads wrongly or not at all,
    /// although it reads the `\#` form of it: an empty WKS port list or
    /// CSYNC type list, an IPSECKEY without a key, an NSEC3 hash that is not
    /// a multiple of 5 octets (ldns wants whole base32 groups), and SVCB
    /// alpn IDs holding `,` or `\` (ldns does not apply RFC 9460's second
    /// level of escaping).
    public static func ldnsMisreadsTypedText(type: RRType, rdata: [UInt8]) -> Bool {
        switch type {
        case .wks: return rdata.count == 5
        case .csync: return rdata.count == 6
        case .ipseckey:
            guard rdata.count >= 3 else { return false }
            var end: Int
            switch rdata[1] {
            case 0: end = 3
            case 1: end = 7
            case 2: end = 19
            case 3:
                guard let length = DomainName.wireLength(of: rdata[3...]) else { return false }
                end = 3 + length
            default: return false
            }
            return rdata.count == end
        case .nsec3:
            guard rdata.count >= 5 else { return false }
            let saltEnd = 5 + Int(rdata[4])
            guard saltEnd < rdata.count else { return false }
            return Int(rdata[saltEnd]) % 5 != 0
        case .svcb, .https:
            return alpnNeedsEscapes(rdata)
        default:
            return false
        }
    }

    private static func alpnNeedsEscapes(_ rdata: [UInt8]) -> Bool {
        guard rdata.count > 2, let nameLength = DomainName.wireLength(of: rdata[2...]) else { return false }
        var index = 2 + nameLength
        while index + 4 <= rdata.count {
            let key = UInt16(rdata[index]) << 8 | UInt16(rdata[index + 1])
            let length = Int(rdata[index + 2]) << 8 | Int(rdata[index + 3])
            let valueEnd = min(index + 4 + length, rdata.count)
            if key == 1 {
                for byte in rdata[(index + 4)..<valueEnd] where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\\") {
                    return true
                }
            }
            index = valueEnd
        }
        return false
    }
}
