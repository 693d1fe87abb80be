import ZoneModel

/// The fields of one RRSIG (RFC 4034 section 3.1), read in place from its
/// RDATA: `Record.rrsig` without the arrays it makes for the signer name and
/// the signature, which a zone's pass over every signature does not need.
struct RRSIGFields {
    let typeCovered: RRType
    let algorithm: UInt8
    let labels: UInt8
    let originalTTL: UInt32
    let expiration: UInt32
    let inception: UInt32
    let keyTag: UInt16
    /// The signer name lies at `18..<signerEnd`; the signature follows it.
    let signerEnd: Int

    /// Nil where `Record.rrsig` is nil: fewer than 18 octets, or no valid
    /// uncompressed signer name after them.
    init?(_ rdata: UnsafeBufferPointer<UInt8>) {
        guard rdata.count >= 18, let signerLength = DomainName.wireLength(of: rdata, at: 18) else { return nil }
        func uint16(_ at: Int) -> UInt16 { UInt16(rdata[at]) << 8 | UInt16(rdata[at + 1]) }
        func uint32(_ at: Int) -> UInt32 { UInt32(uint16(at)) << 16 | UInt32(uint16(at + 2)) }
        typeCovered = RRType(uint16(0))
        algorithm = rdata[2]
        labels = rdata[3]
        originalTTL = uint32(4)
        expiration = uint32(8)
        inception = uint32(12)
        keyTag = uint16(16)
        signerEnd = 18 + signerLength
    }

    func signer(_ rdata: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: rdata[18..<signerEnd])
    }

    func signature(_ rdata: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: rdata[signerEnd...])
    }
}
