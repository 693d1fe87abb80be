import Foundation
@testable import Reporters
import Testing
import ZoneModel

@Suite("SARIF against the official 2.1.0 schema")
struct SARIFSchemaTests {
    @Test("the shipped schema is the OASIS 2.1.0 schema and parses")
    func schemaFile() throws {
        let url = try #require(SARIFSchemaValidator.schemaURL)
        let data = try Data(contentsOf: url)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["id"] as? String == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-04/schema#")
        #expect((schema["definitions"] as? [String: Any])?.count == 52)
        #expect(data.count == 112_768)
    }

    @Test(
        "reports validate",
        .enabled(if: SARIFSchemaValidator.isAvailable, "python3 with the jsonschema module is not installed; SARIF schema validation skipped"),
        arguments: ["audit", "cron run", "escaping", "empty", "no tool URI"]
    )
    func validates(fixture: String) throws {
        let report: Report
        switch fixture {
        case "audit": report = ReportFixtures.audit
        case "cron run": report = ReportFixtures.cronRun
        case "escaping": report = EscapingFixtures.report
        case "empty": report = Report(tool: ReportFixtures.tool, command: "check", generatedAt: ReportFixtures.generatedAt)
        default:
            var plain = ReportFixtures.audit
            plain.tool.informationURI = nil
            report = plain
        }
        let outcome = try SARIFSchemaValidator.validate(ReportFormat.sarif.render(report))
        #expect(outcome == .valid)
    }

    /// The validator must not be a no-op: a document that breaks the schema
    /// (a region with line 0, a level SARIF does not have, no `version`) fails.
    @Test(
        "the validator rejects invalid documents",
        .enabled(if: SARIFSchemaValidator.isAvailable, "python3 with the jsonschema module is not installed; SARIF schema validation skipped")
    )
    func rejectsInvalid() throws {
        let valid = ReportFormat.sarif.render(ReportFixtures.audit)
        let broken = [
            valid.replacingOccurrences(of: "\"startLine\": 6", with: "\"startLine\": 0"),
            valid.replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"serious\""),
            valid.replacingOccurrences(of: "  \"version\": \"2.1.0\"\n", with: "  \"zz\": 1\n"),
        ]
        for document in broken {
            #expect(document != valid)
            let outcome = try SARIFSchemaValidator.validate(document)
            guard case let .invalid(errors) = outcome else {
                Issue.record("a broken document passed validation")
                continue
            }
            #expect(!errors.isEmpty)
        }
    }
}
