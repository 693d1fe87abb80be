import ZoneModel

extension RDataTokenReader {
    /// RFC 3123 APL: `[!]afi:address/prefix` items, to the end (none is empty RDATA).
    /// The address part is written without its trailing zero octets (section 4).
    mutating func encodeAPL(into out: inout [UInt8]) throws(RDataSyntaxError) {
        while !isAtEnd {
            let token = try next("an APL item")
            var text = token.text
            var negate = false
            if text.first == UInt8(ascii: "!") {
                negate = true
                text = text.dropFirst()
            }
            guard let colon = text.firstIndex(of: UInt8(ascii: ":")),
                  let slash = text.lastIndex(of: UInt8(ascii: "/")), slash > colon,
                  let family = parseDecimal(text[text.startIndex..<colon], limit: 65535),
                  let prefix = parseDecimal(text[(slash + 1)...], limit: 255)
            else { throw expected("an APL item [!]afi:address/prefix") }
            var address: [UInt8] = []
            let addressText = text[(colon + 1)..<slash]
            switch family {
            case 1:
                guard appendIPv4(addressText, to: &address) else { throw bad("APL IPv4 address") }
                guard prefix <= 32 else { throw failure("APL IPv4 prefix length \(prefix) is over 32") }
            case 2:
                guard appendIPv6(addressText, to: &address) else { throw bad("APL IPv6 address") }
                guard prefix <= 128 else { throw failure("APL IPv6 prefix length \(prefix) is over 128") }
            default:
                throw failure("APL address family \(family) is not 1 (IPv4) or 2 (IPv6)")
            }
            while address.last == 0 { address.removeLast() }
            out.appendUInt16(UInt16(family))
            out.append(UInt8(prefix))
            out.append((negate ? 0x80 : 0) | UInt8(address.count))
            out.append(contentsOf: address)
        }
    }

    /// RFC 4025 IPSECKEY after the precedence: gateway type, algorithm,
    /// gateway (`.`, IPv4, IPv6 or a name) and an optional base64 key.
    mutating func encodeIPSECKEY(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let gatewayType = UInt8(try unsigned(bits: 8, "a gateway type (0 to 3)"))
        guard gatewayType <= 3 else { throw expected("a gateway type (0 to 3)") }
        out.append(gatewayType)
        out.append(UInt8(try unsigned(bits: 8, "an algorithm")))
        try encodeGateway(type: gatewayType, into: &out)
        // The key is absent when the algorithm is 0 (RFC 4025 section 2.4).
        if !isAtEnd { try encodeBase64(into: &out) }
    }

    /// RFC 8777 AMTRELAY after the precedence: D bit, relay type, relay.
    mutating func encodeAMTRELAY(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let discovery = try unsigned(bits: 1, "the discovery optional bit (0 or 1)")
        let relayType = UInt8(try unsigned(bits: 7, "a relay type (0 to 3)"))
        guard relayType <= 3 else { throw expected("a relay type (0 to 3)") }
        out.append(UInt8(discovery) << 7 | relayType)
        try encodeGateway(type: relayType, into: &out)
    }

    /// IPSECKEY gateway / AMTRELAY relay by type: 0 `.`, 1 IPv4, 2 IPv6, 3 a name.
    private mutating func encodeGateway(type: UInt8, into out: inout [UInt8]) throws(RDataSyntaxError) {
        switch type {
        case 0:
            let token = try next("\".\" (no gateway)")
            guard token.text.count == 1, token.text.first == UInt8(ascii: ".") else {
                throw expected("\".\" for gateway type 0")
            }
        case 1: try encodeIPv4(into: &out)
        case 2: try encodeIPv6(into: &out)
        default:
            // A gateway name is written uncompressed, with the case given.
            try encodeName(into: &out)
        }
    }

    /// RFC 8005 HIP: algorithm, HIT (hex), public key (base64), then rendezvous servers.
    mutating func encodeHIP(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let algorithm = UInt8(try unsigned(bits: 8, "a public key algorithm"))
        let hitToken = try next("a HIT (hex)")
        var hit: [UInt8] = []
        guard appendHexToken(hitToken.text, to: &hit), !hit.isEmpty, hit.count <= 255 else { throw bad("HIT") }
        let keyToken = try next("a public key (base64)")
        var key: [UInt8] = []
        var decoder = Base64Decoder()
        guard decoder.feed(UnsafeBufferPointer(rebasing: keyToken.text), into: &key), decoder.finish(into: &key), !key.isEmpty, key.count <= 65535 else {
            throw bad("base64 public key")
        }
        out.append(UInt8(hit.count))
        out.append(algorithm)
        out.appendUInt16(UInt16(key.count))
        out.append(contentsOf: hit)
        out.append(contentsOf: key)
        while !isAtEnd { try encodeName(into: &out) }
    }

    /// RFC 2874 section 3.1 A6: prefix length, the address suffix (absent for
    /// 128), the prefix name (absent for 0). Bits of the suffix inside the
    /// prefix are cleared, as BIND does.
    mutating func encodeA6(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let prefixLength = Int(try unsigned(bits: 8, "a prefix length (0 to 128)"))
        guard prefixLength <= 128 else { throw expected("a prefix length (0 to 128)") }
        out.append(UInt8(prefixLength))
        if prefixLength < 128 {
            var address: [UInt8] = []
            try encodeIPv6(into: &address)
            let octets = 16 - prefixLength / 8
            var suffix = Array(address[(16 - octets)...])
            suffix[0] &= UInt8(0xFF >> (prefixLength % 8))
            out.append(contentsOf: suffix)
        }
        if prefixLength > 0 { try encodeName(into: &out) }
    }

    /// RFC 1706 NSAP: `0x` then hex digits, `.` allowed between them.
    mutating func encodeNSAP(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("an NSAP address (0x...)")
        let text = token.text
        guard text.count > 2, text.first == UInt8(ascii: "0"), text[text.startIndex + 1] | 0x20 == UInt8(ascii: "x") else {
            throw expected("an NSAP address starting with 0x")
        }
        var pending: UInt8? = nil
        var count = 0
        for byte in text.dropFirst(2) where byte != UInt8(ascii: ".") {
            guard let value = RDataEncodings.hexValue(byte) else { throw bad("NSAP address") }
            if let high = pending {
                out.append(high << 4 | value)
                pending = nil
                count += 1
            } else {
                pending = value
            }
        }
        guard pending == nil, count > 0 else { throw bad("NSAP address (odd number of hex digits)") }
    }

    /// ATM Forum AF-DANS-0152.000 ATMA: an AESA address as hex (format 0) or
    /// an E.164 number `+digits` (format 1); `.` separators are ignored.
    mutating func encodeATMA(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let token = try next("an ATM address")
        let text = token.text
        if text.first == UInt8(ascii: "+") {
            out.append(1)
            var digits = 0
            for byte in text.dropFirst() where byte != UInt8(ascii: ".") {
                guard byte &- 48 < 10 else { throw bad("E.164 ATM address") }
                out.append(byte)
                digits += 1
            }
            guard digits > 0 else { throw bad("E.164 ATM address") }
            return
        }
        out.append(0)
        var pending: UInt8? = nil
        var count = 0
        for byte in text where byte != UInt8(ascii: ".") {
            guard let value = RDataEncodings.hexValue(byte) else { throw bad("AESA ATM address") }
            if let high = pending {
                out.append(high << 4 | value)
                pending = nil
                count += 1
            } else {
                pending = value
            }
        }
        guard pending == nil, count > 0 else { throw bad("AESA ATM address (odd number of hex digits)") }
    }
}
