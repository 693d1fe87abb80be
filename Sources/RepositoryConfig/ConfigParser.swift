import Foundation
import Reporters
import Transfer
import Yams
import ZoneModel
import ZonePolicy

extension RepositoryConfig {
    /// Reads and parses a configuration file; relative paths in it resolve
    /// against the file's directory. Errors carry `file:line:column`.
    public static func load(contentsOf path: String) throws(ConfigError) -> RepositoryConfig {
        let text = try BoundedYAMLFile.read(path, maximumSize: maximumSize, what: "the configuration")
        let directory = (path as NSString).deletingLastPathComponent
        return try parse(yaml: text, file: path, root: directory.isEmpty ? "." : directory)
    }

    /// Parses configuration YAML; `file` names it in errors, `root` is what
    /// relative paths resolve against.
    public static func parse(yaml: String, file: String, root: String) throws(ConfigError) -> RepositoryConfig {
        try ConfigParser(file: file, root: root).parse(yaml)
    }
}

/// Walks the YAML node tree so that every error points at its node.
struct ConfigParser: YAMLFieldReading {
    let file: String
    let root: String

    private static let topFields: Set<String> = ["version", "defaults", "zones", "reports", "history"]
    /// What a zone entry may say; `defaults` may say the same but `file` and `baseline`.
    private static let zoneFields: Set<String> = [
        "file", "baseline", "policy", "trusted-keys", "approvals", "trust-anchors", "anchor-from-baseline",
        "anchor-from-parent", "servers", "parents", "tsig-key", "include-root", "include-signatures", "fail-on",
        "expiry-warning", "timeout",
    ]
    private static let perZoneOnly: Set<String> = ["file", "baseline"]
    private static let reportFields: Set<String> = ["dir", "formats"]
    /// Bounds the work a hostile configuration can ask for.
    static let maximumZones = 100_000

    func parse(_ yaml: String) throws(ConfigError) -> RepositoryConfig {
        guard let rootNode = try compose(yaml) else {
            throw ConfigError(file: file, line: 0, column: 0, message: "the configuration is empty")
        }
        let top = try mapping(rootNode, "the configuration")
        try rejectUnknown(top, allowed: ConfigParser.topFields, in: "the configuration")
        guard let versionNode = top["version"] else {
            throw error("missing required field 'version' (use version: \(RepositoryConfig.supportedVersion))", at: rootNode)
        }
        let version = try integer(versionNode, "version")
        guard version == RepositoryConfig.supportedVersion else {
            throw error("unsupported configuration version \(version); this zoneaudit reads version \(RepositoryConfig.supportedVersion)",
                        at: versionNode)
        }

        var defaults: Node.Mapping?
        if let node = top["defaults"] {
            let fields = try mapping(node, "defaults")
            try rejectUnknown(fields, allowed: ConfigParser.zoneFields.subtracting(ConfigParser.perZoneOnly), in: "defaults")
            if let policy = fields["policy"], policy.mapping != nil {
                throw error("an inline policy belongs in a zone entry; under defaults give a policy file", at: policy)
            }
            defaults = fields
        }

        guard let zonesNode = top["zones"] else { throw error("missing required field 'zones'", at: rootNode) }
        let zoneEntries = try mapping(zonesNode, "zones")
        guard zoneEntries.count <= ConfigParser.maximumZones else {
            throw error("more than \(ConfigParser.maximumZones) zones", at: zonesNode)
        }
        var zones: [ZoneConfig] = []
        var seen = Set<DomainName>()
        for (key, value) in zoneEntries {
            let origin = try name(key, "zone name")
            guard seen.insert(origin).inserted else { throw error("zone \(origin) is listed twice", at: key) }
            zones.append(try zone(origin, key: key, node: value, defaults: defaults))
        }

        var reports = ReportSettings()
        if let node = top["reports"] {
            let fields = try mapping(node, "reports")
            try rejectUnknown(fields, allowed: ConfigParser.reportFields, in: "reports")
            if let dir = fields["dir"] { reports.directory = try path(dir, "reports.dir") }
            if let formatsNode = fields["formats"] {
                reports.formats = []
                for item in try sequence(formatsNode, "reports.formats") {
                    let text = try string(item, "report format")
                    guard let format = ReportFormat(rawValue: text.lowercased()) else {
                        throw error("unknown report format '\(text)' (use text, json, sarif, markdown or junit)", at: item)
                    }
                    if !reports.formats.contains(format) { reports.formats.append(format) }
                }
                guard !reports.formats.isEmpty else { throw error("reports.formats lists no format", at: formatsNode) }
            }
        }
        var history = ".zoneaudit/history.sqlite"
        if let node = top["history"] { history = try path(node, "history") }

        return RepositoryConfig(file: file, root: root, zones: zones, reports: reports, historyPath: history)
    }

