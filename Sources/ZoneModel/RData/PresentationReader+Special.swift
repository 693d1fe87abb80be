// Printers for the types whose RDATA is more than a list of simple fields.

extension PresentationReader {
    /// ATMA: format 0 (AESA) as hex, format 1 (E.164) as `+digits`.
    mutating func appendATMA(to out: inout [UInt8]) -> Bool {
        guard let format = uint8(), !isAtEnd else { return false }
        let address = rest()
        switch format {
        case 0:
            RDataEncodings.appendHex(address, to: &out)
        case 1:
            guard address.allSatisfy({ $0 &- 48 < 10 }) else { return false }
            out.append(UInt8(ascii: "+"))
            out.append(contentsOf: address)
        default:
            return false
        }
        return true
    }

    /// WKS protocol (`tcp`, `udp` or a number) and the ports as numbers, so
    /// the text does not depend on any machine's /etc/services.
    mutating func appendWKS(to out: inout [UInt8]) -> Bool {
        guard let protocolNumber = uint8() else { return false }
        let bitmap = rest()
        guard bitmap.last != 0 else { return false }
        switch protocolNumber {
        case 6: out.append(contentsOf: "tcp".utf8)
        case 17: out.append(contentsOf: "udp".utf8)
        default: RDataPresentation.appendDecimal(UInt64(protocolNumber), to: &out)
        }
        for (octet, value) in bitmap.enumerated() where value != 0 {
            for bit in 0..<8 where value & (0x80 >> UInt8(bit)) != 0 {
                out.append(UInt8(ascii: " "))
                RDataPresentation.appendDecimal(UInt64(octet * 8 + bit), to: &out)
            }
        }
        return true
    }

    /// RFC 1876 LOC in ldns's layout: `52 22 23.000 N 04 53 32.000 E -2m 1m 10000m 10m`.
    mutating func appendLOC(to out: inout [UInt8]) -> Bool {
        guard remaining == 16, let version = uint8(), version == 0,
              let size = uint8(), let horizontal = uint8(), let vertical = uint8(),
              let latitude = uint32(), let longitude = uint32(), let altitude = uint32()
        else { return false }
        for precision in [size, horizontal, vertical] {
            let mantissa = precision >> 4, exponent = precision & 0x0F
            guard mantissa <= 9, exponent <= 9, mantissa != 0 || exponent == 0 else { return false }
        }
        let equator: Int64 = 1 << 31
        let latitudeOffset = Int64(latitude) - equator, longitudeOffset = Int64(longitude) - equator
        guard abs(latitudeOffset) <= 90 * 3_600_000, abs(longitudeOffset) <= 180 * 3_600_000 else { return false }
        PresentationReader.appendAngle(abs(latitudeOffset), to: &out)
        out.append(latitudeOffset > 0 ? UInt8(ascii: "N") : UInt8(ascii: "S"))
        out.append(UInt8(ascii: " "))
        PresentationReader.appendAngle(abs(longitudeOffset), to: &out)
        out.append(longitudeOffset > 0 ? UInt8(ascii: "E") : UInt8(ascii: "W"))
        out.append(UInt8(ascii: " "))
        let centimetres = Int64(altitude) - 10_000_000
        if centimetres < 0 { out.append(UInt8(ascii: "-")) }
        RDataPresentation.appendDecimal(UInt64(abs(centimetres) / 100), to: &out)
        if abs(centimetres) % 100 != 0 {
            out.append(UInt8(ascii: "."))
            PresentationReader.appendPadded(Int(abs(centimetres) % 100), width: 2, to: &out)
        }
        out.append(UInt8(ascii: "m"))
        for precision in [size, horizontal, vertical] {
            out.append(UInt8(ascii: " "))
            PresentationReader.appendPrecision(precision, to: &out)
            out.append(UInt8(ascii: "m"))
        }
        return true
    }

