import Foundation
import Yams
import ZoneDiff
import ZoneModel

extension Policy {
    /// Reads and parses a policy file. Errors carry `file:line:column`.
    public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
        let text = try BoundedYAMLFile.read(path, maximumSize: maximumSize, what: "the policy")
        return try parse(yaml: text, file: path)
    }

    /// Parses policy YAML; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws(PolicyError) -> Policy {
        guard yaml.utf8.count <= maximumSize else {
            throw PolicyError(file: file, line: 0, column: 0, message: "policy is larger than \(maximumSize) bytes")
        }
        return try PolicyParser(file: file).parse(yaml)
    }

    /// A policy for one zone written inside another YAML file (the repository
    /// configuration's `policy:` mapping): `node` holds the fields of a zone
    /// entry, as under `zones.ORIGIN` in a policy file.
    public static func inline(_ node: Node, origin: DomainName, file: String) throws(PolicyError) -> Policy {
        let entry = try PolicyParser(file: file).zoneEntry(origin, node)
        return Policy(version: supportedVersion, file: file, zones: [entry])
    }
}

/// Walks the YAML node tree (not a Codable decode) so that every error can
/// point at the node it is about.
struct PolicyParser: YAMLFieldReading {
    let file: String

    private static let topFields: Set<String> = ["version", "zones"]
    private static let zoneFields: Set<String> = [
        "nameservers", "delegations", "addresses", "targets", "mutable", "min-ttl", "severity", "thresholds",
    ]
    private static let mutableFields: Set<String> = ["name", "types"]
    private static let thresholdFields: Set<String> = [
        "bulk-change", "bulk-change-minimum", "shadow-names", "ttl-lowered-ratio", "ttl-lowered-floor",
    ]

    func parse(_ yaml: String) throws(PolicyError) -> Policy {
        let root = try compose(yaml)
        guard let root else { throw PolicyError(file: file, line: 0, column: 0, message: "the policy is empty") }
        let top = try mapping(root, "the policy")
        try rejectUnknown(top, allowed: PolicyParser.topFields, in: "the policy")
        guard let versionNode = top["version"] else {
            throw error("missing required field 'version' (use version: \(Policy.supportedVersion))", at: root)
        }
        let version = try integer(versionNode, "version")
        guard version == Policy.supportedVersion else {
            throw error("unsupported policy version \(version); this zoneaudit reads version \(Policy.supportedVersion)",
                        at: versionNode)
        }
        guard let zonesNode = top["zones"] else { throw error("missing required field 'zones'", at: root) }
        var zones: [Policy.ZoneEntry] = []
        for (key, value) in try mapping(zonesNode, "zones") {
            let origin = try name(key, "zone origin")
            if zones.contains(where: { $0.origin == origin }) {
                throw error("zone \(origin) is listed twice", at: key)
            }
            zones.append(try zoneEntry(origin, value))
        }
        return Policy(version: version, file: file, zones: zones)
    }

