import Foundation
import Testing
import ZoneModel
import ZoneParser
import ZoneChecks

/// The peers' conformance data (`../shared/corpus` beside the package root),
/// or nil when it is absent: the corpus tests are then skipped, not failed.
enum Corpus {
    static let root: String? = {
        // Tests/ZoneChecksTests/<this file> -> the package root -> ../shared/corpus
        let package = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = package.deletingLastPathComponent().appendingPathComponent("shared/corpus").standardized
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { return nil }
        return corpus.path
    }()

    static var isPresent: Bool { root != nil }

    /// The rows of a tab-separated file, header dropped, empty fields kept.
    static func rows(_ relativePath: String) throws -> [[String]] {
        let root = try #require(root)
        let text = try String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

/// What zoneaudit made of one corpus zone: the loader's findings (parser and
/// builder), the zone when it could be built, and the checks' findings.
struct CorpusOutcome {
    var loadFindings: [Finding]
    var zone: Zone?
    var checkFindings: [Finding]

    init(path: String, options: ParseOptions) {
        let (zone, findings) = ZoneLoader.loadZone(path: path, options: options)
        self.loadFindings = findings
        self.zone = zone
        self.checkFindings = zone.map { ZoneChecker.check(zone: $0) } ?? []
    }

    var all: [Finding] { loadFindings + checkFindings }
    var rejected: Bool { zone == nil || all.contains { $0.level == .error } }

    /// Counts of the `zone.*` rules (checks and builder) that were reported.
    var zoneRuleCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for finding in all where finding.rule.category == "zone" { counts[finding.rule.rawValue, default: 0] += 1 }
        return counts
    }

    var summary: String {
        let errors = all.filter { $0.level == .error }.map(\.rule.rawValue)
        let others = all.filter { $0.level != .error }.map(\.rule.rawValue)
        return "errors \(errors), warnings \(others)"
    }
}

/// The answer we assert for one corpus case, and why when it is not the
/// reference tool's.
struct CorpusAnswer {
    /// False when the loader must refuse the file (the zone is not built).
    var loads: Bool
    /// For a refused file: a rule the loader must report.
    var loadRule: String?
    /// The exact `zone.*` rules reported, with their counts where pinned.
    var zoneRules: [String: Int?]
    /// Parser warnings that must (or must not) appear.
    var mustReport: [String] = []
    var mustNotReport: [String] = []
    /// Why our answer differs from the reference, or what decides a case
    /// outside the non-DNSSEC checks. Required wherever the verdicts differ.
    var note: String?

    /// True when this answer rejects the zone.
    var rejects: Bool {
        !loads || zoneRules.keys.contains { ZoneCheckRule.rule(RuleID($0))?.severity.level == .error }
    }

    static func accept(_ warnings: ZoneCheckRule..., builder: [String] = [], note: String? = nil) -> CorpusAnswer {
        var rules: [String: Int?] = [:]
        for rule in warnings { rules[rule.id.rawValue] = .some(nil) }
        for id in builder { rules[id] = .some(nil) }
        return CorpusAnswer(loads: true, loadRule: nil, zoneRules: rules, note: note)
    }

    static func reject(_ rule: ZoneCheckRule, count: Int? = nil, also: [ZoneCheckRule] = [], note: String? = nil) -> CorpusAnswer {
        var rules: [String: Int?] = [rule.id.rawValue: count]
        for other in also { rules[other.id.rawValue] = .some(nil) }
        return CorpusAnswer(loads: true, loadRule: nil, zoneRules: rules, note: note)
    }

    static func parserRejects(_ rule: String, note: String? = nil) -> CorpusAnswer {
        CorpusAnswer(loads: false, loadRule: rule, zoneRules: [:], note: note)
    }

    func reporting(_ rules: String...) -> CorpusAnswer {
        var copy = self
        copy.mustReport += rules
        return copy
    }

    func notReporting(_ rules: String...) -> CorpusAnswer {
        var copy = self
        copy.mustNotReport += rules
        return copy
    }

    /// Checks `outcome` against this answer, recording issues against `label`.
    func verify(_ outcome: CorpusOutcome, label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let context = Comment(rawValue: "\(label): \(outcome.summary)")
        if !loads {
            #expect(outcome.zone == nil, context, sourceLocation: sourceLocation)
            if let loadRule {
                #expect(outcome.loadFindings.contains { $0.rule.rawValue == loadRule }, context, sourceLocation: sourceLocation)
            }
            return
        }
        #expect(outcome.zone != nil, context, sourceLocation: sourceLocation)
        let counts = outcome.zoneRuleCounts
        #expect(Set(counts.keys) == Set(zoneRules.keys), context, sourceLocation: sourceLocation)
        for (rule, pinned) in zoneRules {
            if let pinned { #expect(counts[rule] == pinned, "\(rule) count", sourceLocation: sourceLocation) }
        }
        #expect(outcome.rejected == rejects, context, sourceLocation: sourceLocation)
        for rule in mustReport {
            #expect(outcome.all.contains { $0.rule.rawValue == rule }, "\(label): expected \(rule)", sourceLocation: sourceLocation)
        }
        for rule in mustNotReport {
            #expect(!outcome.all.contains { $0.rule.rawValue == rule }, "\(label): unexpected \(rule)", sourceLocation: sourceLocation)
        }
    }
}

/// Pass counts for the closing note: cases whose verdict agrees with the
/// reference, cases that only DNSSEC validation decides (outside these
/// checks), and explained differences.
struct CorpusTally {
    var cases = 0
    var agreeing = 0
    var dnssecOnly: [String] = []
    var explainedDifferences: [String] = []

    mutating func record(label: String, referenceRejects: Bool, answer: CorpusAnswer, outcome: CorpusOutcome) {
        cases += 1
        if outcome.rejected == referenceRejects {
            agreeing += 1
        } else if answer.note?.hasPrefix("DNSSEC:") == true {
            dnssecOnly.append(label)
        } else {
            explainedDifferences.append(label)
        }
    }

    func report(_ corpus: String) {
        print("""
            \(corpus): \(cases) cases; verdict agrees on \(agreeing); DNSSEC-only (outside these checks) \(dnssecOnly.count); \
            explained differences \(explainedDifferences.count): \(explainedDifferences.joined(separator: ", "))
            """)
    }
}
