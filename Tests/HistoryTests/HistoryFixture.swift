import Foundation
import History
import ZoneModel

/// A temporary folder for one test's database, and findings to feed it.
struct HistoryFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zoneaudit-history-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var databasePath: String { directory.appendingPathComponent("history.sqlite").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    static let zoneA = try! DomainName("example.com.")
    static let zoneB = try! DomainName("example.net.")

    /// An A record change at `owner` in `zone`, the after side holding `address`.
    static func changed(_ owner: String, in zone: DomainName, address: UInt8, severity: Severity = .high) -> Finding {
        let name = try! DomainName(owner, origin: zone)
        let before = Record(owner: name, type: .a, ttl: 300, rdata: [192, 0, 2, 1])
        let after = Record(owner: name, type: .a, ttl: 300, rdata: [192, 0, 2, address])
        return Finding(rule: "record.changed", severity: severity, message: "\(name) A changed to 192.0.2.\(address)",
                       zone: zone, owner: name, type: .a, before: [before], after: [after],
                       location: SourceLocation(file: "zones/\(zone.presentation)zone", line: Int(address), column: 1))
    }

    /// Base date of the tests' runs; run n happens n hours later.
    static func time(_ hours: Int) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + Double(hours) * 3600) }
}
