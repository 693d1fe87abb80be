import Foundation
@testable import Reporters
import Testing
import ZoneModel

/// The sample reports the canned outputs in `Resources/` were made from.
enum ReportFixtures {
    static let generatedAt = Date(timeIntervalSince1970: 1_735_787_045) // 2025-01-02T03:04:05Z
    static let tool = ToolInfo(version: "1.2.3-test", informationURI: "https://example.invalid/zoneaudit")

    static func name(_ text: String) -> DomainName {
        // Fixture names are literals known to be valid.
        try! DomainName(text)
    }

    static func a(_ owner: String, _ ttl: UInt32, _ address: [UInt8], at location: ZoneModel.SourceLocation? = nil) -> Record {
        Record(owner: name(owner), type: .a, ttl: ttl, rdata: address, location: location)
    }

    static func ns(_ owner: String, _ ttl: UInt32, _ target: String, at location: ZoneModel.SourceLocation? = nil) -> Record {
        Record(owner: name(owner), type: .ns, ttl: ttl, rdata: name(target).wire, location: location)
    }

    static func mx(_ owner: String, _ ttl: UInt32, _ preference: UInt16, _ exchange: String, at location: ZoneModel.SourceLocation? = nil) -> Record {
        var rdata: [UInt8] = []
        rdata.appendUInt16(preference)
        rdata.append(contentsOf: name(exchange).wire)
        return Record(owner: name(owner), type: .mx, ttl: ttl, rdata: rdata, location: location)
    }

    static func at(_ file: String, _ line: Int, _ column: Int = 1) -> ZoneModel.SourceLocation {
        ZoneModel.SourceLocation(file: file, line: line, column: column)
    }

    /// Every record the fixtures use, by the name the canned files' `${RDATA:name}`
    /// and `${RR:name}` placeholders give.
    static let records: [String: Record] = [
        "ns1": ns("example.com.", 3600, "ns1.example.net.", at: at("baselines/example.com.zone", 5)),
        "ns2": ns("example.com.", 3600, "ns2.example.net.", at: at("baselines/example.com.zone", 6)),
        "ns1-now": ns("example.com.", 3600, "ns1.example.net.", at: at("zones/example.com.zone", 5)),
        "attacker": ns("example.com.", 3600, "ns1.attacker.example.", at: at("zones/example.com.zone", 6)),
        "www": a("www.example.com.", 300, [192, 0, 2, 10], at: at("zones/example.com.zone", 14)),
        "dyn-old": a("host.dyn.example.com.", 60, [192, 0, 2, 20], at: at("baselines/example.com.zone", 20)),
        "dyn-new": a("host.dyn.example.com.", 60, [192, 0, 2, 21], at: at("zones/example.com.zone", 20)),
        "mx": mx("example.com.", 3600, 10, "mail.example.com.", at: at("baselines/example.com.zone", 8)),
    ]

    static func record(_ key: String) -> Record { records[key]! }

    static let apexNSChanged = Finding(
        rule: "delegation.apex-ns-changed", severity: .critical,
        message: "apex NS set changed: ns2.example.net. replaced by ns1.attacker.example.",
        zone: name("example.com."), owner: name("example.com."), type: .ns,
        before: [record("ns1"), record("ns2")], after: [record("ns1-now"), record("attacker")],
        location: at("zones/example.com.zone", 6), authorized: false, techniques: ["T1584.002"]
    )
    static let wwwAdded = Finding(
        rule: "record.added", severity: .high, message: "A RRset added at www.example.com.",
        zone: name("example.com."), owner: name("www.example.com."), type: .a,
        after: [record("www")], location: at("zones/example.com.zone", 14), authorized: false
    )
    static let dynChanged = Finding(
        rule: "record.changed", severity: .info, message: "A RRset changed at host.dyn.example.com.",
        zone: name("example.com."), owner: name("host.dyn.example.com."), type: .a,
        before: [record("dyn-old")], after: [record("dyn-new")], location: at("zones/example.com.zone", 20),
        authorized: true, policy: "mutable: *.dyn.example.com. [A, AAAA]"
    )
    static let mxRemoved = Finding(
        rule: "record.removed", severity: .medium, message: "MX RRset removed at example.com.",
        zone: name("example.com."), owner: name("example.com."), type: .mx,
        before: [record("mx")], authorized: false, techniques: ["T1584.002"]
    )
    static let badTTL = Finding(
        rule: "syntax.bad-ttl", severity: .high,
        message: "bad TTL \"1x\": expected a number with an optional unit (s, m, h, d, w)",
        zone: name("example.org."), location: at("zones/example.org.zone", 3, 17)
    )
    static let glueMissing = Finding(
        rule: "zone.glue-missing", severity: .medium,
        message: "in-bailiwick NS target ns.sub.example.org. has no glue",
        zone: name("example.org."), owner: name("sub.example.org."), type: .ns,
        location: ZoneModel.SourceLocation(file: "zones/example.org.zone", line: 0, column: 0)
    )
    static let includeEscape = Finding(
        rule: "syntax.include-outside-root", severity: .high,
        message: "$INCLUDE ../../etc/passwd leaves the include root",
        location: at("zones/example.org.zone", 9)
    )

