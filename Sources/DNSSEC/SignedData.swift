import ZoneModel

/// Builds the octets an RRSIG signs (RFC 4034 section 3.1.8.1):
/// `RRSIG_RDATA(without signature) | RR(1) | RR(2) | ...`, each RR in
/// canonical form (RFC 4034 section 6.2: owner lower-cased, embedded names
/// lower-cased for the listed types, TTL = the RRSIG's Original TTL) and the
/// RRs in canonical RDATA order (section 6.3).
///
/// One builder serves one thread and is reused: the owner is lowered once
/// per name, the canonical RDATA once per RRset (shared by all RRSIGs over
/// it), and the buffers keep their capacity, so a pass over a zone's
/// signatures allocates nothing per signature.
struct SignedDataBuilder {
    /// The signed data `build` made last.
    private(set) var bytes: [UInt8] = []
    /// The current RRset's canonical RDATA back to back, sorted and without
    /// duplicates; record `i` ends at `ends[i]`.
    private var canonical: [UInt8] = []
    private var ends: [Int] = []
    /// The current owner, lower-cased.
    private var loweredOwner: [UInt8] = []
    /// The owner's label count (the root not counted) and whether its first label is `*`.
    private var ownerLabels = 0
    private var ownerIsWildcard = false

    /// The Labels value an RRSIG over the current owner must have (RFC 4034
    /// section 3.1.3: a wildcard's `*` is not counted).
    var expectedLabels: Int { ownerLabels - (ownerIsWildcard ? 1 : 0) }

    /// Sets the owner of the RRsets to come.
    mutating func setOwner(_ wire: UnsafeBufferPointer<UInt8>) {
        loweredOwner.removeAll(keepingCapacity: true)
        // Label length octets are below "A": only name octets change.
        for byte in wire { loweredOwner.append(asciiLower(byte)) }
        ownerLabels = DomainName.labelCount(ofWire: wire)
        ownerIsWildcard = wire.count >= 3 && wire[0] == 1 && wire[1] == UInt8(ascii: "*")
    }

    /// Sets the RRset to come: the one at `position` of `octets`.
    mutating func setRecords(_ octets: RRsetOctets, at position: Int) {
        let type = octets.type(at: position)
        startRecords()
        for index in 0..<octets.recordCount(at: position) {
            addRecord(type: type, rdata: octets.rdata(at: position, index))
        }
        finishRecords()
    }

    /// Sets the RRset to come from its records.
    mutating func setRecords(_ rrset: RRset) {
        startRecords()
        for record in rrset.records {
            record.rdata.withUnsafeBufferPointer { addRecord(type: rrset.type, rdata: $0) }
        }
        finishRecords()
    }

    /// Builds the signed data of the RRSIG whose RDATA is `rrsigRData` (its
    /// fields read as `fields`) over the current owner's current RRset, of
    /// `type` and `rrClass`. `loweredSigner` is the signer name lower-cased.
    mutating func build(
        rrsigRData: UnsafeBufferPointer<UInt8>, fields: RRSIGFields, type: RRType, rrClass: RRClass,
        loweredSigner: UnsafeBufferPointer<UInt8>
    ) {
        bytes.removeAll(keepingCapacity: true)
        // Type covered .. key tag: 18 fixed octets; then the signer, lower-cased.
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: rrsigRData[0..<18]))
        bytes.append(contentsOf: loweredSigner)
        // A wildcard expansion (Labels below the owner's label count, RFC 4035
        // section 5.3.2) was signed as `*.` plus the owner's rightmost Labels labels.
        let labels = Int(fields.labels)
        var ownerStart = 0
        if labels < ownerLabels {
            for _ in 0..<(ownerLabels - labels) { ownerStart += 1 + Int(loweredOwner[ownerStart]) }
        }
        var start = 0
        for end in ends {
            if labels < ownerLabels {
                bytes.append(1)
                bytes.append(UInt8(ascii: "*"))
            }
            bytes.append(contentsOf: loweredOwner[ownerStart...])
            bytes.appendUInt16(type.rawValue)
            bytes.appendUInt16(rrClass.rawValue)
            bytes.appendUInt32(fields.originalTTL)
            bytes.appendUInt16(UInt16(truncatingIfNeeded: end - start))
            bytes.append(contentsOf: canonical[start..<end])
            start = end
        }
    }

    /// The signed data of one RRSIG over one RRset, for a check on its own;
    /// false when the RRSIG RDATA does not parse.
    mutating func build(rrsigRData: [UInt8], over rrset: RRset) -> Bool {
        rrsigRData.withUnsafeBufferPointer { rdata in
            guard let fields = RRSIGFields(rdata) else { return false }
            rrset.owner.wire.withUnsafeBufferPointer { setOwner($0) }
            setRecords(rrset)
            let signer = fields.signer(rdata).map(asciiLower)
            signer.withUnsafeBufferPointer {
                build(rrsigRData: rdata, fields: fields, type: rrset.type, rrClass: rrset.rrClass, loweredSigner: $0)
            }
            return true
        }
    }

    private mutating func startRecords() {
        canonical.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    private mutating func addRecord(type: RRType, rdata: UnsafeBufferPointer<UInt8>) {
        RDataCanonicalForm.appendCanonical(type: type, rdata: rdata, to: &canonical)
        ends.append(canonical.count)
    }

    /// A zone's table holds each RRset in canonical order without duplicates
    /// already (`ZoneBuilder`); RRsets made otherwise are sorted here.
    private mutating func finishRecords() {
        var start = 0, previous: Range<Int>?
        var ordered = true
        for end in ends {
            if let previous, !canonical[previous].lexicographicallyPrecedes(canonical[start..<end]) {
                ordered = false
                break
            }
            previous = start..<end
            start = end
        }
        guard !ordered else { return }
        var records: [[UInt8]] = []
        start = 0
        for end in ends {
            records.append(Array(canonical[start..<end]))
            start = end
        }
        records.sort { $0.lexicographicallyPrecedes($1) }
        startRecords()
        var last: [UInt8]?
        for data in records where data != last {
            canonical.append(contentsOf: data)
            ends.append(canonical.count)
            last = data
        }
    }
}
