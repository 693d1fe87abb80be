import ZoneModel

/// Reads the records of a zone-syntax file: the baseline, its seal, the
/// trusted-keys file. `origin` is the origin for relative names (nil when
/// the file's names are absolute or it sets `$ORIGIN`). Records must carry
/// their `location` (file and line); the trusted-keys reader uses the line
/// to find the comment naming each key.
///
/// `ZoneFileRecords.read` (zoneaudit's parser) is the reader for real
/// files; tests may pass another (for example ldns's, as a cross-check).
public typealias RecordFileReader = @Sendable (_ path: String, _ origin: DomainName?) throws -> [Record]
