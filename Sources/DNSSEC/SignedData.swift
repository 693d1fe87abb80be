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
        var all = rrset.records.map(\.canonicalRData)
        all.sort { $0.lexicographicallyPrecedes($1) }
        var unique: [[UInt8]] = []
        unique.reserveCapacity(all.count)
        for data in all where unique.last != data { unique.append(data) }
        return unique
    }

    /// The owner name the signature was made over: the RRset's owner, or for a
    /// wildcard expansion (Labels smaller than the owner's label count, RFC 4035
    /// section 5.3.2) `*.` plus the owner's rightmost Labels labels; lower case.
    static func signedOwner(_ owner: DomainName, labels: Int) -> DomainName {
        let lowered = owner.lowercased
        guard labels < owner.labelCount else { return lowered }
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
        buffer.removeAll(keepingCapacity: true)
        // Type covered .. key tag: 18 fixed octets; then the signer, lower-cased.
        buffer.append(contentsOf: rrsigRData[0..<18])
        buffer.append(contentsOf: rrsig.signerName.lowercased.wire)
        let owner = signedOwner(rrset.owner, labels: Int(rrsig.labels)).wire
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
