import ZoneModel

/// The octets an RRSIG signs (RFC 4034 section 3.1.8.1):
/// `RRSIG_RDATA(without signature) | RR(1) | RR(2) | ...`, each RR in
/// canonical form (RFC 4034 section 6.2: owner lower-cased, embedded names
/// lower-cased for the listed types, TTL = the RRSIG's Original TTL) and the
/// RRs in canonical RDATA order (section 6.3).
enum SignedData {
    /// The RRset's canonical RDATA, sorted and without duplicates: computed
    /// once per RRset and shared by all RRSIGs over it.
    static func canonicalRData(_ rrset: RRset) -> [[UInt8]] {
        if rrset.records.count == 1 { return [rrset.records[0].canonicalRData] }
        var all = rrset.records.map(\.canonicalRData)
        all.sort { $0.lexicographicallyPrecedes($1) }
        var unique: [[UInt8]] = []
        unique.reserveCapacity(all.count)
        for data in all where unique.last != data { unique.append(data) }
        return unique
    }

    /// The owner name the signature was made over: the RRset's owner, or for a
    /// wildcard expansion (Labels smaller than the owner's label count, RFC 4035
    /// section 5.3.2) `*.` plus the owner's rightmost Labels labels; `lowered`
    /// is the owner already lower-cased.
    static func signedOwner(lowered: DomainName, labels: Int) -> DomainName {
        guard labels < lowered.labelCount else { return lowered }
        let suffix = lowered.suffix(labels: labels)
        return (try? suffix.prepending(label: [UInt8(ascii: "*")])) ?? lowered
    }

    /// Writes the signed data for one RRSIG into `buffer` (cleared first).
    /// `rrsigRData` is the whole RRSIG RDATA: its 18 fixed octets are copied,
    /// the signer name is written lower-cased and the Signature field is left out.
    static func build(
        into buffer: inout [UInt8], rrsigRData: [UInt8], rrsig: RRSIGData,
        rrset: RRset, canonicalRData: [[UInt8]]
    ) {
        build(into: &buffer, rrsigRData: rrsigRData, rrsig: rrsig, rrset: rrset, canonicalRData: canonicalRData,
              loweredOwner: rrset.owner.lowercased, loweredSigner: rrsig.signerName.lowercased)
    }

    /// As `build(into:rrsigRData:rrsig:rrset:canonicalRData:)`, with the
    /// RRset's owner and the signer already lower-cased: a validation makes
    /// them once per name and once per zone, not once per signature.
    static func build(
        into buffer: inout [UInt8], rrsigRData: [UInt8], rrsig: RRSIGData,
        rrset: RRset, canonicalRData: [[UInt8]], loweredOwner: DomainName, loweredSigner: DomainName
    ) {
        buffer.removeAll(keepingCapacity: true)
        // Type covered .. key tag: 18 fixed octets; then the signer, lower-cased.
        buffer.append(contentsOf: rrsigRData[0..<18])
        buffer.append(contentsOf: loweredSigner.wire)
        let owner = signedOwner(lowered: loweredOwner, labels: Int(rrsig.labels)).wire
        for data in canonicalRData {
            buffer.append(contentsOf: owner)
            buffer.appendUInt16(rrset.type.rawValue)
            buffer.appendUInt16(rrset.rrClass.rawValue)
            buffer.appendUInt32(rrsig.originalTTL)
            buffer.appendUInt16(UInt16(truncatingIfNeeded: data.count))
            buffer.append(contentsOf: data)
        }
    }
}
