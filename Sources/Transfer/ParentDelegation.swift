import ZoneModel

/// What one server of the parent zone says about a zone's delegation.
public struct ParentDelegation: Sendable {
    public var server: ServerAddress
    public var zone: DomainName
    /// The referral's NS RRset; empty when the parent does not delegate the zone.
    public var ns: [Record]
    /// The A and AAAA records for the NS names that came with the referral.
    public var glue: [Record]
    /// The DS RRset at the cut; empty when the parent has none.
    public var ds: [Record]

    public init(server: ServerAddress, zone: DomainName, ns: [Record], glue: [Record], ds: [Record]) {
        self.server = server
        self.zone = zone
        self.ns = ns
        self.glue = glue
        self.ds = ds
    }

    public var isDelegated: Bool { !ns.isEmpty }
}

/// The approved side of a delegation: the zone's own apex NS, the addresses
/// of its in-zone name servers (what the parent's glue must say) and its DNSKEYs.
public struct DelegationBaseline: Sendable {
    public var zone: DomainName
    public var apexNS: [Record]
    public var dnskeys: [Record]
    /// A and AAAA records of the NS names below the zone.
    public var glue: [Record]
    /// DS records known to have been at the parent (e.g. kept with the
    /// baseline). When given, one missing at the parent is reported as
    /// removed; when nil, a signed zone with no DS at all is.
    public var expectedDS: [Record]?

    public init(zone: DomainName, apexNS: [Record], dnskeys: [Record], glue: [Record] = [], expectedDS: [Record]? = nil) {
        self.zone = zone
        self.apexNS = apexNS
        self.dnskeys = dnskeys
        self.glue = glue
        self.expectedDS = expectedDS
    }

    /// Takes the apex NS, the DNSKEYs and the in-zone name servers' addresses from a zone.
    public init(zone: Zone, expectedDS: [Record]? = nil) {
        let apexNS = zone.apexNS?.records ?? []
        var glue: [Record] = []
        for target in Set(apexNS.compactMap(\.nameTarget)) where target.isSubdomain(of: zone.origin) {
            glue.append(contentsOf: zone.rrset(target, .a)?.records ?? [])
            glue.append(contentsOf: zone.rrset(target, .aaaa)?.records ?? [])
        }
        self.init(zone: zone.origin, apexNS: apexNS, dnskeys: zone.rrset(zone.origin, .dnskey)?.records ?? [],
                  glue: glue, expectedDS: expectedDS)
    }
}
