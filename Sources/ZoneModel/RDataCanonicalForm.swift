/// RFC 4034 section 6.2 item 3, as amended by RFC 6840 section 5.1: the
/// types whose embedded domain names are lower-cased in canonical form.
/// (NSEC's next name was dropped from the list by RFC 6840, as by ldns and BIND.)
public enum RDataCanonicalForm {
    /// The layout of the leading fields of each type that embeds names: how
    /// many fixed octets come before each name, and how many names.
    enum NameSlots {
        /// `count` names start at `offset`, back to back.
        case names(offset: Int, count: Int)
        /// NAPTR: two 16-bit fields and three character strings, then a name.
        case naptr
    }

    static func slots(for type: RRType) -> NameSlots? {
        switch type {
        case .ns, .md, .mf, .cname, .mb, .mg, .mr, .ptr, .dname: .names(offset: 0, count: 1)
        case .soa, .minfo, .rp: .names(offset: 0, count: 2)
        case .mx, .afsdb, .rt, .kx: .names(offset: 2, count: 1)
        case .px: .names(offset: 2, count: 2)
        case .srv: .names(offset: 6, count: 1)
        case .rrsig, .sig: .names(offset: 18, count: 1)
        case .nxt: .names(offset: 0, count: 1)
        case .naptr: .naptr
        default: nil
        }
    }

    /// RDATA in canonical form; the input is returned as is when the type has
    /// no names to lower or the RDATA is malformed (it is then compared as octets).
    public static func canonical(type: RRType, rdata: [UInt8]) -> [UInt8] {
        guard let slots = slots(for: type) else { return rdata }
        var result = rdata
        var index: Int
        var count: Int
        switch slots {
        case let .names(offset, names):
            index = offset
            count = names
        case .naptr:
            index = 4
            for _ in 0..<3 {
                guard index < rdata.count else { return rdata }
                index += 1 + Int(rdata[index])
            }
            count = 1
        }
        for _ in 0..<count {
            guard index <= rdata.count,
                  let length = DomainName.wireLength(of: rdata[index...]) else { return rdata }
            for position in index..<(index + length) where result[position] &- 65 < 26 {
                result[position] |= 0x20
            }
            index += length
        }
        return result
    }
}
