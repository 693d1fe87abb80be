/// Turns wire RDATA into presentation text, field by field from the type's
/// layout (`RDataLayout`), in the form `ldns-read-zone` prints: names fully
/// qualified, base64 and lower-case hex without spaces, TXT quoted with
/// escapes, RRSIG times as `YYYYMMDDHHMMSS`.
///
/// Everything printed re-parses to the same wire octets. Where the RDATA of a
/// known type is malformed or not in the form its text syntax can express
/// (empty, trailing octets, a non-canonical bitmap), the record is printed in
/// the RFC 3597 generic form instead, as are unknown types.
public enum RDataPresentation {
    public static func append(type: RRType, rdata: [UInt8], to out: inout [UInt8]) {
        guard !RDataTextCompatibility.printsGenerically(type),
              !RDataTextCompatibility.ldnsMisreadsTypedText(type: type, rdata: rdata) else {
            appendGeneric(rdata, to: &out)
            return
        }
        appendTyped(type: type, rdata: rdata, to: &out)
    }

    /// The typed text even for types `RDataTextCompatibility` prints as `\#`
    /// (still `\#` when the RDATA is malformed or the type has no typed form).
    public static func appendTyped(type: RRType, rdata: [UInt8], to out: inout [UInt8]) {
        guard !rdata.isEmpty, let fields = RDataLayout.fields(for: type) else {
            appendGeneric(rdata, to: &out)
            return
        }
        let mark = out.count
        var reader = PresentationReader(rdata: rdata)
        var first = true
        for field in fields {
            let fieldStart = out.count
            if !first { out.append(UInt8(ascii: " ")) }
            guard reader.append(field, to: &out) else {
                out.removeSubrange(mark...)
                appendGeneric(rdata, to: &out)
                return
            }
            if !first && out.count == fieldStart + 1 {
                // The field printed nothing (an empty bitmap, an absent optional string).
                out.removeLast()
            }
            first = false
        }
        guard reader.isAtEnd else {
            out.removeSubrange(mark...)
            appendGeneric(rdata, to: &out)
            return
        }
    }

    /// The RDATA alone as a String.
    public static func string(type: RRType, rdata: [UInt8]) -> String {
        var out: [UInt8] = []
        append(type: type, rdata: rdata, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// True when the RDATA decodes as its type's typed form (what `append`
    /// prints other than as `\#`). Unknown types are never well-formed here.
    public static func isWellFormed(type: RRType, rdata: [UInt8]) -> Bool {
        guard !rdata.isEmpty, let fields = RDataLayout.fields(for: type) else { return false }
        var reader = PresentationReader(rdata: rdata)
        var scratch: [UInt8] = []
        for field in fields where !reader.append(field, to: &scratch) { return false }
        return reader.isAtEnd
    }

    /// RFC 3597 section 5: `\# <length> <hex>`, hex in lower case as ldns prints it.
    public static func appendGeneric(_ rdata: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "#"))
        out.append(UInt8(ascii: " "))
        appendDecimal(UInt64(rdata.count), to: &out)
        if !rdata.isEmpty {
            out.append(UInt8(ascii: " "))
            RDataEncodings.appendHex(rdata[...], to: &out)
        }
    }

    static func appendDecimal(_ value: UInt64, to out: inout [UInt8]) {
        if value < 10 {
            out.append(48 + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 octets, room for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = 24
            var rest = value
            while rest > 0 {
                position -= 1
                buffer[position] = 48 + UInt8(rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
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
        RDataPresentation.appendDecimal(UInt64(ttl), to: &out)
        out.append(9)
        out.append(contentsOf: rrClass.mnemonic.utf8)
        out.append(9)
        RDataTextCompatibility.appendMnemonic(type, to: &out)
        out.append(9)
        RDataPresentation.append(type: type, rdata: rdata, to: &out)
    }

    /// The RDATA alone in presentation form.
    public var rdataPresentation: String {
        RDataPresentation.string(type: type, rdata: rdata)
    }
}
