import ZoneModel

/// The fields of one NSEC3 record (RFC 5155 section 3.2), located in place in
/// its RDATA: `Record.nsec3` without the arrays it makes for the salt, the
/// next hashed owner and the types, which a pass over a large zone's chain
/// does not need.
struct NSEC3Fields {
    let hashAlgorithm: UInt8
    let flags: UInt8
    let iterations: UInt16
    let salt: Range<Int>
    let nextHashedOwner: Range<Int>
    /// The type bitmap runs from here to the end.
    let bitmapStart: Int

    var isOptOut: Bool { flags & 0x01 != 0 }

    /// Nil where `Record.nsec3` is nil: fields cut short, an empty next
    /// hashed owner, or a malformed type bitmap.
    init?(_ rdata: UnsafeBufferPointer<UInt8>) {
        guard rdata.count >= 5 else { return nil }
        let saltEnd = 5 + Int(rdata[4])
        guard saltEnd < rdata.count else { return nil }
        let nextEnd = saltEnd + 1 + Int(rdata[saltEnd])
        guard nextEnd > saltEnd + 1, nextEnd <= rdata.count,
              TypeBitmap.forEachType(in: UnsafeBufferPointer(rebasing: rdata[nextEnd...]), { _ in }) else { return nil }
        hashAlgorithm = rdata[0]
        flags = rdata[1]
        iterations = UInt16(rdata[2]) << 8 | UInt16(rdata[3])
        salt = 5..<saltEnd
        nextHashedOwner = (saltEnd + 1)..<nextEnd
        bitmapStart = nextEnd
    }

    /// The types the bitmap lists.
    func types(_ rdata: UnsafeBufferPointer<UInt8>) -> TypeSet {
        TypeSet(bitmap: UnsafeBufferPointer(rebasing: rdata[bitmapStart...])) ?? TypeSet()
    }
}
