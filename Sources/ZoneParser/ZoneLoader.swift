import ZoneModel

/// Parses a zone file and builds the `Zone` (canonical order, duplicates
/// removed, TTL mismatches and out-of-zone data reported by `ZoneBuilder`).
public enum ZoneLoader {
    /// The zone, or nil when it cannot be trusted to be complete: the parse
    /// found errors, or there is no origin (none given and no SOA). The
    /// findings hold everything the parse and the builder reported.
    public static func loadZone(path: String, options: ParseOptions = ParseOptions()) -> (zone: Zone?, findings: [Finding]) {
        build(ZoneFileParser.parse(path: path, options: options), options: options)
    }

    /// As `loadZone(path:options:)`, for text in memory.
    public static func loadZone(bytes: [UInt8], name: String, options: ParseOptions = ParseOptions())
        -> (zone: Zone?, findings: [Finding])
    {
        build(ZoneFileParser.parse(bytes: bytes, name: name, options: options), options: options)
    }

    /// Builds the zone from a parse result (see `loadZone`).
    /// The result is consumed: its record table goes to the builder, which
    /// sorts it in place when nothing else holds it.
    public static func build(_ result: consuming ParseResult, options: ParseOptions = ParseOptions()) -> (zone: Zone?, findings: [Finding]) {
        var findings = result.findings
        guard let origin = result.origin else {
            findings.append(Finding(
                rule: "syntax.no-origin", severity: .high,
                message: "the zone's origin is unknown: give an origin (--origin) or put the SOA record in the file",
                location: result.table.count > 0 ? result.table.record(at: 0).location : nil))
            return (nil, findings)
        }
        guard !result.hasErrors else { return (nil, findings) }
        let builder = ZoneBuilder(origin: origin, rrClass: options.defaultClass, table: result.table, jobs: result.jobs)
        result.table = RecordTable()
        let (zone, built) = builder.build()
        findings.append(contentsOf: built)
        return (zone, findings)
    }
}
