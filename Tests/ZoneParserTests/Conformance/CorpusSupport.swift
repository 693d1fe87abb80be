import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// The shared conformance corpus (`../shared/corpus` from the package root).
enum Corpus {
    static let root = packageRoot + "/../shared/corpus"

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root + "/README.md") }

    /// Lines of a tab-separated manifest, header skipped, as column arrays.
    static func manifest(_ relative: String) throws -> [[String]] {
        let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Prints a pass count the CI log keeps (tests never assert timings or counts of this kind).
    static func report(_ suite: String, passed: Int, explained: Int, notApplicable: Int = 0, total: Int) {
        print("conformance \(suite): \(passed) pass, \(explained) explained differences, \(notApplicable) not parser cases, \(total) cases")
    }
}

/// What a case must do, next to why when it is not the peer's answer.
enum Expectation: Equatable {
    case matches
    /// zoneaudit deliberately differs from the peer; the reason says why.
    case differs(String)
    /// The case is about something other than parsing (checked elsewhere).
    case notAParserCase(String)
}

/// Wire form of a record as the Knot scanner tests print it.
func knotKey(_ record: Record) -> String {
    func upper(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02X", $0) }.joined() }
    return "OWNER=\(upper(record.owner.wire)) CLASS=\(String(format: "%04X", record.rrClass.rawValue)) "
        + "RRTTL=\(String(format: "%08X", record.ttl)) RTYPE=\(String(format: "%04X", record.type.rawValue)) "
        + "RDATA=\(upper(record.rdata))"
}

/// Where mismatch details go when `ZONEPARSER_CONFORMANCE_LOG` names a file
/// (a debugging aid; the assertions do not depend on it).
func conformanceLog(_ text: @autoclosure () -> String) {
    guard let path = ProcessInfo.processInfo.environment["ZONEPARSER_CONFORMANCE_LOG"] else { return }
    let line = text() + "\n"
    if let handle = FileHandle(forWritingAtPath: path) {
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        handle.closeFile()
    } else {
        _ = FileManager.default.createFile(atPath: path, contents: Data(line.utf8))
    }
}
