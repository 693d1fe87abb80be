import Foundation
import LDNS
import ZoneModel

/// Test-side zone loading until zoneaudit's parser is merged: ldns reads the
/// file (`ldns-read-zone` prints one record a line) and each line becomes a
/// `Record` through `LDNSRecord(text:)`.
enum ZoneFixtures {
    /// The package root (this file is Tests/BaselineTests/Support/ZoneFixtures.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` relative to the package root, when present.
    static let corpus: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static var corpusAvailable: Bool { corpus != nil }

    static func corpusFile(_ relative: String) -> String {
        corpus!.appendingPathComponent(relative).path
    }

    /// Records of a zone file, as ldns reads it.
    static func records(ofFile path: String) throws -> [Record] {
        try records(fromLines: run("/usr/bin/ldns-read-zone", [path]).split(separator: "\n").map(String.init))
    }

    static func records(fromLines lines: [String], origin: DomainName? = nil) throws -> [Record] {
        try lines.compactMap { line -> Record? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix(";") else { return nil }
            return try LDNSRecord(text: trimmed, origin: origin).record()
        }
    }

    static func records(_ text: String, origin: DomainName? = nil) throws -> [Record] {
        try records(fromLines: text.split(separator: "\n").map(String.init), origin: origin)
    }

    static func zone(_ records: [Record], origin: DomainName) -> Zone {
        var builder = ZoneBuilder(origin: origin)
        builder.append(contentsOf: records)
        return builder.build().zone
    }

    static func zone(ofFile path: String, origin: String) throws -> Zone {
        zone(try records(ofFile: path), origin: try DomainName(origin))
    }

    /// Runs a program with arguments, returns stdout; throws on a non-zero exit.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], directory: String? = nil) throws -> String {
        let result = try runStatus(program, arguments, directory: directory)
        guard result.status == 0 else {
            throw FixtureError.commandFailed("\(program) \(arguments.joined(separator: " ")): exit \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    static func runStatus(_ program: String, _ arguments: [String], directory: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh private directory, removed by the caller with `remove`.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A zone file ldns can read: one record a line in ldns's presentation.
    static func writeZoneFile(_ records: [Record], to path: String) throws {
        let text = try records.map { try LDNSRecord($0).text.trimmingCharacters(in: .newlines) }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case commandFailed(String)
    var description: String {
        switch self {
        case let .commandFailed(message): message
        }
    }
}
