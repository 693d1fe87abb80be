/// File paths as RFC 3986 URI references, for SARIF `artifactLocation.uri`.
enum URIReference {
    /// Unreserved characters, sub-delimiters, `:`, `@` and `/` stay; every
    /// other octet is percent-encoded. A relative path whose first segment has
    /// a colon gets a leading `./` so that it does not read as a scheme.
    static func fromPath(_ path: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            case _ where "-._~!$&'()*+,;=:@/".utf8.contains(byte):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        let firstSegment = out.prefix { $0 != UInt8(ascii: "/") }
        if firstSegment.contains(UInt8(ascii: ":")) {
            out.insert(contentsOf: "./".utf8, at: 0)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
