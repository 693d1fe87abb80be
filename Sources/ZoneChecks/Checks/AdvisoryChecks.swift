import ZoneModel

/// Warnings `named-checkzone` gives beyond the RFC rules.
enum AdvisoryChecks {
    /// SPF records must be published as TXT (RFC 7208 sections 3.1 and 14.1);
    /// an SPF-type record alone is read by nobody.
    static func spf(_ node: NameNode, _ run: inout CheckRun) {
        guard node.isAuthoritative, let spf = node.rrset(.spf) else { return }
        let hasTXTPolicy = node.rrset(.txt)?.records.contains { isSPFPolicy($0.rdata) } ?? false
        if !hasTXTPolicy {
            run.report(.spfWithoutTXT, owner: node.name, type: .spf, records: spf.records, location: spf.location)
        }
    }

    /// True when the TXT strings, joined, start with `v=spf1` followed by a
    /// space or the end (RFC 7208 section 4.5).
    static func isSPFPolicy(_ rdata: [UInt8]) -> Bool {
        var reader = RDataReader(rdata)
        var text: [UInt8] = []
        while !reader.isAtEnd, text.count < 7, let part = reader.characterString() {
            text.append(contentsOf: part)
        }
        let version = Array("v=spf1".utf8)
        guard text.count >= version.count else { return false }
        for index in version.indices where text[index] | 0x20 != version[index] | 0x20 {
            return false
        }
        return text.count == version.count || text[version.count] == UInt8(ascii: " ")
    }

    /// A zone with A (AAAA) records whose name servers have no IPv4 (IPv6)
    /// address cannot be reached over that family. Judged only when every
    /// apex name server is inside the zone and has an address there: other
    /// addresses would need a query.
    static func nameServerAddressFamilies(_ run: inout CheckRun) {
        guard run.sawA || run.sawAAAA, let ns = run.zone.apexNS else { return }
        var anyA = false, anyAAAA = false
        for record in ns.records {
            guard let target = record.nameTarget else { return }
            let facts = run.lookup.facts(for: target)
            switch facts.place {
            case .outside, .belowDNAME: return
            case .authoritative, .underCut: break
            }
            guard facts.hasAddress else { return }
            anyA = anyA || run.zone.rrset(facts.answeringName, .a) != nil
            anyAAAA = anyAAAA || run.zone.rrset(facts.answeringName, .aaaa) != nil
        }
        let apex = run.zone.origin
        if run.sawA && !anyA {
            run.report(.noIPv4NameServer, owner: apex, type: .ns, records: ns.records, location: ns.location)
        }
        if run.sawAAAA && !anyAAAA {
            run.report(.noIPv6NameServer, owner: apex, type: .ns, records: ns.records, location: ns.location)
        }
    }
}
