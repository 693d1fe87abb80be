import Foundation
import GRDB
import ZoneModel

/// A finding as the `finding` table holds it: every field its fingerprint and
/// its report need, the records as RecordCoding blobs.
enum StoredFinding {
    /// The columns written for a finding, in the order of `columnList`.
    static let columnList = "rule, severity, message, finding_zone, owner, type, before, after, file, line, col, authorized, policy, techniques"

    static func arguments(_ finding: Finding) -> [(any DatabaseValueConvertible)?] {
        [
            finding.rule.rawValue,
            finding.severity.rawValue,
            finding.message,
            finding.zone.map { Data($0.wire) },
            finding.owner.map { Data($0.wire) },
            finding.type.map { Int64($0.rawValue) },
            Data(RecordCoding.encode(finding.before)),
            Data(RecordCoding.encode(finding.after)),
            finding.location?.file,
            finding.location.map { Int64($0.line) },
            finding.location.map { Int64($0.column) },
            finding.authorized,
            finding.policy,
            finding.techniques.joined(separator: "\n"),
        ]
    }

    struct Damaged: Error {
        let column: String
    }

    /// Rebuilds the finding from a row that selected `columnList`.
    static func finding(from row: Row) throws(Damaged) -> Finding {
        guard let severityText: String = row["severity"], let severity = Severity(rawValue: severityText) else {
            throw Damaged(column: "severity")
        }
        func name(_ column: String) throws(Damaged) -> DomainName? {
            guard let data: Data = row[column] else { return nil }
            guard let name = try? DomainName(wire: Array(data)) else { throw Damaged(column: column) }
            return name
        }
        func records(_ column: String) throws(Damaged) -> [ZoneModel.Record] {
            guard let data: Data = row[column], let records = try? RecordCoding.decode(Array(data)) else {
                throw Damaged(column: column)
            }
            return records
        }
        var location: SourceLocation?
        if let file: String = row["file"] {
            location = SourceLocation(file: file, line: Int(row["line"] as Int64? ?? 0), column: Int(row["col"] as Int64? ?? 0))
        }
        let techniques: String = row["techniques"] ?? ""
        let type: Int64? = row["type"]
        return Finding(
            rule: RuleID(rawValue: row["rule"] ?? ""),
            severity: severity,
            message: row["message"] ?? "",
            zone: try name("finding_zone"),
            owner: try name("owner"),
            type: type.map { RRType(UInt16(truncatingIfNeeded: $0)) },
            before: try records("before"),
            after: try records("after"),
            location: location,
            authorized: row["authorized"],
            policy: row["policy"],
            techniques: techniques.isEmpty ? [] : techniques.split(separator: "\n").map(String.init)
        )
    }
}
