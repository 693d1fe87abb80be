import ZoneModel

/// Reads the records of a zone-syntax file: the baseline, its seal, the
/// trusted-keys file. `origin` is the origin for relative names (nil when
/// the file's names are absolute or it sets `$ORIGIN`). Records must carry
/// their `location` (file and line); the trusted-keys reader uses the line
/// to find the comment naming each key.
///
/// Baseline does not parse zone files itself: the caller passes the
/// project's parser (ZoneParser) here.
public typealias RecordFileReader = @Sendable (_ path: String, _ origin: DomainName?) throws -> [Record]