    func zoneEntry(_ origin: DomainName, _ node: Node) throws(PolicyError) -> Policy.ZoneEntry {
        var entry = Policy.ZoneEntry(origin: origin)
        if case let .scalar(scalar) = node, scalar.tag == Tag(.null) || scalar.string.isEmpty { return entry }
        let fields = try mapping(node, "zone \(origin)")
        try rejectUnknown(fields, allowed: PolicyParser.zoneFields, in: "zone \(origin)")
        if let node = fields["nameservers"] {
            entry.nameservers = try sequence(node, "nameservers").map { (item) throws(PolicyError) in
                try pattern(item, "nameserver")
            }
        }
        if let node = fields["delegations"] {
            for (key, value) in try mapping(node, "delegations") {
                let cut = try name(key, "delegation")
                guard cut.isStrictSubdomain(of: origin) else {
                    throw error("delegation \(cut) is not below the zone \(origin)", at: key)
                }
                if entry.delegation(at: cut) != nil { throw error("delegation \(cut) is listed twice", at: key) }
                let targets = try sequence(value, "delegation \(cut)").map { (item) throws(PolicyError) in
                    try pattern(item, "nameserver")
                }
                entry.delegations.append(Policy.Delegation(
                    cut: cut, nameservers: targets, path: "\(entry.path).delegations[\"\(cut.presentation)\"]"))
            }
        }
        if let node = fields["addresses"] {
            entry.addresses = try sequence(node, "addresses").map { (item) throws(PolicyError) in
                let text = try string(item, "address")
                switch AddressRange.parse(text) {
                case let .success(range): return range
                case let .failure(reason): throw error(reason.description, at: item)
                }
            }
        }
        if let node = fields["targets"] {
            entry.targets = try sequence(node, "targets").map { (item) throws(PolicyError) in
                try name(item, "target suffix")
            }
        }
        if let node = fields["mutable"] {
            for (index, item) in try sequence(node, "mutable").enumerated() {
                entry.mutable.append(try mutableEntry(item, origin: origin, path: "\(entry.path).mutable[\(index)]"))
            }
        }
        if let node = fields["min-ttl"] {
            let value = try integer(node, "min-ttl")
            guard (0...Int(Int32.max)).contains(value) else {
                throw error("min-ttl must be between 0 and \(Int32.max) seconds", at: node)
            }
            entry.minimumTTL = UInt32(value)
        }
        if let node = fields["severity"] {
            for (key, value) in try mapping(node, "severity") {
                let id = RuleID(try string(key, "rule id"))
                guard AuditRules.rule(id) != nil else {
                    throw error("unknown rule '\(id)' in severity (see zoneaudit-policy(5) for the rule ids)", at: key)
                }
                let text = try string(value, "severity")
                guard let severity = Severity(rawValue: text.lowercased()) else {
                    throw error("unknown severity '\(text)' (use critical, high, medium, low or info)", at: value)
                }
                entry.severity[id] = severity
            }
        }
        if let node = fields["thresholds"] {
            entry.thresholds = try thresholds(node)
        }
        return entry
    }

    private func mutableEntry(_ node: Node, origin: DomainName, path: String) throws(PolicyError) -> Policy.MutableEntry {
        let fields = try mapping(node, "mutable entry")
        try rejectUnknown(fields, allowed: PolicyParser.mutableFields, in: "mutable entry")
        guard let nameNode = fields["name"] else { throw error("mutable entry needs a 'name'", at: node) }
        guard let typesNode = fields["types"] else {
            throw error("mutable entry needs 'types' (the record types free to change)", at: node)
        }
        let namePattern = try pattern(nameNode, "mutable name")
        guard namePattern.base.isSubdomain(of: origin) else {
            throw error("mutable name \(namePattern) is outside the zone \(origin)", at: nameNode)
        }
        var types = Set<RRType>()
        for item in try sequence(typesNode, "types") {
            let text = try string(item, "record type")
            guard let type = RRType(mnemonic: text), !type.isMeta else {
                throw error("unknown record type '\(text)'", at: item)
            }
            types.insert(type)
        }
        guard !types.isEmpty else { throw error("mutable entry lists no types", at: typesNode) }
        return Policy.MutableEntry(name: namePattern, types: types, path: path)
    }

    private func thresholds(_ node: Node) throws(PolicyError) -> Policy.ThresholdOverrides {
        let fields = try mapping(node, "thresholds")
        try rejectUnknown(fields, allowed: PolicyParser.thresholdFields, in: "thresholds")
        var result = Policy.ThresholdOverrides()
        if let node = fields["bulk-change"] { result.bulkChangeShare = try share(node, "bulk-change") }
        if let node = fields["ttl-lowered-ratio"] { result.ttlLoweredRatio = try share(node, "ttl-lowered-ratio") }
        if let node = fields["bulk-change-minimum"] {
            let value = try integer(node, "bulk-change-minimum")
            guard value >= 0 else { throw error("bulk-change-minimum must not be negative", at: node) }
            result.bulkChangeMinimumRRsets = value
        }
        if let node = fields["shadow-names"] {
            let value = try integer(node, "shadow-names")
            guard value >= 1 else { throw error("shadow-names must be at least 1", at: node) }
            result.shadowNameCount = value
        }
        if let node = fields["ttl-lowered-floor"] {
            let value = try integer(node, "ttl-lowered-floor")
            guard (0...Int(Int32.max)).contains(value) else {
                throw error("ttl-lowered-floor must be between 0 and \(Int32.max) seconds", at: node)
            }
            result.ttlLoweredFloor = UInt32(value)
        }
        return result
    }
}