    /// `DD MM S.SSS ` from thousandths of an arc second.
    static func appendAngle(_ milliseconds: Int64, to out: inout [UInt8]) {
        let degrees = milliseconds / 3_600_000
        let minutes = milliseconds / 60_000 % 60
        let thousandths = milliseconds % 60_000
        appendPadded(Int(degrees), width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        appendPadded(Int(minutes), width: 2, to: &out)
        out.append(UInt8(ascii: " "))
        RDataPresentation.appendDecimal(UInt64(thousandths / 1000), to: &out)
        out.append(UInt8(ascii: "."))
        appendPadded(Int(thousandths % 1000), width: 3, to: &out)
        out.append(UInt8(ascii: " "))
    }

    /// A size/precision octet in metres as ldns prints it (`0.05`, `1`, `10000`).
    static func appendPrecision(_ precision: UInt8, to out: inout [UInt8]) {
        var mantissa = Int(precision >> 4)
        let exponent = Int(precision & 0x0F)
        if exponent < 2 {
            if exponent == 1 { mantissa *= 10 }
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            appendPadded(mantissa, width: 2, to: &out)
            return
        }
        RDataPresentation.appendDecimal(UInt64(mantissa), to: &out)
        for _ in 0..<(exponent - 2) { out.append(UInt8(ascii: "0")) }
    }

    /// RFC 3123 APL items; only the canonical form (no trailing zero octets) is printed.
    mutating func appendAPL(to out: inout [UInt8]) -> Bool {
        var first = true
        while !isAtEnd {
            guard let family = uint16(), let prefix = uint8(), let lengthOctet = uint8() else { return false }
            let length = Int(lengthOctet & 0x7F)
            guard let part = take(length), part.last != 0 else { return false }
            let size: Int
            switch family {
            case 1: size = 4
            case 2: size = 16
            default: return false
            }
            guard length <= size, Int(prefix) <= size * 8 else { return false }
            if !first { out.append(UInt8(ascii: " ")) }
            first = false
            if lengthOctet & 0x80 != 0 { out.append(UInt8(ascii: "!")) }
            RDataPresentation.appendDecimal(UInt64(family), to: &out)
            out.append(UInt8(ascii: ":"))
            var address = Array(part)
            address.append(contentsOf: repeatElement(0, count: size - length))
            if family == 1 {
                PresentationReader.appendIPv4(address[...], to: &out)
            } else {
                PresentationReader.appendIPv6(address[...], to: &out)
            }
            out.append(UInt8(ascii: "/"))
            RDataPresentation.appendDecimal(UInt64(prefix), to: &out)
        }
        return true
    }

    /// RFC 4025: gateway type, algorithm, gateway, key (absent when empty).
    mutating func appendIPSECKEY(to out: inout [UInt8]) -> Bool {
        guard let gatewayType = uint8(), let algorithm = uint8() else { return false }
        RDataPresentation.appendDecimal(UInt64(gatewayType), to: &out)
        out.append(UInt8(ascii: " "))
        RDataPresentation.appendDecimal(UInt64(algorithm), to: &out)
        out.append(UInt8(ascii: " "))
        guard appendGateway(type: gatewayType, to: &out) else { return false }
        if !isAtEnd {
            out.append(UInt8(ascii: " "))
            RDataEncodings.appendBase64(rest(), to: &out)
        }
        return true
    }

    /// RFC 8777: D bit, relay type, relay.
    mutating func appendAMTRELAY(to out: inout [UInt8]) -> Bool {
        guard let octet = uint8() else { return false }
        let relayType = octet & 0x7F
        out.append(octet & 0x80 != 0 ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        out.append(UInt8(ascii: " "))
        RDataPresentation.appendDecimal(UInt64(relayType), to: &out)
        out.append(UInt8(ascii: " "))
        return appendGateway(type: relayType, to: &out)
    }

    mutating func appendGateway(type: UInt8, to out: inout [UInt8]) -> Bool {
        switch type {
        case 0:
            out.append(UInt8(ascii: "."))
        case 1:
            guard let bytes = take(4) else { return false }
            PresentationReader.appendIPv4(bytes, to: &out)
        case 2:
            guard let bytes = take(16) else { return false }
            PresentationReader.appendIPv6(bytes, to: &out)
        case 3:
            return appendName(to: &out)
        default:
            return false
        }
        return true
    }

    /// RFC 8005: algorithm, HIT in hex, key in base64, rendezvous servers.
    mutating func appendHIP(to out: inout [UInt8]) -> Bool {
        guard let hitLength = uint8(), hitLength > 0, let algorithm = uint8(), let keyLength = uint16(), keyLength > 0,
              let hit = take(Int(hitLength)), let key = take(Int(keyLength)) else { return false }
        RDataPresentation.appendDecimal(UInt64(algorithm), to: &out)
        out.append(UInt8(ascii: " "))
        RDataEncodings.appendHex(hit, to: &out)
        out.append(UInt8(ascii: " "))
        RDataEncodings.appendBase64(key, to: &out)
        while !isAtEnd {
            out.append(UInt8(ascii: " "))
            guard appendName(to: &out) else { return false }
        }
        return true
    }

    /// RFC 2874: prefix length, address suffix (bits inside the prefix zero), prefix name.
    mutating func appendA6(to out: inout [UInt8]) -> Bool {
        guard let prefixLength = uint8(), prefixLength <= 128 else { return false }
        RDataPresentation.appendDecimal(UInt64(prefixLength), to: &out)
        if prefixLength < 128 {
            let octets = 16 - Int(prefixLength) / 8
            guard let suffix = take(octets), suffix.first! & ~UInt8(0xFF >> (prefixLength % 8)) == 0 else { return false }
            var address = [UInt8](repeating: 0, count: 16 - octets)
            address.append(contentsOf: suffix)
            out.append(UInt8(ascii: " "))
            PresentationReader.appendIPv6(address[...], to: &out)
        }
        if prefixLength > 0 {
            out.append(UInt8(ascii: " "))
            return appendName(to: &out)
        }
        return true
    }
}
