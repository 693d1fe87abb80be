import ZoneModel

/// One-line descriptions of the rule ids zoneaudit's issues name, for SARIF
/// rule metadata when the caller supplies none. Rules not listed here get a
/// description built from their category, so a new rule never breaks a report.
public enum RuleDescriptions {
    public static let known: [RuleID: String] = [
        "record.added": "An RRset was added that the baseline does not have.",
        "record.removed": "An RRset of the baseline is gone.",
        "record.changed": "An RRset holds other records than the baseline's.",
        "record.ttl-changed": "An RRset's TTL differs from the baseline's.",
        "record.ttl-lowered": "An existing RRset's TTL was lowered sharply.",
        "record.shadow-names": "Many new owner names, or new names with addresses outside the allowed ranges (domain shadowing).",
        "record.wildcard-added": "A wildcard owner name was added.",
        "record.certificate-control": "A change that affects certificate issuance (_acme-challenge TXT added, CAA removed or loosened).",
        "record.mail-redirect": "An MX record or a mail host's address changed.",
        "delegation.apex-ns-changed": "The zone apex NS set changed.",
        "delegation.added": "A child delegation was added.",
        "delegation.removed": "A child delegation was removed.",
        "delegation.ns-changed": "A child delegation's NS set changed.",
        "delegation.glue-changed": "Glue for an in-bailiwick nameserver was added, removed or changed.",
        "delegation.ds-changed": "The DS set at a zone cut changed.",
        "delegation.lookalike-ns": "A nameserver name looks like an existing one but is not.",
        "dnssec.dnskey-changed": "A DNSKEY was added or removed.",
        "zone.bulk-change": "A change touches more than the allowed share of the zone's RRsets.",
    ]

    /// The known description, or one made from the rule's category.
    public static func description(of rule: RuleID) -> String {
        if let text = known[rule] { return text }
        let subject: String
        switch rule.category {
        case "syntax": subject = "Zone file syntax"
        case "zone": subject = "Zone content"
        case "record": subject = "Record change"
        case "delegation": subject = "Delegation change"
        case "dnssec": subject = "DNSSEC"
        case "baseline", "seal": subject = "Baseline seal"
        case "transfer", "axfr": subject = "Zone transfer"
        case "policy": subject = "Authorization policy"
        default: subject = "zoneaudit"
        }
        return "\(subject) rule \(rule.rawValue)."
    }
}
