import ZoneModel

/// Which family a check belongs to. Modelled on the levels of Knot's
/// `semantic-check.c` table (MANDATORY, OPTIONAL, ...) so a caller can turn a
/// whole family off, as `kzonecheck` and `named-checkzone -i` allow.
public enum ZoneCheckLevel: String, Sendable, CaseIterable, Codable {
    /// The zone's structure: SOA, apex NS, CNAME and DNAME rules, DS placement.
    /// A zone failing these is one BIND and Knot refuse to load.
    case mandatory
    /// References between records: glue, NS/MX/SRV targets, occluded data
    /// (BIND `check-integrity`, Knot `check_delegation`).
    case integrity
    /// Field contents Knot checks outside DNSSEC mode: DS digest type and length.
    case optional
    /// Warnings BIND gives beyond the RFC rules: the SPF type, the address
    /// families of the name servers.
    case advisory
}

/// One semantic check: a stable id, how much it matters, its family, and the
/// message printed beside the offending name (Knot keeps the same pairing of
/// error code and message in one table).
public struct ZoneCheckRule: Sendable, Hashable, CustomStringConvertible {
    public let id: RuleID
    public let severity: Severity
    public let level: ZoneCheckLevel
    public let message: String
    /// The RFC section or the tool behaviour the rule follows.
    public let reference: String

    public var description: String { "\(id) (\(severity.rawValue)): \(message)" }
}

extension ZoneCheckRule {
    // The table. Ids are part of the interface (policies, SARIF and history key on
    // them): never rename one.

