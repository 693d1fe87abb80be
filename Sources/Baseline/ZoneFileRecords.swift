import ZoneModel
import ZoneParser

/// The record reader for baselines, seals and trusted-keys files:
/// zoneaudit's own zone parser, reading the files as master files
/// (never as transfer dumps), with its bounds on untrusted input.
public enum ZoneFileRecords {
    public static let read: RecordFileReader = { path, origin in
        try parse(path, ParseOptions(origin: origin, format: .masterFile))
    }

    /// For trusted-keys files: DNSKEY lines copied from `.key` files carry
    /// no TTL, and a key's TTL means nothing to a trust decision.
    public static let readKeys: RecordFileReader = { path, origin in
        try parse(path, ParseOptions(origin: origin, defaultTTL: 3600, format: .masterFile))
    }

    private static func parse(_ path: String, _ options: ParseOptions) throws -> [Record] {
        let result = ZoneFileParser.parse(path: path, options: options)
        guard !result.hasErrors else { throw RecordFileError(path: path, errors: result.errors) }
        return result.records
    }
}

/// A file that did not parse; the description lists its first errors as
/// `file:line:column: message`.
public struct RecordFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var errors: [Finding]

    public var description: String {
        let shown = errors.prefix(3).map { finding in
            "\(finding.location.map { "\($0): " } ?? "")\(finding.message)"
        }
        let more = errors.count > 3 ? " (and \(errors.count - 3) more)" : ""
        return shown.joined(separator: "; ") + more
    }
}

extension SealVerifier {
    /// A verifier that reads files with zoneaudit's zone parser.
    public init() {
        self.init(readRecords: ZoneFileRecords.read)
    }
}

extension TrustedKeys {
    /// Reads a trusted-keys file with zoneaudit's zone parser.
    public static func read(path: String) throws(BaselineError) -> TrustedKeys {
        try read(path: path, using: ZoneFileRecords.readKeys)
    }
}
