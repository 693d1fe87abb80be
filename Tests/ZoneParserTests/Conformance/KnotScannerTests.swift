import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// Knot's zone-scanner cases (`knot/tests/libzscanner`): every record's wire
/// form, and every rejected entry, in file order (knot/SOURCE.md).
@Suite("Conformance: Knot zone scanner")
struct KnotScannerTests {
    enum Event: Equatable, CustomStringConvertible {
        case record(String)
        case rejected
        /// Knot stops at a fatal error: nothing after it is compared.
        case fatal

        var description: String {
            switch self {
            case .record(let key): key
            case .rejected: "rejected"
            case .fatal: "fatal"
            }
        }
    }

    static let data = Corpus.root + "/knot/tests/libzscanner/data"

    static func expected(_ name: String) throws -> [Event] {
        let text = try String(contentsOfFile: data + "/" + name + ".out", encoding: .utf8)
        var events: [Event] = []
        var fields: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "------" {
                if let first = fields.first {
                    if first.hasPrefix("WARNG=") {
                        events.append(.rejected)
                    } else if first.hasPrefix("ERROR=") {
                        events.append(.fatal)
                    } else {
                        events.append(.record(fields.joined(separator: " ")))
                    }
                }
                fields = []
            } else if !line.isEmpty {
                fields.append(String(line))
            }
        }
        return events
    }

    /// Parses the case as Knot's driver does: origin `.`, class IN, default
    /// TTL 0, `@TMPDIR@` replaced by a directory holding `includes/`.
    static func actual(_ name: String) throws -> (events: [Event], lines: [Int], result: ParseResult) {
        let directory = TemporaryDirectory()
        let includes = directory.path + "/includes"
        try FileManager.default.copyItem(atPath: data + "/includes", toPath: includes)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: data + "/" + name + ".in")))
        let placeholder = Array("@TMPDIR@".utf8), replacement = Array(directory.path.utf8)
        var index = 0
        while index + placeholder.count <= bytes.count {
            if Array(bytes[index..<(index + placeholder.count)]) == placeholder {
                bytes.replaceSubrange(index..<(index + placeholder.count), with: replacement)
                index += replacement.count
            } else {
                index += 1
            }
        }
        let path = directory.path + "/" + name + ".in"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let result = ZoneFileParser.parse(path: path, options: ParseOptions(
            origin: .root, defaultTTL: 0, includeRoot: directory.path, format: .masterFile))
        // One event per entry, in file order. For a single file, records and
        // errors sorted by position give that order; when $INCLUDE brought in
        // other files (the 06-* cases, one include each), records keep the
        // table's order and the errors follow.
        let errors = result.findings.filter { $0.level == .error }
        let singleFile = result.includedFiles.isEmpty
        var items: [((Int, Int), Event, Int)] = []
        for (index, record) in result.records.enumerated() {
            let location = record.location!
            items.append((singleFile ? (Int(location.line), Int(location.column)) : (0, index), .record(knotKey(record)),
                          Int(location.line)))
        }
        for (index, finding) in errors.enumerated() {
            let location = finding.location
            items.append((singleFile ? (Int(location?.line ?? 0), Int(location?.column ?? 0)) : (1, index), .rejected,
                          Int(location?.line ?? 0)))
        }
        items.sort { $0.0 < $1.0 }
        withExtendedLifetime(directory) {}
        return (items.map(\.1), items.map(\.2), result)
    }

    /// True when the events agree; a fatal expected event needs a rejection
    /// at its place and ends the comparison.
    static func agree(_ expected: [Event], _ actual: [Event]) -> Bool {
        for (index, event) in expected.enumerated() {
            if event == .fatal { return index < actual.count && actual[index] == .rejected }
            guard index < actual.count, actual[index] == event else { return false }
        }
        return expected.count == actual.count
    }

    @Test func scannerCases() throws {
        guard Corpus.isPresent else {
            print("conformance knot: skipped, \(Corpus.root) is absent")
            return
        }
        let names = try String(contentsOfFile: Corpus.root + "/knot/tests/libzscanner/TESTS", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        var passed = 0, explained = 0, notApplicable = 0
        for name in names {
            let expectation = KnotScannerTests.expectations[name] ?? .matches
            let expected = try KnotScannerTests.expected(name)
            let (actual, actualLines, result) = try KnotScannerTests.actual(name)
            let agrees = KnotScannerTests.agree(expected, actual)
            if !agrees {
                var lines: [String] = []
                for index in 0..<max(expected.count, actual.count) {
                    let want = index < expected.count ? expected[index] : nil
                    let got = index < actual.count ? actual[index] : nil
                    if want == .fatal { lines.append("   [\(index)] expected fatal, got \(got?.description ?? "-")"); break }
                    if want != got {
                        let line = index < actualLines.count ? "line \(actualLines[index])" : "-"
                        lines.append("   [\(index)] \(line) expected \(want?.description ?? "-")\n        got \(got?.description ?? "-")")
                    }
                }
                conformanceLog("== \(name) (\(expectation)): expected \(expected.count) events, got \(actual.count)\n"
                    + lines.joined(separator: "\n") + "\n   findings: "
                    + result.findings.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.rule) \($0.message)" }.joined(separator: "\n     "))
            }
            switch expectation {
            case .matches:
                #expect(agrees, "\(name) differs from Knot (set ZONEPARSER_CONFORMANCE_LOG for details)")
                if agrees { passed += 1 }
            case .differs:
                #expect(!agrees, "\(name) now agrees with Knot: remove its explained difference")
                if !agrees { explained += 1 }
            case .notAParserCase:
                #expect(!agrees, "\(name) now agrees with Knot: remove its explanation")
                if !agrees { notApplicable += 1 }
            }
        }
        Corpus.report("knot zone scanner", passed: passed, explained: explained, notApplicable: notApplicable,
                      total: names.count)
    }
}