    public static let empty = ZoneCheckRule(
        id: "zone.empty", severity: .high, level: .mandatory,
        message: "zone has no records", reference: "RFC 1035 section 5.2")
    public static let soaMissing = ZoneCheckRule(
        id: "zone.soa-missing", severity: .high, level: .mandatory,
        message: "no SOA record at the zone apex", reference: "RFC 1035 section 5.2")
    public static let soaMultiple = ZoneCheckRule(
        id: "zone.soa-multiple", severity: .high, level: .mandatory,
        message: "more than one SOA record at the zone apex", reference: "RFC 1035 section 5.2; RFC 2181 section 6.1")
    public static let soaNotAtApex = ZoneCheckRule(
        id: "zone.soa-not-at-apex", severity: .high, level: .mandatory,
        message: "SOA record below the zone apex", reference: "RFC 1035 section 5.2; RFC 2181 section 6.1")
    public static let apexNSMissing = ZoneCheckRule(
        id: "zone.apex-ns-missing", severity: .high, level: .mandatory,
        message: "no NS records at the zone apex", reference: "RFC 1035 section 5.2; RFC 2181 section 6.1")
    public static let cnameAndOtherData = ZoneCheckRule(
        id: "zone.cname-and-other-data", severity: .high, level: .mandatory,
        message: "CNAME and other data",
        reference: "RFC 1034 section 3.6.2; RFC 2181 section 10.1; RFC 4035 section 2.5 (only RRSIG and NSEC may coexist)")
    public static let cnameMultiple = ZoneCheckRule(
        id: "zone.cname-multiple", severity: .high, level: .mandatory,
        message: "more than one CNAME record", reference: "RFC 2181 section 10.1")
    public static let dnameMultiple = ZoneCheckRule(
        id: "zone.dname-multiple", severity: .high, level: .mandatory,
        message: "more than one DNAME record", reference: "RFC 6672 section 2.4")
    public static let dnameAndNS = ZoneCheckRule(
        id: "zone.dname-and-ns", severity: .high, level: .mandatory,
        message: "DNAME and NS at one name below the apex", reference: "RFC 6672 section 2.3")
    public static let belowDNAME = ZoneCheckRule(
        id: "zone.below-dname", severity: .high, level: .mandatory,
        message: "name below a DNAME (never served)", reference: "RFC 6672 section 2.3")
    public static let dsAtApex = ZoneCheckRule(
        id: "zone.ds-at-apex", severity: .high, level: .mandatory,
        message: "DS record at the zone apex (it belongs in the parent zone)", reference: "RFC 4034 section 5; RFC 4035 section 2.4")
    public static let dsNotAtDelegation = ZoneCheckRule(
        id: "zone.ds-not-at-delegation", severity: .high, level: .mandatory,
        message: "DS record at a name that is not a delegation point", reference: "RFC 4034 section 5; RFC 4035 section 2.4")
    public static let dsDigestUnknown = ZoneCheckRule(
        id: "zone.ds-digest-unknown", severity: .high, level: .optional,
        message: "DS digest type is not an assigned one", reference: "IANA DS RR digest types; Knot check_ds")
    public static let dsDigestLength = ZoneCheckRule(
        id: "zone.ds-digest-length", severity: .high, level: .optional,
        message: "DS digest length does not match its digest type",
        reference: "RFC 4509, RFC 6605, RFC 9558, RFC 9563; Knot check_ds")
    public static let glueMissing = ZoneCheckRule(
        id: "zone.glue-missing", severity: .high, level: .integrity,
        message: "name server inside the zone has no address record (missing glue)",
        reference: "RFC 1034 section 4.2.1; RFC 9471")
    public static let targetIsCNAME = ZoneCheckRule(
        id: "zone.target-is-cname", severity: .high, level: .integrity,
        message: "NS, MX or SRV target is a CNAME", reference: "RFC 2181 section 10.3; RFC 2782")
    public static let targetBelowDNAME = ZoneCheckRule(
        id: "zone.target-below-dname", severity: .high, level: .integrity,
        message: "NS, MX or SRV target is below a DNAME", reference: "RFC 6672 section 2.3; named-checkzone")
    public static let targetNoAddress = ZoneCheckRule(
        id: "zone.target-no-address", severity: .medium, level: .integrity,
        message: "MX or SRV target inside the zone has no address record", reference: "RFC 5321 section 5.1; RFC 2782; named-checkzone")
    public static let targetIsAddress = ZoneCheckRule(
        id: "zone.target-is-address", severity: .medium, level: .integrity,
        message: "NS, MX or SRV target is an IP address, not a host name",
        reference: "RFC 1035 section 3.3.9; named-checkzone check-mx")
    public static let occludedData = ZoneCheckRule(
        id: "zone.occluded-data", severity: .medium, level: .integrity,
        message: "data at or below a zone cut that is not glue (never served)", reference: "RFC 2181 section 6; RFC 4035 section 2.2")
    public static let spfWithoutTXT = ZoneCheckRule(
        id: "zone.spf-without-txt", severity: .low, level: .advisory,
        message: "SPF record without a TXT SPF record", reference: "RFC 7208 section 3.1 and 14.1; named-checkzone")
    public static let noIPv4NameServer = ZoneCheckRule(
        id: "zone.no-ipv4-nameserver", severity: .low, level: .advisory,
        message: "zone has A records but none of its name servers has an IPv4 address", reference: "named-checkzone")
    public static let noIPv6NameServer = ZoneCheckRule(
        id: "zone.no-ipv6-nameserver", severity: .low, level: .advisory,
        message: "zone has AAAA records but none of its name servers has an IPv6 address", reference: "named-checkzone")
    public static let findingsLimited = ZoneCheckRule(
        id: "zone.findings-limited", severity: .info, level: .mandatory,
        message: "further findings of one rule were not listed", reference: "ZoneCheckOptions.maxFindingsPerRule")

    /// Every rule, in the order the table above gives them.
    public static let all: [ZoneCheckRule] = [
        empty, soaMissing, soaMultiple, soaNotAtApex, apexNSMissing,
        cnameAndOtherData, cnameMultiple, dnameMultiple, dnameAndNS, belowDNAME,
        dsAtApex, dsNotAtDelegation, dsDigestUnknown, dsDigestLength,
        glueMissing, targetIsCNAME, targetBelowDNAME, targetNoAddress, targetIsAddress, occludedData,
        spfWithoutTXT, noIPv4NameServer, noIPv6NameServer, findingsLimited,
    ]

    /// The rule with this id, if there is one.
    public static func rule(_ id: RuleID) -> ZoneCheckRule? { all.first { $0.id == id } }
}
