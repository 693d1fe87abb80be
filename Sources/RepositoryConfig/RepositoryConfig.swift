import Foundation
import Reporters
import ZoneModel
import ZonePolicy

/// `zoneaudit.yml`: what a zone repository audits, and how.
///
/// Paths in the file are relative to the directory that holds it (the
/// repository root), so the same file works in a clone, in CI and in the
/// gate's checkout of another revision (`rooted(at:)`).
public struct RepositoryConfig: Sendable {
    public static let supportedVersion = 1
    /// The name looked for at the repository root.
    public static let fileName = "zoneaudit.yml"
    /// A configuration is small; a larger file is refused before it is parsed.
    public static let maximumSize = 1 << 20

    /// The configuration file as given.
    public var file: String
    /// The directory relative paths are resolved against.
    public var root: String
    /// The zones, in the order the file lists them.
    public var zones: [ZoneConfig]
    public var reports: ReportSettings
    /// The run history database (`history:`, default `.zoneaudit/history.sqlite`).
    public var historyPath: String

    public init(file: String, root: String, zones: [ZoneConfig], reports: ReportSettings, historyPath: String) {
        self.file = file
        self.root = root
        self.zones = zones
        self.reports = reports
        self.historyPath = historyPath
    }

    /// The entry for `origin`, or an error that lists the configured zones.
    public func zone(_ origin: DomainName) throws(ConfigError) -> ZoneConfig {
        if let zone = zones.first(where: { $0.origin == origin }) { return zone }
        let known = zones.map(\.origin.presentation).joined(separator: ", ")
        throw ConfigError(file: file, line: 0, column: 0,
                          message: "no zone \(origin) in the configuration (configured: \(known.isEmpty ? "none" : known))")
    }

    /// A path from the file, resolved against the root.
    public func path(_ relative: String) -> String {
        ConfigPaths.resolve(relative, root: root)
    }

    /// The same configuration with its relative paths resolved against another
    /// directory (a checkout of another revision).
    public func rooted(at directory: String) -> RepositoryConfig {
        var copy = self
        copy.root = directory
        copy.zones = zones.map { $0.rooted(at: directory) }
        return copy
    }
}

/// Report settings for `zoneaudit run`.
public struct ReportSettings: Sendable, Equatable {
    /// Where `run` writes its reports (`reports.dir`, default `reports`).
    public var directory: String
    /// Which files per zone (`reports.formats`, default json and text).
    public var formats: [ReportFormat]

    public init(directory: String = "reports", formats: [ReportFormat] = [.json, .text]) {
        self.directory = directory
        self.formats = formats
    }
}

/// An error in the configuration: always `file:line:column`.
public typealias ConfigError = PolicyError

enum ConfigPaths {
    static func resolve(_ path: String, root: String) -> String {
        if path.hasPrefix("/") { return path }
        if root.isEmpty || root == "." { return path }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }
}
