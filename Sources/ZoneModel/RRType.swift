/// A resource record type. Every mnemonic ldns 1.8 knows has a constant and a
/// name; any other value prints and parses as `TYPEnnn` (RFC 3597).
public struct RRType: RawRepresentable, Hashable, Comparable, Sendable {
    public let rawValue: UInt16

    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let a = RRType(1), ns = RRType(2), md = RRType(3), mf = RRType(4)
    public static let cname = RRType(5), soa = RRType(6), mb = RRType(7), mg = RRType(8)
    public static let mr = RRType(9), null = RRType(10), wks = RRType(11), ptr = RRType(12)
    public static let hinfo = RRType(13), minfo = RRType(14), mx = RRType(15), txt = RRType(16)
    public static let rp = RRType(17), afsdb = RRType(18), x25 = RRType(19), isdn = RRType(20)
    public static let rt = RRType(21), nsap = RRType(22), nsapPtr = RRType(23), sig = RRType(24)
    public static let key = RRType(25), px = RRType(26), gpos = RRType(27), aaaa = RRType(28)
    public static let loc = RRType(29), nxt = RRType(30), eid = RRType(31), nimloc = RRType(32)
    public static let srv = RRType(33), atma = RRType(34), naptr = RRType(35), kx = RRType(36)
    public static let cert = RRType(37), a6 = RRType(38), dname = RRType(39), sink = RRType(40)
    public static let opt = RRType(41), apl = RRType(42), ds = RRType(43), sshfp = RRType(44)
    public static let ipseckey = RRType(45), rrsig = RRType(46), nsec = RRType(47), dnskey = RRType(48)
    public static let dhcid = RRType(49), nsec3 = RRType(50), nsec3param = RRType(51), tlsa = RRType(52)
    public static let smimea = RRType(53), hip = RRType(55), ninfo = RRType(56), rkey = RRType(57)
    public static let talink = RRType(58), cds = RRType(59), cdnskey = RRType(60), openpgpkey = RRType(61)
    public static let csync = RRType(62), zonemd = RRType(63), svcb = RRType(64), https = RRType(65)
    public static let spf = RRType(99), uinfo = RRType(100), uid = RRType(101), gid = RRType(102)
    public static let unspec = RRType(103), nid = RRType(104), l32 = RRType(105), l64 = RRType(106)
    public static let lp = RRType(107), eui48 = RRType(108), eui64 = RRType(109)
    public static let tkey = RRType(249), tsig = RRType(250), ixfr = RRType(251), axfr = RRType(252)
    public static let mailb = RRType(253), maila = RRType(254), any = RRType(255)
    public static let uri = RRType(256), caa = RRType(257), avc = RRType(258), doa = RRType(259)
    public static let amtrelay = RRType(260), ta = RRType(32768), dlv = RRType(32769)

    /// Every type with a mnemonic, in numeric order.
    public static let known: [(RRType, String)] = [
        (.a, "A"), (.ns, "NS"), (.md, "MD"), (.mf, "MF"), (.cname, "CNAME"), (.soa, "SOA"),
        (.mb, "MB"), (.mg, "MG"), (.mr, "MR"), (.null, "NULL"), (.wks, "WKS"), (.ptr, "PTR"),
        (.hinfo, "HINFO"), (.minfo, "MINFO"), (.mx, "MX"), (.txt, "TXT"), (.rp, "RP"),
        (.afsdb, "AFSDB"), (.x25, "X25"), (.isdn, "ISDN"), (.rt, "RT"), (.nsap, "NSAP"),
        (.nsapPtr, "NSAP-PTR"), (.sig, "SIG"), (.key, "KEY"), (.px, "PX"), (.gpos, "GPOS"),
        (.aaaa, "AAAA"), (.loc, "LOC"), (.nxt, "NXT"), (.eid, "EID"), (.nimloc, "NIMLOC"),
        (.srv, "SRV"), (.atma, "ATMA"), (.naptr, "NAPTR"), (.kx, "KX"), (.cert, "CERT"),
        (.a6, "A6"), (.dname, "DNAME"), (.sink, "SINK"), (.opt, "OPT"), (.apl, "APL"),
        (.ds, "DS"), (.sshfp, "SSHFP"), (.ipseckey, "IPSECKEY"), (.rrsig, "RRSIG"),
        (.nsec, "NSEC"), (.dnskey, "DNSKEY"), (.dhcid, "DHCID"), (.nsec3, "NSEC3"),
        (.nsec3param, "NSEC3PARAM"), (.tlsa, "TLSA"), (.smimea, "SMIMEA"), (.hip, "HIP"),
        (.ninfo, "NINFO"), (.rkey, "RKEY"), (.talink, "TALINK"), (.cds, "CDS"),
        (.cdnskey, "CDNSKEY"), (.openpgpkey, "OPENPGPKEY"), (.csync, "CSYNC"),
        (.zonemd, "ZONEMD"), (.svcb, "SVCB"), (.https, "HTTPS"), (.spf, "SPF"),
        (.uinfo, "UINFO"), (.uid, "UID"), (.gid, "GID"), (.unspec, "UNSPEC"), (.nid, "NID"),
        (.l32, "L32"), (.l64, "L64"), (.lp, "LP"), (.eui48, "EUI48"), (.eui64, "EUI64"),
        (.tkey, "TKEY"), (.tsig, "TSIG"), (.ixfr, "IXFR"), (.axfr, "AXFR"), (.mailb, "MAILB"),
        (.maila, "MAILA"), (.any, "ANY"), (.uri, "URI"), (.caa, "CAA"), (.avc, "AVC"),
        (.doa, "DOA"), (.amtrelay, "AMTRELAY"), (.ta, "TA"), (.dlv, "DLV"),
    ]

