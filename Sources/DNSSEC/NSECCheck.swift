import ZoneModel

/// Denial with NSEC (RFC 4034 section 4, RFC 4035 section 2.3): every name of
/// the zone (authoritative names and delegation points, not glue) has exactly
/// one NSEC; each points to the next name in canonical order and the last to
/// the apex; each type bitmap lists exactly the types present, NSEC and RRSIG
/// included.
struct NSECCheck {
    let layout: ZoneLayout

    /// Returns the number of NSEC records.
    func run(findings: inout FindingCollector) -> Int {
        var names: [(name: DomainName, nsec: RRset?, types: TypeSet)] = []
        var nsecRecords = 0
        for owner in layout.owners {
            let name = layout.name(owner)
            let nsec = layout.rrset(owner, .nsec)
            nsecRecords += nsec?.records.count ?? 0
            guard ZoneLayout.isZoneName(owner.kind) else {
                if let nsec, owner.kind != .outside {
                    findings.add(.nsecChainBroken, "\(name) is below a zone cut (glue or occluded) but has an NSEC",
                                 owner: name, type: .nsec, records: nsec.records)
                }
                continue
            }
            let types = layout.dataTypes(owner)
            guard !types.isEmpty else { continue }
            names.append((name, nsec, types))
        }
        guard !names.isEmpty else { return nsecRecords }

        for (position, entry) in names.enumerated() {
            let expectedNext = names[(position + 1) % names.count].name
            guard let nsec = entry.nsec else {
                findings.add(.nsecChainBroken,
                             "\(entry.name) has no NSEC: the chain skips it (the previous name's NSEC should point to it)",
                             owner: entry.name, type: .nsec)
                continue
            }
            if nsec.records.count > 1 {
                findings.add(.nsecChainBroken, "\(entry.name) has \(nsec.records.count) NSEC records; there must be one",
                             owner: entry.name, type: .nsec, records: nsec.records)
            }
            guard let data = nsec.records.first?.nsec else {
                findings.add(.nsecChainBroken, "the NSEC at \(entry.name) cannot be parsed",
                             owner: entry.name, type: .nsec, records: nsec.records)
                continue
            }
            if data.nextName != expectedNext {
                let wrapped = position + 1 == names.count
                let detail = wrapped
                    ? "the last NSEC must point back to the apex \(expectedNext) to close the chain"
                    : "the next name in canonical order is \(expectedNext)"
                findings.add(.nsecChainBroken, "NSEC at \(entry.name) points to \(data.nextName); \(detail)",
                             owner: entry.name, type: .nsec, records: nsec.records)
            }
            let listed = TypeSet(data.types)
            if listed != entry.types {
                findings.add(.nsecBitmapMismatch,
                             "NSEC at \(entry.name) \(TypeSetDifference(listed: listed, present: entry.types))",
                             owner: entry.name, type: .nsec, records: nsec.records)
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
