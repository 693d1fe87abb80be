import Foundation
@testable import Reporters
import Testing
import ZoneModel

/// Each reporter's output for the fixture reports, byte for byte.
@Suite("Canned outputs")
struct CannedOutputTests {
    static let cases: [(ReportFormat, String, CannedOutput.Escaping)] = [
        (.text, "txt", .none), (.json, "json", .json), (.sarif, "sarif", .json),
        (.markdown, "md", .none), (.junit, "xml", .xml),
    ]

    @Test("audit report in every format", arguments: ReportFormat.allCases)
    func audit(format: ReportFormat) throws {
        let (_, ext, escaping) = try #require(Self.cases.first { $0.0 == format })
        let output = format.render(ReportFixtures.audit)
        try CannedOutput.check(output, against: "audit.\(ext)", escaping: escaping)
    }

    @Test("cron run with history in every format", arguments: ReportFormat.allCases)
    func cronRun(format: ReportFormat) throws {
        let (_, ext, escaping) = try #require(Self.cases.first { $0.0 == format })
        let output = format.render(ReportFixtures.cronRun)
        try CannedOutput.check(output, against: "cron-run.\(ext)", escaping: escaping)
    }

    @Test("input order does not change any output")
    func orderIndependence() {
        var shuffled = ReportFixtures.audit
        shuffled.findings.reverse()
        shuffled.zones.reverse()
        for format in ReportFormat.allCases {
            #expect(format.render(shuffled) == format.render(ReportFixtures.audit), "\(format)")
        }
    }
}
