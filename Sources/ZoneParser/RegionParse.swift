#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// Parses a large file as regions on several threads, with the same result
/// as one pass over it (simdzone and Knot's zone loader split files the
/// same way; only the verification below is zoneaudit's).
///
/// The file is cut at line starts that open an entry with an owner name, so
/// no region needs the owner of the line before it. The file's head (its
/// directives, the SOA) is parsed first, alone; every later region starts
/// from the state the head left: origin, `$TTL` and previous TTL. That is
/// a guess, right for nearly every zone (`$ORIGIN` and `$TTL` sit at the
/// top, or every record has an absolute owner and a TTL). The regions are
/// then joined in file order, and each is kept only when its guess was
/// right for what it read: the origin it started with equals the one the
/// regions before it ended with, and so does every part of the TTL state
/// it read before setting its own. A region that was cut inside
/// parentheses, stopped early, or whose findings would pass the error cap
/// is not kept either. From the first region not kept, the rest of the file
/// is parsed in one pass, as it would have been without regions.
enum RegionParse {
    /// Files smaller than this are parsed in one pass.
    static let minimumFileBytes = 2 << 20
    /// The head: the first region, parsed alone before the others.
    static let headBytes = 256 << 10

    struct Region: Sendable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// A region parsed from the guessed state. The run is made and used by
    /// one worker thread, then handed whole to the joining thread.
    private struct Outcome: @unchecked Sendable {
        let run: ParserRun
        let state: FileState
        let endedInsideParentheses: Bool
    }

