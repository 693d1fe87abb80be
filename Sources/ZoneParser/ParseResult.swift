import ZoneModel

/// What reading one zone file produced.
public struct ParseResult: Sendable {
    /// The records in the order they were read (`$INCLUDE`d records in place;
    /// for a transfer dump: without the closing SOA and without TSIG records),
    /// in the model's compact table. `zoneBuilder(rrClass:)` hands it to a
    /// `ZoneBuilder` without copying.
    public var table: RecordTable
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
    /// Threads the parse used: the builder from `zoneBuilder` sorts on as many.
    public var jobs: Int

    public init(
        table: RecordTable, origin: DomainName?, format: ZoneTextFormat, findings: [Finding],
        includedFiles: [String], stoppedEarly: Bool, jobs: Int = 1
    ) {
        self.table = table
        self.origin = origin
        self.format = format
        self.findings = findings
        self.includedFiles = includedFiles
        self.stoppedEarly = stoppedEarly
        self.jobs = max(1, jobs)
    }

    /// Wraps records made elsewhere (a live transfer) in a result.
    public init(
        records: [Record], origin: DomainName?, format: ZoneTextFormat, findings: [Finding],
        includedFiles: [String], stoppedEarly: Bool
    ) {
        var table = RecordTable()
        table.reserveCapacity(records: records.count, arenaBytes: records.count * 24)
        for record in records { table.append(record) }
        self.init(table: table, origin: origin, format: format, findings: findings,
                  includedFiles: includedFiles, stoppedEarly: stoppedEarly)
    }

    /// The records as values, in order. Each call materializes them all:
    /// for big zones prefer `table` or `zoneBuilder(rrClass:)`.
    public var records: [Record] { (0..<table.count).map { table.record(at: $0) } }

    public var recordCount: Int { table.count }

    /// A builder holding the records (not copied), for `origin` (default:
    /// the result's origin); nil when there is no origin.
    public func zoneBuilder(origin: DomainName? = nil, rrClass: RRClass = .in) -> ZoneBuilder? {
        guard let origin = origin ?? self.origin else { return nil }
        return ZoneBuilder(origin: origin, rrClass: rrClass, table: table, jobs: jobs)
    }

    /// True when any finding is an error (`high` or `critical`).
    public var hasErrors: Bool { findings.contains { $0.level == .error } }

    /// The error findings alone.
    public var errors: [Finding] { findings.filter { $0.level == .error } }
}
