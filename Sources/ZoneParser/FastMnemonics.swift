import ZoneModel

/// Type and class lookups for the parser's hot path: the mnemonics nearly
/// every record uses are recognised by comparing packed bytes (no hashing);
/// everything else goes to `RRType(mnemonic:)` / `RRClass(mnemonic:)`.
enum FastMnemonics {
    /// Up to 8 bytes, upper-cased, packed little-endian; nil when longer.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            let upper = byte &- 97 < 26 ? byte & 0xDF : byte
            value |= UInt64(upper) << shift
            shift += 8
        }
        return value
    }

    // The packed forms of the mnemonics below (see `pack`), as literals so
    // the switches compile to plain comparisons.
    private static let a: UInt64 = 0x41 // A
    private static let ns: UInt64 = 0x534E // NS
    private static let cname: UInt64 = 0x454D414E43 // CNAME
    private static let soa: UInt64 = 0x414F53 // SOA
    private static let ptr: UInt64 = 0x525450 // PTR
    private static let mx: UInt64 = 0x584D // MX
    private static let txt: UInt64 = 0x545854 // TXT
    private static let aaaa: UInt64 = 0x41414141 // AAAA
    private static let srv: UInt64 = 0x565253 // SRV
    private static let ds: UInt64 = 0x5344 // DS
    private static let rrsig: UInt64 = 0x4749535252 // RRSIG
    private static let nsec: UInt64 = 0x4345534E // NSEC
    private static let dnskey: UInt64 = 0x59454B534E44 // DNSKEY
    private static let nsec3: UInt64 = 0x334345534E // NSEC3
    private static let caa: UInt64 = 0x414143 // CAA
    private static let tlsa: UInt64 = 0x41534C54 // TLSA
    private static let https: UInt64 = 0x5350545448 // HTTPS
    private static let svcb: UInt64 = 0x42435653 // SVCB
    private static let classIN: UInt64 = 0x4E49 // IN
    private static let classCH: UInt64 = 0x4843 // CH
    private static let classHS: UInt64 = 0x5348 // HS
    private static let classCS: UInt64 = 0x5343 // CS
    private static let classNONE: UInt64 = 0x454E4F4E // NONE
    private static let classANY: UInt64 = 0x594E41 // ANY

    static func type(_ bytes: UnsafeBufferPointer<UInt8>) -> RRType? {
        if let packed = pack(bytes) {
            switch packed {
            case a: return .a
            case ns: return .ns
            case cname: return .cname
            case soa: return .soa
            case ptr: return .ptr
            case mx: return .mx
            case txt: return .txt
            case aaaa: return .aaaa
            case srv: return .srv
            case ds: return .ds
            case rrsig: return .rrsig
            case nsec: return .nsec
            case dnskey: return .dnskey
            case nsec3: return .nsec3
            case caa: return .caa
            case tlsa: return .tlsa
            case https: return .https
            case svcb: return .svcb
            default: break
            }
        }
        return RRType(mnemonic: bytes)
    }

    /// The class a token names, or nil. Only `CLASSnnn` needs the general parser.
    static func rrClass(_ bytes: UnsafeBufferPointer<UInt8>) -> RRClass? {
        if let packed = pack(bytes) {
            switch packed {
            case classIN: return .in
            case classCH: return .ch
            case classHS: return .hs
            case classCS: return .cs
            case classNONE: return RRClass.none
            case classANY: return .any
            default: break
            }
        }
        guard bytes.count > 5, bytes[0] | 0x20 == UInt8(ascii: "c"), bytes[1] | 0x20 == UInt8(ascii: "l") else {
            return nil
        }
        return RRClass(mnemonic: bytes)
    }
}