    /// The threads a parse with these options uses.
    static func jobs(_ options: ParseOptions) -> Int {
        if options.jobs > 0 { return options.jobs }
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// True when a file of `size` bytes is parsed in regions: more than one
    /// job, and a large file (or regions asked for by size).
    static func isWorthSplitting(size: Int, options: ParseOptions, regionBytes: Int?) -> Bool {
        jobs(options) > 1 && (regionBytes != nil || size >= minimumFileBytes)
    }

    /// Parses the top file, open as `descriptor` and found to be `size`
    /// bytes, into `run`, in regions of about `regionBytes` (nil: a size
    /// suited to `jobs`). Every region reads through that one descriptor.
    /// Returns false, with nothing of `run` used, when the file is better
    /// parsed in one pass (small, one job, or the head itself was cut
    /// inside parentheses); the caller then parses it with a fresh run.
    /// `joined` counts the regions after the head kept as parsed.
    static func parse(
        descriptor: Int32, size: Int, run: ParserRun, state: inout FileState, regionBytes: Int? = nil,
        joined: inout Int
    ) -> Bool {
        guard isWorthSplitting(size: size, options: run.options, regionBytes: regionBytes) else { return false }
        let jobs = jobs(run.options)
        let regionSize = regionBytes ?? max(1 << 20, size / (jobs * 4))
        guard let regions = regions(descriptor: descriptor, size: size, head: min(headBytes, regionSize),
                                    regionBytes: regionSize, jobs: jobs),
              regions.count > 1 else { return false }

        // The head, alone: its end state is the guess for every other region.
        let head = ByteInput(descriptor: descriptor, range: regions[0].range, limit: run.options.maxFileBytes)
        if run.parse(head, firstLine: 1, state: &state) { return false }
        if run.stopped { return true }

        let guessOrigin = state.origin
        let guessDefault = run.defaultTTL, guessPrevious = run.previousTTL
        let options = run.options, root = run.includePolicy.root, openFiles = run.openFiles
        let name = state.name, directory = state.directory
        var pending: [Outcome?] = ParallelChunks.map(count: regions.count - 1, jobs: jobs, makeScratch: { () }) { index, _ -> Outcome in
            let region = regions[index + 1]
            // Each region gets copies of the names and strings it reads per
            // record: threads sharing one object keep bouncing its reference
            // count between cores.
            var options = options
            options.origin = options.origin.map(\.separateCopy)
            let part = ParserRun(options: options, includeRoot: root.map(\.separateCopy))
            part.openFiles = openFiles.map(\.separateCopy)
            part.defaultTTL = guessDefault
            part.previousTTL = guessPrevious
            var partState = FileState(name: name.separateCopy, directory: directory.map(\.separateCopy), depth: 0,
                                      origin: guessOrigin.map(\.separateCopy), originGeneration: part.nextGeneration())
            let input = ByteInput(descriptor: descriptor, range: region.range, limit: options.maxFileBytes)
            let cut = part.parse(input, firstLine: region.firstLine, state: &partState)
            return Outcome(run: part, state: partState, endedInsideParentheses: cut)
        }

        // The tables of the regions that fit are joined at the end, on
        // `jobs` threads, each freed once copied; `held` counts what they and
        // the head hold.
        var tables: [RecordTable] = []
        var held = (records: run.table.count, bytes: run.table.arenaCount)
        for index in pending.indices {
            guard let outcome = pending[index],
                  fits(outcome, into: run, held: held, state: state, guess: (guessOrigin, guessDefault, guessPrevious)) else {
                // From here on, one pass, as without regions.
                pending.removeAll()
                run.table.append(contentsOf: &tables, jobs: jobs)
                let region = regions[index + 1]
                let rest = ByteInput(descriptor: descriptor, range: region.range.lowerBound..<size, limit: run.options.maxFileBytes)
                run.parse(rest, firstLine: region.firstLine, state: &state)
                return true
            }
            pending[index] = nil
            absorb(outcome, into: run, recordsBefore: held.records, state: &state)
            held.records += outcome.run.table.count
            held.bytes += outcome.run.table.arenaCount
            tables.append(outcome.run.table)
            outcome.run.table = RecordTable()
            joined += 1
        }
        run.table.append(contentsOf: &tables, jobs: jobs)
        return true
    }

    /// True when the region can be joined as parsed: whole, and started
    /// from the state the regions before it ended with, as far as it read it.
    private static func fits(
        _ outcome: Outcome, into run: ParserRun, held: (records: Int, bytes: Int), state: FileState,
        guess: (origin: DomainName?, defaultTTL: UInt32?, previousTTL: UInt32?)
    ) -> Bool {
        let part = outcome.run
        guard !outcome.endedInsideParentheses, !part.stopped,
              state.origin?.wire == guess.origin?.wire,
              !part.ttlUse.readInheritedDefault || run.defaultTTL == guess.defaultTTL,
              !part.ttlUse.readInheritedPrevious || run.previousTTL == guess.previousTTL,
              !(part.warnedPreviousTTL && run.warnedPreviousTTL),
              run.log.canAbsorb(part.log),
              held.records + part.table.count <= run.maxRecords,
              held.bytes + part.table.arenaCount < ParserRun.maximumTableBytes - (1 << 17)
        else { return false }
        return true
    }

    /// Joins a fitting region to the run, as if the run had read it, all
    /// but its table (the caller joins the tables); `recordsBefore` is how
    /// many records the regions before it hold.
    private static func absorb(_ outcome: Outcome, into run: ParserRun, recordsBefore: Int, state: inout FileState) {
        let part = outcome.run
        if recordsBefore == 0 && part.table.count > 0 {
            run.firstRecordOpensTransfer = part.firstRecordOpensTransfer
        }
        run.log.absorb(part.log)
        run.includedFiles.append(contentsOf: part.includedFiles)
        run.sawDirective = run.sawDirective || part.sawDirective
        run.markers.seen = run.markers.seen || part.markers.seen
        run.markers.failed = run.markers.failed || part.markers.failed
        if let count = part.markers.reportedRecords { run.markers.reportedRecords = count }
        if run.firstSOAOwner == nil { run.firstSOAOwner = part.firstSOAOwner }
        run.tsigLocations.append(contentsOf: part.tsigLocations)
        run.warnedPreviousTTL = run.warnedPreviousTTL || part.warnedPreviousTTL
        if part.ttlUse.setDefault { run.defaultTTL = part.defaultTTL }
        if part.ttlUse.setPrevious { run.previousTTL = part.previousTTL }

        let end = outcome.state
        if end.origin?.wire != state.origin?.wire {
            state.origin = end.origin
            state.originGeneration = run.nextGeneration()
        }
        state.owner = end.owner
        state.ownerInvalid = end.ownerInvalid
        state.originChanged = end.originChanged
        // The owner-text cache belongs to the region's run.
        state.ownerTextGeneration = -1
    }

    // MARK: Cutting the file

    /// The regions: the head, then pieces of about `regionBytes`, each
    /// starting at a line that opens an entry with an owner, with the
    /// number of its first line. Nil when the file cannot be read.
    static func regions(descriptor: Int32, size: Int, head: Int, regionBytes: Int, jobs: Int) -> [Region]? {
        var starts = [0]
        var target = head
        while target < size {
            guard let start = entryStart(descriptor, from: target, size: size) else { break }
            if start > starts[starts.count - 1] && start < size { starts.append(start) }
            target = max(start, target) + regionBytes
        }
        let ranges = starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : size)
        }
        // Line numbers: the newlines before each region, counted in parallel.
        let counts = ParallelChunks.map(count: ranges.count, jobs: jobs, makeScratch: { () }) { index, _ in
            countNewlines(descriptor, ranges[index])
        }
        guard !counts.contains(where: { $0 == nil }) else { return nil }
        var line = 1
        var regions: [Region] = []
        for (range, count) in zip(ranges, counts) {
            regions.append(Region(range: range, firstLine: line))
            line += count ?? 0
        }
        return regions
    }

    /// The first offset at or after `target` that starts a line whose first
    /// byte can start an owner name (not a blank, a comment, a directive,
    /// a parenthesis or a quote), looking at most 1 MiB ahead.
    private static func entryStart(_ descriptor: Int32, from target: Int, size: Int) -> Int? {
        let window = 64 << 10
        var buffer = [UInt8](repeating: 0, count: window + 1)
        var offset = max(target - 1, 0)
        while offset < min(size, target + (1 << 20)) {
            let got = buffer.withUnsafeMutableBytes { bytes in
                retryingInterrupts { pread(descriptor, bytes.baseAddress!, window + 1, off_t(offset)) }
            }
            guard got > 1 else { return nil }
            for index in 0..<(got - 1) where buffer[index] == 0x0A && opensOwner(buffer[index + 1]) {
                return offset + index + 1
            }
            offset += got - 1
        }
        return nil
    }

    private static func opensOwner(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";"), UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "\""):
            false
        default:
            true
        }
    }

    /// The LF bytes in `bytes`, eight at a time: a byte of `word ^ LFs` is
    /// zero where an LF was, and the masked add sets the top bit of every
    /// byte that is not zero, without carries between bytes.
    static func newlines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let words = bytes.count / 8
        var count = 0
        let raw = UnsafeRawBufferPointer(bytes)
        for index in 0..<words {
            let word = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
            let nonZero = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word
            count += (~nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
        }
        for index in (words * 8)..<bytes.count where bytes[index] == 0x0A { count += 1 }
        return count
    }

    /// The LF bytes in `range` of the file (the lexer counts a line at each).
    private static func countNewlines(_ descriptor: Int32, _ range: Range<Int>) -> Int? {
        let block = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: block)
        defer { buffer.deallocate() }
        var count = 0
        var offset = range.lowerBound
        while offset < range.upperBound {
            let got = retryingInterrupts { pread(descriptor, buffer, min(block, range.upperBound - offset), off_t(offset)) }
            guard got > 0 else { return nil }
            count += newlines(UnsafeBufferPointer(start: buffer, count: got))
            offset += got
        }
        return count
    }
}

private extension String {
    /// The same text in storage of its own (see the regions' set-up).
    var separateCopy: String { String(decoding: Array(utf8), as: UTF8.self) }
}
