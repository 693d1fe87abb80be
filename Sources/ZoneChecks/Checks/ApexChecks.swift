import ZoneModel

/// Exactly one SOA, at the apex, and NS records there (RFC 1035 section 5.2).
enum ApexChecks {
    static func soaAndNS(_ run: inout CheckRun) {
        let zone = run.zone
        let apex = zone.origin
        let soa = zone.rrset(apex, .soa)
        if let soa {
            if soa.records.count > 1 {
                let extra = soa.lastRecord
                run.report(.soaMultiple, owner: apex, type: .soa, records: soa.records,
                           location: extra?.location, info: "\(soa.records.count) different SOA records")
            }
        } else {
            run.report(.soaMissing, owner: apex, type: .soa, location: firstLocation(in: zone))
        }
        if zone.rrset(apex, .ns) == nil {
            run.report(.apexNSMissing, owner: apex, type: .ns,
                       location: soa?.location ?? firstLocation(in: zone))
        }
    }

    static func soaBelowApex(_ node: NameNode, _ run: inout CheckRun) {
        guard node.position != .apex, let soa = node.rrset(.soa) else { return }
        run.report(.soaNotAtApex, owner: node.name, type: .soa, records: soa.records,
                   location: soa.location, info: "the apex is \(run.zone.origin.presentation)")
    }

    /// Where the zone text starts: the anchor for a finding about something missing.
    static func firstLocation(in zone: Zone) -> SourceLocation? {
        zone.rrsets.lazy.compactMap(\.location).min()
    }
}
