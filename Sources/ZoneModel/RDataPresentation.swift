/// Turns wire RDATA into presentation text.
///
/// Interim: every type in RFC 3597 generic form (`\# len hex`), which is valid
/// for any type. Typed formats per RRType replace this.
public enum RDataPresentation {
    public static func append(type: RRType, rdata: [UInt8], to out: inout [UInt8]) {
        appendGeneric(rdata, to: &out)
    }

    /// RFC 3597 section 5: `\# <length> <hex>`.
    public static func appendGeneric(_ rdata: [UInt8], to out: inout [UInt8]) {
        out.append(contentsOf: Array("\\# \(rdata.count)".utf8))
        if !rdata.isEmpty {
            out.append(UInt8(ascii: " "))
            let digits = Array("0123456789ABCDEF".utf8)
            for byte in rdata {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xF)])
            }
        }
    }
}

extension Record {
    /// `owner<TAB>ttl<TAB>class<TAB>type<TAB>rdata`, fully qualified, the
    /// layout `ldns-read-zone` prints, so output can be fed back to ldns or BIND.
    public var presentation: String {
        var out: [UInt8] = []
        appendPresentation(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func appendPresentation(to out: inout [UInt8]) {
        owner.appendPresentation(to: &out)
        out.append(9)
        out.append(contentsOf: Array(String(ttl).utf8))
        out.append(9)
        out.append(contentsOf: Array(rrClass.mnemonic.utf8))
        out.append(9)
        out.append(contentsOf: Array(type.mnemonic.utf8))
        out.append(9)
        RDataPresentation.append(type: type, rdata: rdata, to: &out)
    }

    /// The RDATA alone in presentation form.
    public var rdataPresentation: String {
        var out: [UInt8] = []
        RDataPresentation.append(type: type, rdata: rdata, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
