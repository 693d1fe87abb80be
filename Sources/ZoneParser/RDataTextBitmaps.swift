import ZoneModel

extension RDataTokenReader {
    /// RFC 4034 section 4.1.2 type bitmap from the remaining tokens (none is
    /// an empty bitmap). Built in a stack buffer: no heap use per record.
    mutating func encodeTypeBitmap(into out: inout [UInt8]) throws(RDataSyntaxError) {
        if isAtEnd { return }
        try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8192 + 256) { buffer throws(RDataSyntaxError) in
            let bits = UnsafeMutableBufferPointer(rebasing: buffer[0..<8192])
            // Per window in use: the highest octet used plus one.
            let windowLength = UnsafeMutableBufferPointer(rebasing: buffer[8192..<(8192 + 256)])
            // Which of the 256 windows are in use; only those are initialised.
            var used: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            try withUnsafeMutableBytes(of: &used) { usedBytes throws(RDataSyntaxError) in
                let usedWords = usedBytes.bindMemory(to: UInt64.self)
                while !isAtEnd {
                    let value = Int(try rrType())
                    let window = value >> 8, octet = (value & 0xFF) >> 3
                    let mask = UInt64(1) << UInt64(window & 63)
                    if usedWords[window >> 6] & mask == 0 {
                        usedWords[window >> 6] |= mask
                        UnsafeMutableBufferPointer(rebasing: bits[(window * 32)..<(window * 32 + 32)]).initialize(repeating: 0)
                        windowLength[window] = 0
                    }
                    bits[window * 32 + octet] |= 0x80 >> UInt8(value & 7)
                    windowLength[window] = max(windowLength[window], UInt8(octet + 1))
                }
                for word in 0..<4 {
                    var pending = usedWords[word]
                    while pending != 0 {
                        let window = word * 64 + pending.trailingZeroBitCount
                        pending &= pending - 1
                        let length = Int(windowLength[window])
                        out.append(UInt8(window))
                        out.append(UInt8(length))
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bits[(window * 32)..<(window * 32 + length)]))
                    }
                }
            }
        }
    }

    /// RFC 2535 section 5.2 NXT bitmap: one bit per type below 128, no windows.
    mutating func encodeNXTBitmap(into out: inout [UInt8]) throws(RDataSyntaxError) {
        var bitmap = [UInt8](repeating: 0, count: 16)
        var length = 0
        _ = try next("a record type")
        index -= 1
        while !isAtEnd {
            let value = Int(try rrType())
            guard value >= 1, value < 128 else {
                throw failure("NXT bitmaps hold types 1 to 127 only (RFC 2535 section 5.2), got \(RDataTokenReader.quote(self[lastIndex].text))")
            }
            bitmap[value >> 3] |= 0x80 >> UInt8(value & 7)
            length = max(length, (value >> 3) + 1)
        }
        out.append(contentsOf: bitmap[0..<length])
    }

    /// RFC 1035 section 3.4.2 WKS: a protocol, then the services as a port bitmap.
    mutating func encodeWKSBitmap(into out: inout [UInt8]) throws(RDataSyntaxError) {
        let protocolToken = try next("a protocol (tcp, udp or a number)")
        let protocolNumber: UInt8
        if let number = parseDecimal(protocolToken.text, limit: 255) {
            protocolNumber = UInt8(number)
        } else if let number = RDataMnemonics.lookup(protocolToken.text, in: WellKnownServices.protocols) {
            protocolNumber = UInt8(number)
        } else {
            throw expected("a protocol (tcp, udp or a number)")
        }
        out.append(protocolNumber)
        var bitmap: [UInt8] = []
        while !isAtEnd {
            let token = try next("a service")
            let port: Int
            if let number = parseDecimal(token.text, limit: 65535) {
                port = Int(number)
            } else if let number = RDataMnemonics.lookup(token.text, in: WellKnownServices.ports) {
                port = Int(number)
            } else {
                throw expected("a port number or a well-known service name")
            }
            if bitmap.count <= port >> 3 {
                bitmap.append(contentsOf: repeatElement(0, count: (port >> 3) + 1 - bitmap.count))
            }
            bitmap[port >> 3] |= 0x80 >> UInt8(port & 7)
        }
        out.append(contentsOf: bitmap)
    }
}

/// Protocol and service names for WKS. A fixed table, not /etc/services, so
/// a zone file means the same on every machine.
enum WellKnownServices {
    static let protocols: RDataMnemonics.Table = [
        (Array("icmp".utf8), 1), (Array("igmp".utf8), 2), (Array("tcp".utf8), 6),
        (Array("udp".utf8), 17), (Array("ipv6-icmp".utf8), 58), (Array("sctp".utf8), 132),
    ]

    static let ports: RDataMnemonics.Table = [
        ("tcpmux", 1), ("echo", 7), ("discard", 9), ("systat", 11), ("daytime", 13), ("netstat", 15),
        ("qotd", 17), ("chargen", 19), ("ftp-data", 20), ("ftp", 21), ("ssh", 22), ("telnet", 23),
        ("smtp", 25), ("time", 37), ("whois", 43), ("nicname", 43), ("tacacs", 49), ("domain", 53),
        ("bootps", 67), ("bootpc", 68), ("tftp", 69), ("gopher", 70), ("finger", 79), ("http", 80),
        ("www", 80), ("kerberos", 88), ("pop3", 110), ("sunrpc", 111), ("auth", 113), ("ident", 113),
        ("nntp", 119), ("ntp", 123), ("netbios-ns", 137), ("netbios-dgm", 138), ("netbios-ssn", 139),
        ("imap", 143), ("imap2", 143), ("snmp", 161), ("snmp-trap", 162), ("bgp", 179), ("irc", 194),
        ("ldap", 389), ("https", 443), ("submission", 587), ("ldaps", 636), ("imaps", 993), ("pop3s", 995),
    ].map { (Array($0.0.utf8), UInt16($0.1)) }
}
