// zoneaudit-fuzz: the parser under libFuzzer (see FuzzEntry.swift and Replay.swift).
//
// Built for fuzzing (`-sanitize=fuzzer,address -DFUZZING`), libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input. Built normally it is a replayer:
// `zoneaudit-fuzz FILE...` parses each file the same way, to reproduce a
// crasher under a debugger or to run the regression corpus.
import ZoneModel
import ZoneParser

/// One input, read every way the parser reads text: as a master file with
/// and without an origin, and as a transfer dump, with small limits so a
/// run stays fast; the zone builder runs on the records.
func exercise(_ bytes: [UInt8]) {
    var options = ParseOptions(origin: try? DomainName("fuzz.example."))
    options.maxErrors = 50
    options.maxGenerate = 256
    options.maxRecords = 10_000
    let master = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: options)
    _ = ZoneLoader.build(master, options: options)
    _ = master.records.map(\.presentation)
    options.origin = nil
    options.format = .axfrDump
    let dump = ZoneFileParser.parse(bytes: bytes, name: "fuzz", options: options)
    _ = ZoneLoader.build(dump, options: options)
}