    private static let byValue: [UInt16: String] = Dictionary(
        uniqueKeysWithValues: known.map { ($0.0.rawValue, $0.1) })
    private static let byMnemonic = MnemonicTable(known.map { ($0.1, $0.0.rawValue) })

    /// The mnemonic, or `TYPEnnn`.
    public var mnemonic: String { RRType.byValue[rawValue] ?? "TYPE\(rawValue)" }

    /// True for types with a registered mnemonic.
    public var isKnown: Bool { RRType.byValue[rawValue] != nil }

    /// Meta and question-only types that never appear in a zone (RFC 6895).
    public var isMeta: Bool {
        switch self {
        case .opt, .tkey, .tsig, .ixfr, .axfr, .mailb, .maila, .any: true
        default: false
        }
    }

    /// Parses a mnemonic (any case) or `TYPEnnn`.
    public init?(mnemonic text: String) {
        var text = text
        guard let value = text.withUTF8({ RRType.parse($0) }) else { return nil }
        self.init(value)
    }

    /// Parses mnemonic bytes without making a String.
    public init?(mnemonic bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = RRType.parse(bytes) else { return nil }
        self.init(value)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        if let value = byMnemonic.lookup(bytes) { return value }
        return MnemonicTable.numericSuffix(bytes, prefix: "TYPE")
    }
}

extension RRType: CustomStringConvertible {
    public var description: String { mnemonic }
}

/// A record class (RFC 1035 3.2.4); `CLASSnnn` for the unnamed ones.
public struct RRClass: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let `in` = RRClass(1), cs = RRClass(2), ch = RRClass(3), hs = RRClass(4)
    public static let none = RRClass(254), any = RRClass(255)

    private static let names: [(RRClass, String)] = [
        (.in, "IN"), (.cs, "CS"), (.ch, "CH"), (.hs, "HS"), (.none, "NONE"), (.any, "ANY"),
    ]
    private static let byMnemonic = MnemonicTable(names.map { ($0.1, $0.0.rawValue) })

    public var mnemonic: String {
        RRClass.names.first { $0.0 == self }?.1 ?? "CLASS\(rawValue)"
    }

    public init?(mnemonic text: String) {
        var text = text
        guard let value = text.withUTF8({ RRClass.parse($0) }) else { return nil }
        self.init(value)
    }

    public init?(mnemonic bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = RRClass.parse(bytes) else { return nil }
        self.init(value)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        if let value = byMnemonic.lookup(bytes) { return value }
        return MnemonicTable.numericSuffix(bytes, prefix: "CLASS")
    }
}

extension RRClass: CustomStringConvertible {
    public var description: String { mnemonic }
}

/// Case-insensitive lookup of short ASCII mnemonics without building Strings:
/// each mnemonic (at most 16 octets) is packed upper-cased into two words.
struct MnemonicTable: Sendable {
    private struct Key: Hashable, Sendable {
        var low: UInt64
        var high: UInt64
    }

    private let table: [Key: UInt16]

    init(_ entries: [(String, UInt16)]) {
        var table: [Key: UInt16] = [:]
        for (name, value) in entries {
            var name = name
            let key = name.withUTF8 { MnemonicTable.pack($0) }
            if let key { table[key] = value }
        }
        self.table = table
    }

    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt16? {
        guard let key = MnemonicTable.pack(bytes) else { return nil }
        return table[key]
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var key = Key(low: 0, high: 0)
        for (index, byte) in bytes.enumerated() {
            let upper = byte &- 97 < 26 ? byte & 0xDF : byte
            if index < 8 {
                key.low |= UInt64(upper) << (8 * UInt64(index))
            } else {
                key.high |= UInt64(upper) << (8 * UInt64(index - 8))
            }
        }
        return key
    }

    /// `TYPE123` / `CLASS3`: the number after a case-insensitive prefix.
    static func numericSuffix(_ bytes: UnsafeBufferPointer<UInt8>, prefix: StaticString) -> UInt16? {
        let prefixLength = prefix.utf8CodeUnitCount
        guard bytes.count > prefixLength, bytes.count <= prefixLength + 5 else { return nil }
        let prefixBytes = UnsafeBufferPointer(start: prefix.utf8Start, count: prefixLength)
        for index in 0..<prefixLength where bytes[index] & 0xDF != prefixBytes[index] {
            return nil
        }
        var value = 0
        for index in prefixLength..<bytes.count {
            let digit = bytes[index] &- 48
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value <= 65535 ? UInt16(value) : nil
    }
}
