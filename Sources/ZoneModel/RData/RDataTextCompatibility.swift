/// What ldns 1.8.3 can read back. `zoneaudit print` output is meant to be fed
/// to ldns and BIND, so names and typed text are used only where ldns reads
/// them the way zoneaudit does; everything else is printed as `TYPEnnn` and
/// in RFC 3597 form, which every RFC 3597 parser reads.
public enum RDataTextCompatibility {
    /// Type mnemonics ldns 1.8.3 knows (its descriptor table plus the query types).
    static func ldnsKnowsMnemonic(_ type: RRType) -> Bool {
        switch type.rawValue {
        case 1...53, 55, 58...65, 99, 104...109, 249...257, 32769: true
        default: false
        }
    }

    /// The type as printed: the mnemonic when ldns knows it, else `TYPEnnn`.
    public static func mnemonic(_ type: RRType) -> String {
        ldnsKnowsMnemonic(type) ? type.mnemonic : "TYPE\(type.rawValue)"
    }

    /// Types printed in `\#` form although zoneaudit reads their typed text:
    /// ldns lacks them (NINFO, RKEY, UINFO, UID, GID, AVC, DOA, AMTRELAY, TA),
    /// cannot parse their text (A6, NXT, TKEY, TSIG), or reads it into other
    /// octets (NSAP-PTR as a string instead of a name, ATMA without the
    /// format octet, SINK as one octet).
    public static func printsGenerically(_ type: RRType) -> Bool {
        switch type.rawValue {
        case 23, 30, 34, 38, 40, 249, 250: true
        default: !ldnsKnowsMnemonic(type)
        }
    }
}
