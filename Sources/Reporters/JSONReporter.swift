import ZoneModel

/// The documented JSON document (`zoneaudit-report(5)`), schema version 1.
///
/// Deterministic: keys sorted, findings in `Finding.reportOrder`, the time
/// and version as passed in. Every documented key is always present; a value
/// that is unknown or does not apply is `null`, never a missing key.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let description = "JSON document with a schemaVersion, for scripts and SIEMs."
    public static let schemaVersion = 1

    public let options: ReporterOptions

    public init(options: ReporterOptions = ReporterOptions()) {
        self.options = options
    }

    public func render(_ report: Report) -> String {
        let prepared = PreparedReport(report)
        var json = JSONWriter(capacity: 1200 * prepared.findings.count + 1024)
        json.beginObject()
        json.field(strings: report.banners, named: "banners")
        json.field("command", report.command)
        json.array("findings") { json in
            for item in prepared.findings { JSONReporter.write(item, to: &json) }
        }
        json.field("generatedAt", Timestamp.iso8601(report.generatedAt))
        json.field("schemaVersion", JSONReporter.schemaVersion)
        json.object("summary") { json in
            JSONReporter.write(prepared.summary, zones: prepared.groups.filter { $0.zone != nil }.count, to: &json)
        }
        json.object("tool") { json in
            json.field("name", report.tool.name)
            json.field("version", report.tool.version)
        }
        json.array("zones") { json in
            for group in prepared.groups where group.zone != nil {
                JSONReporter.write(group, to: &json)
            }
        }
        json.endObject()
        return json.finish()
    }

    static func write(_ item: PreparedFinding, to json: inout JSONWriter) {
        let finding = item.finding
        json.beginObject()
        json.array("after") { json in
            for record in finding.after { write(record, to: &json) }
        }
        json.field("authorized", finding.authorized)
        json.array("before") { json in
            for record in finding.before { write(record, to: &json) }
        }
        json.field("fingerprint", item.fingerprint)
        json.field("level", finding.level.rawValue)
        json.key("location")
        write(finding.location, to: &json)
        json.field("message", finding.message)
        json.field("owner", finding.owner?.presentation)
        json.field("policy", finding.policy)
        json.field("rule", finding.rule.rawValue)
        json.field("severity", finding.severity.rawValue)
        json.field("state", item.state?.rawValue)
        json.field(strings: finding.techniques, named: "techniques")
        json.field("type", finding.type?.mnemonic)
        json.field("zone", finding.zone?.presentation)
        json.endObject()
    }

    static func write(_ record: Record, to json: inout JSONWriter) {
        json.beginObject()
        json.field("class", record.rrClass.mnemonic)
        json.key("location")
        write(record.location, to: &json)
        json.field("owner", record.owner.presentation)
        json.field("presentation", record.presentation)
        json.field("rdata", record.rdataPresentation)
        json.field("ttl", record.ttl)
        json.field("type", record.type.mnemonic)
        json.endObject()
    }

    static func write(_ location: SourceLocation?, to json: inout JSONWriter) {
        guard let location else {
            json.null()
            return
        }
        json.beginObject()
        json.field("column", location.column)
        json.field("file", location.file)
        json.field("line", location.line)
        json.endObject()
    }

    static func write(_ summary: ReportSummary, zones: Int?, to json: inout JSONWriter) {
        json.field("authorized", summary.authorized)
        json.field("findings", summary.findings)
        json.object("level") { json in
            json.field("error", summary.count(.error))
            json.field("note", summary.count(.note))
            json.field("warning", summary.count(.warning))
        }
        json.field("maxSeverity", summary.maxSeverity?.rawValue)
        json.object("severity") { json in
            json.field("critical", summary.count(.critical))
            json.field("high", summary.count(.high))
            json.field("info", summary.count(.info))
            json.field("low", summary.count(.low))
            json.field("medium", summary.count(.medium))
        }
        json.key("state")
        if let history = summary.history {
            json.beginObject()
            json.field("new", history.new)
            json.field("ongoing", history.ongoing)
            json.field("resolved", history.resolved)
            json.endObject()
        } else {
            json.null()
        }
        json.field("unauthorized", summary.unauthorized)
        if let zones { json.field("zones", zones) }
    }

    static func write(_ group: ZoneGroup, to json: inout JSONWriter) {
        let info = group.info
        json.beginObject()
        json.field("baseline", info?.baseline)
        json.field("origin", group.title)
        json.field("recordsAfter", info?.recordsAfter)
        json.field("recordsBefore", info?.recordsBefore)
        json.field("seal", info?.seal)
        json.field("serialAfter", info?.serialAfter)
        json.field("serialBefore", info?.serialBefore)
        json.field("source", info?.source)
        json.object("summary") { json in
            write(group.summary, zones: nil, to: &json)
        }
        json.endObject()
    }
}

extension JSONWriter {
    mutating func field(strings: [String], named name: String) {
        field(name, strings: strings)
    }
}
