/// One field of a record type's RDATA, as both the text encoder (ZoneParser)
/// and the presentation printer (`RDataPresentation`) see it. A type's layout
/// is the list of its fields in wire order (`RDataLayout.fields(for:)`), so
/// the two directions cannot drift apart.
///
/// Fields marked "to the end" take every remaining token (text) or octet (wire).
public enum RDataField: Sendable, Equatable {
    /// An uncompressed domain name.
    case name
    case uint8
    case uint16
    case uint32
    /// A 32-bit number of seconds; TTL units (`1h30m`) accepted (SOA timers).
    case period
    /// A 32-bit time: `YYYYMMDDHHMMSS` (UTC) or seconds since the epoch (RRSIG, SIG, TKEY).
    case time
    /// A 48-bit time in seconds (TSIG).
    case time48
    /// A 16-bit RR type, as a mnemonic or `TYPEnnn`.
    case rrType
    /// An 8-bit DNSSEC algorithm, as a number or a mnemonic (`RSASHA256`).
    case algorithm
    /// A 16-bit CERT certificate type, as a number or a mnemonic (`PKIX`).
    case certType
    /// An 8-bit field whose values also have mnemonics (RFC 7218 TLSA names).
    case uint8Mnemonic(RDataMnemonicSet)
    case ipv4
    case ipv6
    /// One `<character-string>` (length-prefixed, at most 255 octets).
    case characterString
    /// A `<character-string>` that may be absent (ISDN subaddress).
    case optionalCharacterString
    /// One or more `<character-string>`s, to the end (TXT, SPF).
    case characterStrings
    /// Octets without a length prefix, to the end, from one string token (CAA value, URI target).
    case longString
    /// A CAA property tag: length-prefixed, letters and digits.
    case caaTag
    /// Base64, to the end, split over any number of tokens.
    case base64
    /// Base64 to the end, or `-` for none (DOA data).
    case base64OrDash
    /// Hex, to the end, split over any number of tokens.
    case hex
    /// A 16-bit length then that many octets, written as hex (`0` or `-` for none) (TSIG, TKEY).
    case hexWithLength16
    /// NSEC3 salt: length-prefixed, hex or `-`.
    case salt
    /// NSEC3 next hashed owner: length-prefixed, unpadded base32hex.
    case nextHashedOwner
    /// RFC 4034 type bitmap of type mnemonics, to the end (may be empty).
    case typeBitmap
    /// RFC 2535 NXT bitmap of types below 128, to the end.
    case nxtBitmap
    /// RFC 6742 64-bit locator: four groups of four hex digits.
    case ilnp64
    case eui48
    case eui64
    /// RFC 1706 NSAP address: `0x` then hex, dots allowed.
    case nsap
    /// ATM address: format octet, then hex (AESA) or `+digits` (E.164).
    case atma
    /// RFC 1035 WKS protocol and port bitmap (after the address).
    case wksBitmap
    /// RFC 1876 location, the whole RDATA.
    case loc
    /// RFC 3123 address prefix list, to the end.
    case apl
    /// RFC 4025 gateway type, algorithm, gateway and key (after the precedence).
    case ipseckey
    /// RFC 8005 HIT, algorithm, key and rendezvous servers, the whole RDATA.
    case hip
    /// RFC 2874 prefix length, address suffix and prefix name, the whole RDATA.
    case a6
    /// RFC 8777 discovery bit, relay type and relay (after the precedence).
    case amtrelay
    /// RFC 9460 SvcParams, to the end.
    case svcParams
}

/// Mnemonic sets for 8-bit fields.
public enum RDataMnemonicSet: Sendable, Equatable {
    /// RFC 7218 TLSA/SMIMEA certificate usages.
    case certificateUsage
    /// RFC 7218 selectors.
    case selector
    /// RFC 7218 matching types.
    case matchingType
}

/// Field layouts per record type.
/// The field lists of `RDataLayout`, copied into storage of one owner's own.
/// A parser thread reads a list per record; threads that all read the shared
/// global lists keep bouncing those arrays' reference counts between cores,
/// which measurably slowed a parallel parse.
public struct RDataLayoutTable: Sendable {
    /// Types below this have their lists here; the rest are read from `RDataLayout`.
    private static let covered = 512
    private let lists: [[RDataField]?]

    public init() {
        lists = (0..<RDataLayoutTable.covered).map { number in
            // `map` makes a new array: storage of this table's own.
            RDataLayout.fields(for: RRType(UInt16(number))).map { fields in fields.map { $0 } }
        }
    }

    /// As `RDataLayout.fields(for:)`.
    public func fields(for type: RRType) -> [RDataField]? {
        Int(type.rawValue) < lists.count ? lists[Int(type.rawValue)] : RDataLayout.fields(for: type)
    }
}

