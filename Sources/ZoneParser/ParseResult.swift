import ZoneModel

/// What reading one zone file produced.
public struct ParseResult: Sendable {
    /// The records in the order they were read (`$INCLUDE`d records in place;
    /// for a transfer dump: without the closing SOA and without TSIG records).
    public var records: [Record]
    /// The zone's origin: the one given in the options, else the owner of the
    /// first SOA record; nil when neither exists.
    public var origin: DomainName?
    /// What the text was read as (`.masterFile` or `.axfrDump`, never `.auto`).
    public var format: ZoneTextFormat
    /// Errors and warnings, in the order they were found. Rule ids start
    /// with `syntax.` (or `transfer.` for a cut transfer).
    public var findings: [Finding]
    /// The real paths of the files read through `$INCLUDE`, in order.
    public var includedFiles: [String]
    /// True when the run ended before the end of the input (too many errors,
    /// too many records, or the input could not be read).
    public var stoppedEarly: Bool

    public init(
        records: [Record], origin: DomainName?, format: ZoneTextFormat, findings: [Finding],
        includedFiles: [String], stoppedEarly: Bool
    ) {
        self.records = records
        self.origin = origin
        self.format = format
        self.findings = findings
        self.includedFiles = includedFiles
        self.stoppedEarly = stoppedEarly
    }

    /// True when any finding is an error (`high` or `critical`).
    public var hasErrors: Bool { findings.contains { $0.level == .error } }

    /// The error findings alone.
    public var errors: [Finding] { findings.filter { $0.level == .error } }
}
