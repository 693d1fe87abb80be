import Baseline
import Foundation
import LDNS
import ZoneModel

/// A second record reader for cross-checks: ldns's parser, one record a
/// line (as the sealer writes files), each through `LDNSRecord(text:)`,
/// with its line number as location.
enum LDNSLineReader {
    static let read: RecordFileReader = { path, origin in
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [Record] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix(";") { continue }
            var record = try LDNSRecord(text: trimmed, origin: origin).record()
            record.location = SourceLocation(file: path, line: index + 1, column: 1)
            records.append(record)
        }
        return records
    }
}
