import Foundation
import Testing
import ZoneDiff

/// zoneaudit-policy(5) documents every rule with its default severity; the
/// table there must say what the code does.
@Suite struct ManualTests {
    @Test func ruleTableMatchesTheCatalogue() throws {
        let page = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("man/zoneaudit-policy.5")
        guard FileManager.default.fileExists(atPath: page.path) else {
            // The manual is not shipped with a test bundle built elsewhere.
            return
        }
        let text = try String(contentsOf: page, encoding: .utf8)
        var documented: [String: (String, Bool)] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix(".It Cm ") && line.contains(" Ta ") {
            let cells = line.dropFirst(".It Cm ".count).components(separatedBy: " Ta ")
            guard cells.count == 3 else { continue }
            documented[cells[0]] = (cells[1], cells[2] == "yes")
        }
        #expect(documented.count == AuditRules.all.count)
        for rule in AuditRules.all {
            let entry = documented[rule.id.rawValue]
            #expect(entry?.0 == rule.severity.rawValue, "severity of \(rule.id)")
            #expect(entry?.1 == rule.followsAuthorization, "follows of \(rule.id)")
        }
    }
}