public enum RDataLayout {
    /// The fields of `type`, or nil when the type has no typed presentation
    /// (unknown types, NULL, OPT, UNSPEC): those use RFC 3597 `\#` only.
    public static func fields(for type: RRType) -> [RDataField]? {
        switch type.rawValue {
        case 1: a
        case 2, 3, 4, 5, 7, 8, 9, 12, 39: oneName
        case 6: soa
        case 11: wks
        case 13: twoStrings
        case 14, 17, 58: twoNames
        case 15, 18, 21, 36, 107: preferenceAndName
        case 16, 99, 56, 258: characterStrings
        case 19: oneString
        case 20: isdn
        case 22: nsap
        case 23: oneName
        case 24, 46: rrsig
        case 25, 48, 60, 57: dnskey
        case 26: px
        case 27: gpos
        case 28: aaaa
        case 29: loc
        case 30: nxt
        case 31, 32: hexOnly
        case 33: srv
        case 34: atma
        case 35: naptr
        case 37: cert
        case 38: a6
        case 40: sink
        case 42: apl
        case 43, 59, 32768, 32769: ds
        case 44: sshfp
        case 45: ipseckey
        case 47: nsec
        case 49, 61: base64Only
        case 50: nsec3
        case 51: nsec3param
        case 52, 53: tlsa
        case 55: hip
        case 62: csync
        case 63: zonemd
        case 64, 65: svcb
        case 100: oneString
        case 101, 102: oneUInt32
        case 104, 106: ilnp64
        case 105: l32
        case 108: eui48
        case 109: eui64
        case 249: tkey
        case 250: tsig
        case 256: uri
        case 257: caa
        case 259: doa
        case 260: amtrelay
        default: nil
        }
    }

    /// True when `fields(for:)` has a layout, i.e. the type has a typed text form.
    public static func hasTypedForm(_ type: RRType) -> Bool { fields(for: type) != nil }

    static let a: [RDataField] = [.ipv4]
    static let aaaa: [RDataField] = [.ipv6]
    static let oneName: [RDataField] = [.name]
    static let twoNames: [RDataField] = [.name, .name]
    static let soa: [RDataField] = [.name, .name, .uint32, .period, .period, .period, .period]
    static let wks: [RDataField] = [.ipv4, .wksBitmap]
    static let twoStrings: [RDataField] = [.characterString, .characterString]
    static let oneString: [RDataField] = [.characterString]
    static let preferenceAndName: [RDataField] = [.uint16, .name]
    static let characterStrings: [RDataField] = [.characterStrings]
    static let isdn: [RDataField] = [.characterString, .optionalCharacterString]
    static let nsap: [RDataField] = [.nsap]
    static let rrsig: [RDataField] = [.rrType, .algorithm, .uint8, .uint32, .time, .time, .uint16, .name, .base64]
    static let dnskey: [RDataField] = [.uint16, .uint8, .algorithm, .base64]
    static let px: [RDataField] = [.uint16, .name, .name]
    static let gpos: [RDataField] = [.characterString, .characterString, .characterString]
    static let loc: [RDataField] = [.loc]
    static let nxt: [RDataField] = [.name, .nxtBitmap]
    static let hexOnly: [RDataField] = [.hex]
    static let srv: [RDataField] = [.uint16, .uint16, .uint16, .name]
    static let atma: [RDataField] = [.atma]
    static let naptr: [RDataField] = [.uint16, .uint16, .characterString, .characterString, .characterString, .name]
    static let cert: [RDataField] = [.certType, .uint16, .algorithm, .base64]
    static let a6: [RDataField] = [.a6]
    static let sink: [RDataField] = [.uint8, .uint8, .base64]
    static let apl: [RDataField] = [.apl]
    static let ds: [RDataField] = [.uint16, .algorithm, .uint8, .hex]
    static let sshfp: [RDataField] = [.uint8, .uint8, .hex]
    static let ipseckey: [RDataField] = [.uint8, .ipseckey]
    static let nsec: [RDataField] = [.name, .typeBitmap]
    static let base64Only: [RDataField] = [.base64]
    static let nsec3: [RDataField] = [.uint8, .uint8, .uint16, .salt, .nextHashedOwner, .typeBitmap]
    static let nsec3param: [RDataField] = [.uint8, .uint8, .uint16, .salt]
    static let tlsa: [RDataField] = [
        .uint8Mnemonic(.certificateUsage), .uint8Mnemonic(.selector), .uint8Mnemonic(.matchingType), .hex,
    ]
    static let hip: [RDataField] = [.hip]
    static let csync: [RDataField] = [.uint32, .uint16, .typeBitmap]
    static let zonemd: [RDataField] = [.uint32, .uint8, .uint8, .hex]
    static let svcb: [RDataField] = [.uint16, .name, .svcParams]
    static let oneUInt32: [RDataField] = [.uint32]
    static let ilnp64: [RDataField] = [.uint16, .ilnp64]
    static let l32: [RDataField] = [.uint16, .ipv4]
    static let eui48: [RDataField] = [.eui48]
    static let eui64: [RDataField] = [.eui64]
    static let tkey: [RDataField] = [.name, .time, .time, .uint16, .uint16, .hexWithLength16, .hexWithLength16]
    static let tsig: [RDataField] = [.name, .time48, .uint16, .hexWithLength16, .uint16, .uint16, .hexWithLength16]
    static let uri: [RDataField] = [.uint16, .uint16, .longString]
    static let caa: [RDataField] = [.uint8, .caaTag, .longString]
    static let doa: [RDataField] = [.uint32, .uint32, .uint8, .characterString, .base64OrDash]
    static let amtrelay: [RDataField] = [.uint8, .amtrelay]
}
