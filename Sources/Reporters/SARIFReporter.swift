import ZoneModel

/// SARIF 2.1.0 for code-scanning UIs: one run, one rule descriptor per rule
/// id used, one result per finding still present, with the location in the
/// zone file so that the UI annotates the line. Keys sorted.
///
/// Resolved findings are left out: code-scanning services close an alert when
/// its result stops appearing. With history, `baselineState` says `new` or
/// `unchanged`.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let description = "SARIF 2.1.0 log for code scanning (GitHub, GitLab, Azure DevOps)."
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key that carries `Finding.fingerprint`.
    public static let fingerprintKey = "zoneauditFinding/v1"

    public let options: ReporterOptions

    public init(options: ReporterOptions = ReporterOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let prepared = PreparedReport(report)
        let results = prepared.active
        let rules = SARIFReporter.rules(of: results)
        var ruleIndex: [RuleID: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        var sources: [DomainName: String] = [:]
        for zone in report.zones { if let source = zone.source, sources[zone.origin] == nil { sources[zone.origin] = source } }

        var json = JSONWriter(capacity: 1000 * results.count + 4096)
        json.beginObject()
        json.field("$schema", SARIFReporter.schemaURI)
        json.array("runs") { json in
            json.beginObject()
            if !report.banners.isEmpty {
                json.array("invocations") { json in
                    json.beginObject()
                    json.field("executionSuccessful", true)
                    json.array("toolExecutionNotifications") { json in
                        for banner in report.banners {
                            json.beginObject()
                            json.field("level", "warning")
                            json.object("message") { json in json.field("text", banner) }
                            json.endObject()
                        }
                    }
                    json.endObject()
                }
            }
            json.object("properties") { json in
                json.field(strings: report.banners, named: "banners")
                json.field("command", report.command)
                json.field("generatedAt", Timestamp.iso8601(report.generatedAt))
            }
            json.array("results") { json in
                for item in results {
                    SARIFReporter.write(
                        item, ruleIndex: ruleIndex[item.finding.rule] ?? 0,
                        source: item.finding.zone.flatMap { sources[$0] }, to: &json
                    )
                }
            }
            json.object("tool") { json in
                json.object("driver") { json in
                    if let uri = report.tool.informationURI { json.field("informationUri", uri) }
                    json.field("name", report.tool.name)
                    json.array("rules") { json in
                        for rule in rules {
                            json.beginObject()
                            json.object("defaultConfiguration") { json in
                                json.field("level", SARIFReporter.level(rule.level))
                            }
                            json.field("id", rule.id.rawValue)
                            json.object("shortDescription") { json in
                                json.field("text", prepared.description(of: rule.id))
                            }
                            json.endObject()
                        }
                    }
                    json.field("version", report.tool.version)
                }
            }
            json.endObject()
        }
        json.field("version", "2.1.0")
        json.endObject()
        return json.finish()
    }

    struct RuleUse {
        let id: RuleID
        /// The highest level among the rule's results in this run.
        var level: DiagnosticLevel
    }

    /// The rules used, sorted by id.
    static func rules(of results: [PreparedFinding]) -> [RuleUse] {
        var levels: [RuleID: DiagnosticLevel] = [:]
        for item in results {
            let level = item.finding.level
            if levels[item.finding.rule].map({ level > $0 }) ?? true { levels[item.finding.rule] = level }
        }
        return levels.map { RuleUse(id: $0.key, level: $0.value) }.sorted { $0.id < $1.id }
    }

    static func level(_ level: DiagnosticLevel) -> String {
        switch level {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func write(_ item: PreparedFinding, ruleIndex: Int, source: String?, to json: inout JSONWriter) {
        let finding = item.finding
        json.beginObject()
        if let state = item.state {
            json.field("baselineState", state == .new ? "new" : "unchanged")
        }
        json.field("level", level(finding.level))
        // A finding without a line still belongs to a file: its zone's source.
        if let file = finding.location?.file ?? source {
            json.array("locations") { json in
                json.beginObject()
                json.object("physicalLocation") { json in
                    json.object("artifactLocation") { json in
                        json.field("uri", URIReference.fromPath(file))
                    }
                    // SARIF requires startLine >= 1: no line, no region.
                    if let location = finding.location, location.line >= 1 {
                        json.object("region") { json in
                            if location.column >= 1 { json.field("startColumn", location.column) }
                            json.field("startLine", location.line)
                        }
                    }
                }
                json.endObject()
            }
        }
        json.object("message") { json in json.field("text", finding.message) }
        json.object("partialFingerprints") { json in
            json.field(fingerprintKey, item.fingerprint)
        }
        json.object("properties") { json in
            if let authorized = finding.authorized { json.field("authorized", authorized) }
            if let owner = finding.owner { json.field("owner", owner.presentation) }
            if let policy = finding.policy { json.field("policy", policy) }
            json.field("severity", finding.severity.rawValue)
            if let state = item.state { json.field("state", state.rawValue) }
            // SARIF tags are a set: no duplicates.
            var seen = Set<String>()
            json.field(strings: finding.techniques.filter { seen.insert($0).inserted }, named: "tags")
            if let type = finding.type { json.field("type", type.mnemonic) }
            if let zone = finding.zone { json.field("zone", zone.presentation) }
        }
        json.field("ruleId", finding.rule.rawValue)
        json.field("ruleIndex", ruleIndex)
        json.endObject()
    }
}