    /// One zone entry: the defaults first, then what the entry says.
    private func zone(_ origin: DomainName, key: Node, node: Node, defaults: Node.Mapping?) throws(ConfigError) -> ZoneConfig {
        let fields = try mapping(node, "zone \(origin)")
        try rejectUnknown(fields, allowed: ConfigParser.zoneFields, in: "zone \(origin)")
        guard let fileNode = fields["file"] else {
            throw error("zone \(origin) needs a 'file' (the zone file, relative to the repository root)", at: key)
        }
        var zone = ZoneConfig(origin: origin, root: root, line: key.mark?.line ?? 0, file: try path(fileNode, "file"))
        if let defaults { try apply(defaults, to: &zone) }
        try apply(fields, to: &zone)
        if zone.anchorFromParent && zone.parents.isEmpty {
            throw error("zone \(origin): anchor-from-parent needs parents (the parent zone's servers)", at: key)
        }
        return zone
    }

    private func apply(_ fields: Node.Mapping, to zone: inout ZoneConfig) throws(ConfigError) {
        let origin = zone.origin
        if let node = fields["baseline"] { zone.baseline = try path(node, "baseline") }
        if let node = fields["policy"] {
            if node.mapping != nil {
                zone.policy = .inline(try Policy.inline(node, origin: origin, file: file))
            } else {
                zone.policy = .file(try path(node, "policy"))
            }
        }
        if let node = fields["trusted-keys"] { zone.trustedKeys = try path(node, "trusted-keys") }
        if let node = fields["approvals"] {
            let value = try integer(node, "approvals")
            guard (1...100).contains(value) else { throw error("approvals must be between 1 and 100", at: node) }
            zone.approvals = value
        }
        if let node = fields["trust-anchors"] { zone.trustAnchors = try path(node, "trust-anchors") }
        if let node = fields["anchor-from-baseline"] { zone.anchorFromBaseline = try boolean(node, "anchor-from-baseline") }
        if let node = fields["anchor-from-parent"] { zone.anchorFromParent = try boolean(node, "anchor-from-parent") }
        if let node = fields["servers"] { zone.servers = try servers(node, "servers") }
        if let node = fields["parents"] { zone.parents = try servers(node, "parents") }
        if let node = fields["tsig-key"] { zone.tsigKey = try path(node, "tsig-key") }
        if let node = fields["include-root"] { zone.includeRoot = try path(node, "include-root") }
        if let node = fields["include-signatures"] { zone.includeSignatures = try boolean(node, "include-signatures") }
        if let node = fields["fail-on"] {
            let text = try string(node, "fail-on")
            guard let severity = Severity(rawValue: text.lowercased()) else {
                throw error("unknown severity '\(text)' (use critical, high, medium, low or info)", at: node)
            }
            zone.failOn = severity
        }
        if let node = fields["expiry-warning"] {
            let value = try integer(node, "expiry-warning")
            guard (0...3650).contains(value) else { throw error("expiry-warning must be between 0 and 3650 days", at: node) }
            zone.expiryWarningDays = value
        }
        if let node = fields["timeout"] {
            let value = try integer(node, "timeout")
            guard (1...3600).contains(value) else { throw error("timeout must be between 1 and 3600 seconds", at: node) }
            zone.timeout = value
        }
    }

    /// `HOST[:PORT]` entries, checked now so that a typo points at its line.
    private func servers(_ node: Node, _ what: String) throws(ConfigError) -> [String] {
        var result: [String] = []
        for item in try sequence(node, what) {
            let text = try string(item, "server")
            do {
                _ = try ServerAddress(parsing: text)
            } catch {
                throw self.error("\(what): \(error)", at: item)
            }
            result.append(text)
        }
        return result
    }

    private func path(_ node: Node, _ what: String) throws(ConfigError) -> String {
        let text = try string(node, what)
        guard !text.isEmpty, !text.utf8.contains(0) else { throw error("\(what) must be a path", at: node) }
        return text
    }
}
