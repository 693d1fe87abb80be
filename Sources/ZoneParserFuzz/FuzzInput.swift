// zoneaudit-fuzz: the parser under libFuzzer (see FuzzEntry.swift and Replay.swift).
//
// Built for fuzzing (`-sanitize=fuzzer,address -DFUZZING`), libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input. Built normally it is a replayer:
// `zoneaudit-fuzz FILE...` parses each file the same way, to reproduce a
// crasher under a debugger or to run the regression corpus.
import ZoneModel
@_spi(Fuzzing) import ZoneParser

/// One input, read every way the parser reads text: as a master file with
/// and without an origin, and as a transfer dump, with small limits so a
/// run stays fast; the zone builder runs on the records. The master file is
/// read again in chunks of 1 to 61 bytes (entries then cross chunk
/// boundaries, where the lexer copies out what it borrowed, and no line
/// has the 64 bytes the lexer's fast path reads at once), which must give
/// the same records and findings: a difference stops the run.
func exercise(_ bytes: [UInt8]) {
    var options = ParseOptions(origin: try? DomainName("fuzz.example."))
    options.maxErrors = 50
    options.maxGenerate = 256
    options.maxRecords = 10_000
    let master = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: options)
    _ = ZoneLoader.build(master, options: options)
    // Read as a master file (a transfer's banners, which the lexer notices
    // only within the chunk at hand, could change the format detected).
    var plain = options
    plain.format = .masterFile
    let whole = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: plain)
    let chunkSize = 1 + bytes.count % 61
    let chunked = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: plain, chunkSize: chunkSize)
    func lines(_ result: ParseResult) -> [String] {
        result.records.map { "\($0.presentation) \($0.location.map(\.description) ?? "-")" }
    }
    if lines(chunked) != lines(whole) || chunked.findings != whole.findings {
        fatalError("reading the input in chunks of \(chunkSize) bytes changed the parse")
    }
    options.origin = nil
    options.format = .axfrDump
    let dump = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: options)
    _ = ZoneLoader.build(dump, options: options)
}
