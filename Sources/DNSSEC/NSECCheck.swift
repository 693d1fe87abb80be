import ZoneModel

/// Denial with NSEC (RFC 4034 section 4, RFC 4035 section 2.3): every name of
/// the zone (authoritative names and delegation points, not glue) has exactly
/// one NSEC; each points to the next name in canonical order and the last to
/// the apex; each type bitmap lists exactly the types present, NSEC and RRSIG
/// included. The NSEC records are read in place from the zone's table; names
/// and records are made only for findings.
struct NSECCheck {
    let layout: ZoneLayout

    /// A name of the zone: its owner in the layout, the position of its NSEC
    /// RRset, and the types present there.
    private struct ZoneName {
        let owner: ZoneLayout.Owner
        let nsec: Int?
        let types: TypeSet
    }

    /// Returns the number of NSEC records.
    func run(findings: inout FindingCollector) -> Int {
        layout.list.withOctets { octets in run(octets, findings: &findings) }
    }

    private func run(_ octets: RRsetOctets, findings: inout FindingCollector) -> Int {
        let list = layout.list
        var names: [ZoneName] = []
        var nsecRecords = 0
        for owner in layout.owners {
            let nsec = owner.range.first { octets.type(at: $0) == .nsec }
            nsecRecords += nsec.map { octets.recordCount(at: $0) } ?? 0
            guard ZoneLayout.isZoneName(owner.kind) else {
                if let nsec, owner.kind != .outside {
                    let name = layout.name(owner)
                    findings.add(.nsecChainBroken, "\(name) is below a zone cut (glue or occluded) but has an NSEC",
                                 owner: name, type: .nsec, records: list.rrset(at: nsec, owner: name).records)
                }
                continue
            }
            let types = layout.dataTypes(owner)
            guard !types.isEmpty else { continue }
            names.append(ZoneName(owner: owner, nsec: nsec, types: types))
        }
        guard !names.isEmpty else { return nsecRecords }

        for (position, entry) in names.enumerated() {
            let next = names[(position + 1) % names.count].owner.range.lowerBound
            let name = { layout.name(entry.owner) }
            guard let nsec = entry.nsec else {
                findings.add(.nsecChainBroken,
                             "\(name()) has no NSEC: the chain skips it (the previous name's NSEC should point to it)",
                             owner: name(), type: .nsec)
                continue
            }
            let records = { list.rrset(at: nsec, owner: name()).records }
            let count = octets.recordCount(at: nsec)
            if count > 1 {
                findings.add(.nsecChainBroken, "\(name()) has \(count) NSEC records; there must be one",
                             owner: name(), type: .nsec, records: records())
            }
            let rdata = octets.rdata(at: nsec, 0)
            guard let nextLength = DomainName.wireLength(of: rdata, at: 0),
                  let listed = TypeSet(bitmap: UnsafeBufferPointer(rebasing: rdata[nextLength...])) else {
                findings.add(.nsecChainBroken, "the NSEC at \(name()) cannot be parsed",
                             owner: name(), type: .nsec, records: records())
                continue
            }
            if !DomainName.equalIgnoringCase(UnsafeBufferPointer(rebasing: rdata[0..<nextLength]), octets.owner(at: next)) {
                let wrapped = position + 1 == names.count
                let expectedNext = list.owner(at: next)
                let detail = wrapped
                    ? "the last NSEC must point back to the apex \(expectedNext) to close the chain"
                    : "the next name in canonical order is \(expectedNext)"
                let pointed = list.record(at: nsec, 0).nsec.map { "\($0.nextName)" } ?? "?"
                findings.add(.nsecChainBroken, "NSEC at \(name()) points to \(pointed); \(detail)",
                             owner: name(), type: .nsec, records: records())
            }
            if listed != entry.types {
                findings.add(.nsecBitmapMismatch,
                             "NSEC at \(name()) \(TypeSetDifference(listed: listed, present: entry.types))",
                             owner: name(), type: .nsec, records: records())
            }
        }
        return nsecRecords
    }
}
/// "lists X but the name has no X; omits Y which is present", for bitmap findings.
struct TypeSetDifference: CustomStringConvertible {
    let listed: TypeSet
    let present: TypeSet

    var description: String {
        let listed = Set(self.listed.types), present = Set(self.present.types)
        let extra = listed.subtracting(present).sorted().map(\.mnemonic)
        let missing = present.subtracting(listed).sorted().map(\.mnemonic)
        var parts: [String] = []
        if !extra.isEmpty { parts.append("lists \(extra.joined(separator: " ")) which the name does not have") }
        if !missing.isEmpty { parts.append("omits \(missing.joined(separator: " ")) which the name has") }
        return parts.joined(separator: "; ")
    }
}
