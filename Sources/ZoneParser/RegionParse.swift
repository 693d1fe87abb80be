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
///
/// Each region numbers its lines from 1 and counts its line feeds; the join
/// moves a kept region's locations in the file down by the lines before it,
/// so the file is read once, not once to count lines and again to parse.
enum RegionParse {
    /// Files smaller than this are parsed in one pass.
    static let minimumFileBytes = 2 << 20
    /// The head: the first region, parsed alone before the others.
    static let headBytes = 256 << 10

    /// A region parsed from the guessed state, its lines numbered from 1.
    /// The run is made and used by one worker thread, then handed whole to
    /// the joining thread.
    private struct Outcome: @unchecked Sendable {
        let run: ParserRun
        let state: FileState
        let endedInsideParentheses: Bool
        let lineFeeds: Int
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
        let regions = regions(descriptor: descriptor, size: size, head: min(headBytes, regionSize), regionBytes: regionSize)
        guard regions.count > 1 else { return false }

        // The head, alone: its end state is the guess for every other region.
        let head = ByteInput(descriptor: descriptor, range: regions[0], limit: run.options.maxFileBytes)
        let headRead = run.parseCountingLines(head, state: &state)
        if headRead.endedInsideParentheses { return false }
        if run.stopped { return true }
        // The lines before the next region to join.
        var linesBefore = headRead.lineFeeds

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
            let input = ByteInput(descriptor: descriptor, range: region, limit: options.maxFileBytes)
            let read = part.parseCountingLines(input, state: &partState)
            return Outcome(run: part, state: partState, endedInsideParentheses: read.endedInsideParentheses,
                           lineFeeds: read.lineFeeds)
        }

        // The tables of the regions that fit are joined at the end, on
        // `jobs` threads, each freed once copied, their lines in this file
        // moved down by `lineShifts`; `held` counts what they and the head hold.
        var tables: [RecordTable] = []
        var lineShifts: [UInt32] = []
        var held = (records: run.table.count, bytes: run.table.arenaCount)
        for index in pending.indices {
            guard let outcome = pending[index],
                  fits(outcome, into: run, held: held, state: state, guess: (guessOrigin, guessDefault, guessPrevious)) else {
                // From here on, one pass, as without regions.
                pending.removeAll()
                run.table.append(contentsOf: &tables, shiftingLinesOf: name, by: lineShifts, jobs: jobs)
                let rest = ByteInput(descriptor: descriptor, range: regions[index + 1].lowerBound..<size,
                                     limit: run.options.maxFileBytes)
                run.parse(rest, firstLine: linesBefore + 1, state: &state)
                return true
            }
            pending[index] = nil
            absorb(outcome, into: run, recordsBefore: held.records, linesBefore: linesBefore, state: &state)
            held.records += outcome.run.table.count
            held.bytes += outcome.run.table.arenaCount
            tables.append(outcome.run.table)
            lineShifts.append(UInt32(clamping: linesBefore))
            linesBefore += outcome.lineFeeds
            outcome.run.table = RecordTable()
            joined += 1
        }
        run.table.append(contentsOf: &tables, shiftingLinesOf: name, by: lineShifts, jobs: jobs)
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
    /// many records the regions before it hold, `linesBefore` how many lines
    /// of the file come before it. Locations in `$INCLUDE`d files stay as
    /// they are (a file that names the top file again is a loop, never read).
    private static func absorb(
        _ outcome: Outcome, into run: ParserRun, recordsBefore: Int, linesBefore: Int, state: inout FileState
    ) {
        let part = outcome.run
        if recordsBefore == 0 && part.table.count > 0 {
            run.firstRecordOpensTransfer = part.firstRecordOpensTransfer
        }
        let shift = UInt32(clamping: linesBefore)
        run.log.absorb(part.log, shiftingLinesOf: state.name, by: shift)
        run.includedFiles.append(contentsOf: part.includedFiles)
        run.sawDirective = run.sawDirective || part.sawDirective
        run.markers.seen = run.markers.seen || part.markers.seen
        run.markers.failed = run.markers.failed || part.markers.failed
        if let count = part.markers.reportedRecords { run.markers.reportedRecords = count }
        if run.firstSOAOwner == nil { run.firstSOAOwner = part.firstSOAOwner }
        run.tsigLocations.append(contentsOf: part.tsigLocations.map { $0.shifted(ifIn: state.name, by: shift) })
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

    /// The regions' byte ranges: the head, then pieces of about
    /// `regionBytes`, each starting at a line that opens an entry with an owner.
    static func regions(descriptor: Int32, size: Int, head: Int, regionBytes: Int) -> [Range<Int>] {
        var starts = [0]
        var target = head
        while target < size {
            guard let start = entryStart(descriptor, from: target, size: size) else { break }
            if start > starts[starts.count - 1] && start < size { starts.append(start) }
            target = max(start, target) + regionBytes
        }
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : size)
        }
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
}

private extension String {
    /// The same text in storage of its own (see the regions' set-up).
    var separateCopy: String { String(decoding: Array(utf8), as: UTF8.self) }
}
