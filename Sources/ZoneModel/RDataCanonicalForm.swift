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
        guard let slots = slots(for: type),
              let region = rdata.withUnsafeBufferPointer({ nameRegion(slots, $0) }) else { return rdata }
        var result = rdata
        lowerNames(in: &result, region)
        return result
    }

    /// Appends `rdata` in canonical form to `buffer`: `canonical(type:rdata:)`
    /// without an array of its own.
    public static func appendCanonical(type: RRType, rdata: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        let start = buffer.count
        buffer.append(contentsOf: rdata)
        guard let slots = slots(for: type), let region = nameRegion(slots, rdata) else { return }
        lowerNames(in: &buffer, (start + region.lowerBound)..<(start + region.upperBound))
    }

    /// Lowers the name octets in `region` of `bytes`. Label length octets are
    /// below "A": only name octets change (and are left alone unless upper case,
    /// so an array already lower-cased is not copied).
    private static func lowerNames(in bytes: inout [UInt8], _ region: Range<Int>) {
        for position in region where bytes[position] &- 65 < 26 {
            bytes[position] |= 0x20
        }
    }

    /// Where the names to lower lie in `rdata` (they sit back to back);
    /// nil when the RDATA is malformed.
    static func nameRegion(_ slots: NameSlots, _ rdata: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var index: Int
        let count: Int
        switch slots {
        case let .names(offset, names):
            index = offset
            count = names
        case .naptr:
            index = 4
            for _ in 0..<3 {
                guard index < rdata.count else { return nil }
                index += 1 + Int(rdata[index])
            }
            count = 1
        }
        let start = index
        for _ in 0..<count {
            guard let length = DomainName.wireLength(of: rdata, at: index) else { return nil }
            index += length
        }
        return start..<index
    }
}
