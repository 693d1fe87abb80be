import Foundation
import History
import RepositoryConfig
import Reporters

/// The run's files besides the per-zone reports: directories and the run
/// summary (`summary.json`), written atomically like every report.
enum RunFiles {
    static func makeDirectory(_ path: String) throws(JobError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw JobError("cannot create the directory \(path): \(error.localizedDescription)")
        }
    }

    static func makeDirectory(parentOf path: String) throws(JobError) {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try makeDirectory(parent) }
    }

    /// The summary a dashboard or a mail filter reads: one entry per zone.
    struct Summary: Encodable {
        var schemaVersion = 1
        var run: Int64
        var started: String
        var finished: String
        var shard: String?
        var status: Int32
        var zones: [Zone]

        struct Zone: Encodable {
            var zone: String
            var outcome: String
            var reason: String?
            var serial: UInt32?
            var new: Int
            var ongoing: Int
            var resolved: Int
            var worst: String?
            var status: Int32
            var reports: [String]
            var line: String
        }
    }

    static func writeSummary(_ zones: [RunJob.ZoneRun], run: Int64, started: Date, finished: Date, shard: ZoneShard?,
                             to path: String) throws(JobError) {
        let summary = Summary(
            run: run, started: started.rfc3339, finished: finished.rfc3339, shard: shard?.description,
            status: (zones.map(\.status).max() ?? .clean).rawValue,
            zones: zones.map { zone in
                let (outcome, reason): (String, String?) = switch zone.outcome {
                case .audited: ("audited", nil)
                case let .unreachable(why): ("unreachable", why)
                case let .failed(why): ("failed", why)
                }
                return Summary.Zone(
                    zone: zone.origin.presentation, outcome: outcome, reason: reason, serial: zone.serial,
                    new: zone.counts.new, ongoing: zone.counts.ongoing, resolved: zone.counts.resolved,
                    worst: zone.worst?.rawValue, status: zone.status.rawValue,
                    reports: zone.reports.map { ($0 as NSString).lastPathComponent }, line: zone.line)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(summary)
            data.append(UInt8(ascii: "\n"))
            try AtomicFile.write(Array(data), to: path)
        } catch let error as AtomicFile.WriteError {
            throw JobError(error.description)
        } catch {
            throw JobError("cannot write \(path): \(error)")
        }
    }
}

private extension Date {
    var rfc3339: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: self)
    }
}