    static let zones: [ZoneReport] = [
        ZoneReport(
            origin: name("example.com."), source: "zones/example.com.zone",
            baseline: "baselines/example.com.zone", serialBefore: 2_024_010_101, serialAfter: 2_024_010_102,
            seal: "unsealed", recordsBefore: 42, recordsAfter: 44
        ),
        ZoneReport(origin: name("example.org."), source: "zones/example.org.zone"),
        ZoneReport(origin: name("example.net."), source: "zones/example.net.zone", recordsAfter: 12),
    ]

    /// An `audit` over three zones, one of them clean, with a banner.
    static var audit: Report {
        Report(
            tool: tool, command: "audit", generatedAt: generatedAt, zones: zones,
            banners: ["AUDITED AGAINST AN UNSEALED BASELINE"],
            findings: [glueMissing, mxRemoved, dynChanged, badTTL, wwwAdded, includeEscape, apexNSChanged]
        )
    }

    /// A cron `run` of one zone with history: one new, one ongoing, one resolved.
    static var cronRun: Report {
        Report(
            tool: tool, command: "run", generatedAt: generatedAt, zones: [zones[0]],
            findings: [wwwAdded, apexNSChanged, mxRemoved],
            history: [
                apexNSChanged.fingerprint: .new,
                wwwAdded.fingerprint: .ongoing,
                mxRemoved.fingerprint: .resolved,
            ]
        )
    }
}

/// Canned outputs in `Resources/`, with placeholders for what other work may
/// change without the reporters changing: `${RDATA:key}` is the RDATA
/// presentation of fixture record `key` and `${RR:key}` its whole
/// tab-separated presentation, each escaped for the format at hand.
enum CannedOutput {
    enum Escaping {
        case none, json, xml
    }

    static func resourceURL(_ name: String) -> URL? {
        let url = URL(fileURLWithPath: name)
        return Bundle.module.url(
            forResource: url.deletingPathExtension().lastPathComponent, withExtension: url.pathExtension,
            subdirectory: "Resources"
        )
    }

    /// The canned file with its placeholders filled in; nil when it is missing.
    static func expected(_ name: String, escaping: Escaping) throws -> String? {
        guard let url = resourceURL(name) else { return nil }
        var text = try String(contentsOf: url, encoding: .utf8)
        for (key, record) in ReportFixtures.records {
            text = text.replacingOccurrences(of: "${RDATA:\(key)}", with: escape(record.rdataPresentation, escaping))
            text = text.replacingOccurrences(of: "${RR:\(key)}", with: escape(record.presentation, escaping))
        }
        return text
    }

    private static func escape(_ text: String, _ escaping: Escaping) -> String {
        switch escaping {
        case .none: text
        case .json: String(JSONWriter.quoted(text).dropFirst().dropLast())
        case .xml: XMLText.content(text)
        }
    }

    /// Compares `actual` with the canned file. On a difference, writes the
    /// actual output next to the build products and names it in the failure.
    static func check(_ actual: String, against name: String, escaping: Escaping,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try expected(name, escaping: escaping)
        if actual != expected {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
            try actual.write(to: path, atomically: true, encoding: .utf8)
            if let expected {
                let expectedPath = FileManager.default.temporaryDirectory.appendingPathComponent("expected-" + name)
                try expected.write(to: expectedPath, atomically: true, encoding: .utf8)
            }
            Issue.record("output differs from Resources/\(name); actual output written to \(path.path)",
                         sourceLocation: sourceLocation)
        }
    }
}
