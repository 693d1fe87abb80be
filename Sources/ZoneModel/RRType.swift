/// A resource record type. Every mnemonic ldns 1.8 knows has a constant and a
/// name; any other value prints and parses as `TYPEnnn` (RFC 3597).
public struct RRType: RawRepresentable, Hashable, Comparable, Sendable {
    public let rawValue: UInt16

    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }

    // Inlinable computed constants, not `static let`s: other modules read a
    // stored static through an accessor call and a once-check per use, and
    // the checks and the parser compare types per record.
    @inlinable public static var a: RRType { RRType(1) }
    @inlinable public static var ns: RRType { RRType(2) }
    @inlinable public static var md: RRType { RRType(3) }
    @inlinable public static var mf: RRType { RRType(4) }
    @inlinable public static var cname: RRType { RRType(5) }
    @inlinable public static var soa: RRType { RRType(6) }
    @inlinable public static var mb: RRType { RRType(7) }
    @inlinable public static var mg: RRType { RRType(8) }
    @inlinable public static var mr: RRType { RRType(9) }
    @inlinable public static var null: RRType { RRType(10) }
    @inlinable public static var wks: RRType { RRType(11) }
    @inlinable public static var ptr: RRType { RRType(12) }
    @inlinable public static var hinfo: RRType { RRType(13) }
    @inlinable public static var minfo: RRType { RRType(14) }
    @inlinable public static var mx: RRType { RRType(15) }
    @inlinable public static var txt: RRType { RRType(16) }
    @inlinable public static var rp: RRType { RRType(17) }
    @inlinable public static var afsdb: RRType { RRType(18) }
    @inlinable public static var x25: RRType { RRType(19) }
    @inlinable public static var isdn: RRType { RRType(20) }
    @inlinable public static var rt: RRType { RRType(21) }
    @inlinable public static var nsap: RRType { RRType(22) }
    @inlinable public static var nsapPtr: RRType { RRType(23) }
    @inlinable public static var sig: RRType { RRType(24) }
    @inlinable public static var key: RRType { RRType(25) }
    @inlinable public static var px: RRType { RRType(26) }
    @inlinable public static var gpos: RRType { RRType(27) }
    @inlinable public static var aaaa: RRType { RRType(28) }
    @inlinable public static var loc: RRType { RRType(29) }
    @inlinable public static var nxt: RRType { RRType(30) }
    @inlinable public static var eid: RRType { RRType(31) }
    @inlinable public static var nimloc: RRType { RRType(32) }
    @inlinable public static var srv: RRType { RRType(33) }
    @inlinable public static var atma: RRType { RRType(34) }
    @inlinable public static var naptr: RRType { RRType(35) }
    @inlinable public static var kx: RRType { RRType(36) }
    @inlinable public static var cert: RRType { RRType(37) }
    @inlinable public static var a6: RRType { RRType(38) }
    @inlinable public static var dname: RRType { RRType(39) }
    @inlinable public static var sink: RRType { RRType(40) }
    @inlinable public static var opt: RRType { RRType(41) }
    @inlinable public static var apl: RRType { RRType(42) }
    @inlinable public static var ds: RRType { RRType(43) }
    @inlinable public static var sshfp: RRType { RRType(44) }
    @inlinable public static var ipseckey: RRType { RRType(45) }
    @inlinable public static var rrsig: RRType { RRType(46) }
    @inlinable public static var nsec: RRType { RRType(47) }
    @inlinable public static var dnskey: RRType { RRType(48) }
    @inlinable public static var dhcid: RRType { RRType(49) }
    @inlinable public static var nsec3: RRType { RRType(50) }
    @inlinable public static var nsec3param: RRType { RRType(51) }
    @inlinable public static var tlsa: RRType { RRType(52) }
    @inlinable public static var smimea: RRType { RRType(53) }
    @inlinable public static var hip: RRType { RRType(55) }
    @inlinable public static var ninfo: RRType { RRType(56) }
    @inlinable public static var rkey: RRType { RRType(57) }
    @inlinable public static var talink: RRType { RRType(58) }
    @inlinable public static var cds: RRType { RRType(59) }
    @inlinable public static var cdnskey: RRType { RRType(60) }
    @inlinable public static var openpgpkey: RRType { RRType(61) }
    @inlinable public static var csync: RRType { RRType(62) }
    @inlinable public static var zonemd: RRType { RRType(63) }
    @inlinable public static var svcb: RRType { RRType(64) }
    @inlinable public static var https: RRType { RRType(65) }
    @inlinable public static var spf: RRType { RRType(99) }
    @inlinable public static var uinfo: RRType { RRType(100) }
    @inlinable public static var uid: RRType { RRType(101) }
    @inlinable public static var gid: RRType { RRType(102) }
    @inlinable public static var unspec: RRType { RRType(103) }
    @inlinable public static var nid: RRType { RRType(104) }
    @inlinable public static var l32: RRType { RRType(105) }
    @inlinable public static var l64: RRType { RRType(106) }
    @inlinable public static var lp: RRType { RRType(107) }
    @inlinable public static var eui48: RRType { RRType(108) }
    @inlinable public static var eui64: RRType { RRType(109) }
    @inlinable public static var tkey: RRType { RRType(249) }
    @inlinable public static var tsig: RRType { RRType(250) }
    @inlinable public static var ixfr: RRType { RRType(251) }
    @inlinable public static var axfr: RRType { RRType(252) }
    @inlinable public static var mailb: RRType { RRType(253) }
    @inlinable public static var maila: RRType { RRType(254) }
    @inlinable public static var any: RRType { RRType(255) }
    @inlinable public static var uri: RRType { RRType(256) }
    @inlinable public static var caa: RRType { RRType(257) }
    @inlinable public static var avc: RRType { RRType(258) }
    @inlinable public static var doa: RRType { RRType(259) }
    @inlinable public static var amtrelay: RRType { RRType(260) }
    @inlinable public static var ta: RRType { RRType(32768) }
    @inlinable public static var dlv: RRType { RRType(32769) }

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

    // Inlinable computed constants, as `RRType`'s.
    @inlinable public static var `in`: RRClass { RRClass(1) }
    @inlinable public static var cs: RRClass { RRClass(2) }
    @inlinable public static var ch: RRClass { RRClass(3) }
    @inlinable public static var hs: RRClass { RRClass(4) }
    @inlinable public static var none: RRClass { RRClass(254) }
    @inlinable public static var any: RRClass { RRClass(255) }

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
