import ZoneModel
import ZoneParser

/// The record reader for baselines, seals and trusted-keys files:
/// zoneaudit's own zone parser, reading the files as master files
/// (never as transfer dumps), with its bounds on untrusted input.
public enum ZoneFileRecords {
    public static let read: RecordFileReader = { path, origin in
        let result = ZoneFileParser.parse(path: path, options: ParseOptions(origin: origin, format: .masterFile))
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
        try read(path: path, using: ZoneFileRecords.read)
    }
}
