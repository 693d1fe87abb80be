import ZoneModel

/// Reads RFC 1035 master files (BIND dialect) and the text output of zone
/// transfers into records and findings.
///
/// Errors never stop the parse: each is a `Finding` (`syntax.*`, severity
/// `high`; warnings `medium`/`low`) at `file:line:column`, and parsing goes on
/// with the next entry, until `maxErrors` errors end it with
/// `syntax.too-many-errors`.
///
/// Transfer dumps (`format: .auto`): the text is read as a dump when no `$`
/// directive appears, the first record is an SOA with an absolute owner, an
/// explicit TTL and an explicit class, and either a transfer tool's banner or
/// trailer comment is present (`; <<>> DiG`, `;; XFR size:`, `;; AXFR for`,
/// `;; Received ... records)`, `; Transfer failed`) or the last record is an
/// SOA at the first SOA's owner. A dump loses its closing SOA and its TSIG
/// records; a dump whose last record is not an SOA equal to the first, or
/// whose record count disagrees with the tool's trailer, gets
/// `transfer.truncated` (error). Output of `ldns-read-zone` and
/// `named-compilezone` carries neither marker nor closing SOA and is read as
/// the master file it is. Force either reading with `format`.
public enum ZoneFileParser {
    /// Parses the file at `path`. `$INCLUDE` is confined to the file's
    /// directory unless `options.includeRoot` names another.
    public static func parse(path: String, options: ParseOptions = ParseOptions()) -> ParseResult {
        parse(path: path, options: options, regionBytes: nil)
    }

    /// As `parse(path:options:)`; a large file is parsed in regions on
    /// `options.jobs` threads (see `RegionParse`), in regions of
    /// `regionBytes` when given (tests cut small files everywhere so).
    static func parse(path: String, options: ParseOptions, regionBytes: Int?) -> ParseResult {
        var joined = 0
        return parse(path: path, options: options, regionBytes: regionBytes, joined: &joined)
    }

    /// As `parse(path:options:regionBytes:)`, counting in `joined` the
    /// regions after the head that were kept as parsed in parallel (tests
    /// make sure the regions are really used).
    static func parse(path: String, options: ParseOptions, regionBytes: Int?, joined: inout Int) -> ParseResult {
        let realTop = FilePath.realPath(path)
        let root = options.includeRoot ?? realTop.map(FilePath.directory(of:))
        func start() -> (ParserRun, FileState) {
            let run = ParserRun(options: options, includeRoot: root)
            let state = FileState(
                name: path, directory: realTop.map(FilePath.directory(of:)), depth: 0,
                origin: options.origin, originGeneration: run.nextGeneration())
            if let realTop { run.openFiles.append(realTop) }
            return (run, state)
        }
        var (run, state) = start()
        do throws(InputError) {
            let input = try ByteInput(path: path, limit: options.maxFileBytes)
            if let size = input.fileSize, let descriptor = input.fileDescriptor,
               RegionParse.isWorthSplitting(size: size, options: options, regionBytes: regionBytes) {
                // The regions read through `input`'s descriptor: it must stay open.
                let split = withExtendedLifetime(input) {
                    RegionParse.parse(descriptor: descriptor, size: size, run: run, state: &state,
                                      regionBytes: regionBytes, joined: &joined)
                }
                if split { return finish(run) }
                // Regions not used: one pass, by a run that nothing has touched.
                (run, state) = start()
            }
            run.parse(input, state: &state)
        } catch {
            run.error("syntax.read-error", "cannot read \(path): \(error.message)", in: state, line: 0, column: 0)
            run.stop(early: true)
        }
        return finish(run)
    }

    /// Parses text held in memory; `name` is the file name used in locations.
    /// `$INCLUDE` is refused unless `options.includeRoot` is set (relative
    /// paths then start at `options.includeBase`, else at the include root).
    public static func parse(bytes: [UInt8], name: String, options: ParseOptions = ParseOptions()) -> ParseResult {
        parse(bytes: bytes, name: name, options: options, chunkSize: ByteInput.defaultChunkSize)
    }

    /// As `parse(bytes:name:options:)`, reading `chunkSize` bytes at a time
    /// (tests and the fuzzer use tiny chunks to put chunk boundaries inside
    /// every token).
    @_spi(Fuzzing)
    public static func parse(bytes: [UInt8], name: String, options: ParseOptions, chunkSize: Int) -> ParseResult {
        let run = ParserRun(options: options, includeRoot: options.includeRoot)
        var state = FileState(
            name: name, directory: options.includeBase ?? options.includeRoot, depth: 0,
            origin: options.origin, originGeneration: run.nextGeneration())
        do throws(InputError) {
            let input = try ByteInput(bytes: bytes, limit: options.maxFileBytes, chunkSize: chunkSize)
            run.parse(input, state: &state)
        } catch {
            run.error("syntax.read-error", "cannot read \(name): \(error.message)", in: state, line: 0, column: 0)
            run.stop(early: true)
        }
        return finish(run)
    }

    private static func finish(_ run: ParserRun) -> ParseResult {
        let format = TransferDump.format(of: run)
        var table = run.table
        run.table = RecordTable()
        switch format {
        case .axfrDump:
            TransferDump.close(&table, run: run)
        default:
            for location in run.tsigLocations {
                run.log.add("syntax.meta-type", .high,
                            "TSIG is a meta type (a transfer signature) and cannot appear in a zone file",
                            at: location, type: .tsig)
            }
        }
        run.log.finish()
        return ParseResult(
            table: table, origin: run.options.origin ?? run.firstSOAOwner, format: format,
            findings: run.log.findings, includedFiles: run.includedFiles, stoppedEarly: run.stoppedEarly,
            jobs: RegionParse.jobs(run.options))
    }
}
