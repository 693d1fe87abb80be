#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// One parse: the state that lives across `$INCLUDE`s (records, findings,
/// TTL rules, limits) and the loop that turns entries into records.
final class ParserRun {
    let options: ParseOptions
    var log: FindingLog
    /// The records read, in order, in the model's compact table.
    @exclusivity(unchecked) var table = RecordTable()
    var includedFiles: [String] = []
    /// Real paths of the files being read, outermost first (loop detection).
    var openFiles: [String] = []
    let includePolicy: IncludePolicy
    /// This run's own copy of the RDATA field lists (see `RDataLayoutTable`).
    let layouts = RDataLayoutTable()

    // TTL state, shared by all files of the load as in BIND.
    /// From `$TTL`, the options, or the SOA minimum fallback.
    @exclusivity(unchecked) var defaultTTL: UInt32?
    /// The TTL the previous record got (RFC 1035 semantics when no `$TTL`).
    @exclusivity(unchecked) var previousTTL: UInt32?
    var warnedPreviousTTL = false
    /// Which of the TTL state the run started with it read, and which it set
    /// itself: a region of a parallel parse starts from a guess, and is kept
    /// only when what it read of the guess was right.
    @exclusivity(unchecked) var ttlUse = TTLStateUse()

    // What format detection needs.
    var sawDirective = false
    var markers = TransferMarkers()
    /// The first record is an SOA with an absolute owner, a TTL and a class.
    var firstRecordOpensTransfer = false
    var firstSOAOwner: DomainName?
    /// TSIG entries met: dropped from a dump, errors in a master file.
    var tsigLocations: [SourceLocation] = []

    /// What the model's record table can address (32-bit offsets).
    static let maximumTableBytes = Int(UInt32.max) - 1

    /// Records read before the capacity of `records` is estimated.
    static let sampleRecords = 4096

    /// Set when the run must end (error cap, record cap, unreadable input).
    @exclusivity(unchecked) var stopped = false
    var stoppedEarly = false

    /// Source of `FileState.originGeneration` values, unique within the run.
    private var generations = 0

    func nextGeneration() -> Int {
        generations += 1
        return generations
    }

    // Buffers reused from record to record.
    @exclusivity(unchecked) var rdata: [UInt8] = []
    @exclusivity(unchecked) var scratch: [UInt8] = []

    // Copies of the options the hot path reads.
    let defaultClass: RRClass
    let maxRecords: Int

    init(options: ParseOptions, includeRoot: String?) {
        self.options = options
        defaultClass = options.defaultClass
        maxRecords = options.maxRecords
        log = FindingLog(maxErrors: options.maxErrors, maxWarnings: options.maxWarnings, zone: options.origin)
        includePolicy = IncludePolicy(root: includeRoot, maxDepth: options.maxIncludeDepth)
        defaultTTL = options.defaultTTL
        rdata.reserveCapacity(65536)
        scratch.reserveCapacity(GenerateTemplate.maximumLength + 64)
    }

    // MARK: Findings

    func error(_ rule: RuleID, _ message: String, in state: FileState, line: Int, column: Int,
               owner: DomainName? = nil, type: RRType? = nil) {
        log.add(rule, .high, message, at: SourceLocation(file: state.name, line: line, column: column), owner: owner, type: type)
        if log.capReached { stop(early: true) }
    }

    func warning(_ rule: RuleID, _ message: String, severity: Severity = .low, in state: FileState, line: Int,
                 column: Int, owner: DomainName? = nil, type: RRType? = nil) {
        log.add(rule, severity, message, at: SourceLocation(file: state.name, line: line, column: column), owner: owner, type: type)
    }

    func stop(early: Bool) {
        stopped = true
        if early { stoppedEarly = true }
    }

    // MARK: Files

    /// Reads one file's entries until its end or until the run stops.
    /// `firstLine` numbers the input's first line (a region of a file).
    /// Returns true when the input ended inside parentheses.
    @discardableResult
    func parse(_ input: ByteInput, firstLine: Int = 1, state: inout FileState) -> Bool {
        parseCountingLines(input, firstLine: firstLine, state: &state).endedInsideParentheses
    }

    /// As `parse(_:firstLine:state:)`, also giving the line feeds read (a
    /// region's line count, which places the regions after it).
    func parseCountingLines(_ input: ByteInput, firstLine: Int = 1, state: inout FileState)
        -> (endedInsideParentheses: Bool, lineFeeds: Int) {
        let lexer = EntryLexer(input: input, maxEntryBytes: options.maxEntryBytes, firstLine: firstLine)
        var entry = LexedEntry()
        while !stopped && lexer.next(into: &entry) {
            if let problem = entry.problem {
                error(RuleID(problem.rule), problem.message, in: state, line: entry.problemLine, column: entry.problemColumn)
                if !entry.startsWithBlank && !isDirective(entry) {
                    // The owner of a broken entry is unknown: the next
                    // blank-owner entry must not silently take an older one.
                    state.owner = nil
                    state.ownerInvalid = true
                }
                continue
            }
            if isDirective(entry) {
                sawDirective = true
                directive(entry, state: &state)
            } else {
                record(entry, state: &state)
                if table.count == ParserRun.sampleRecords && state.depth == 0, let size = input.fileSize {
                    reserveFromSample(bytesRead: lexer.bytesRead, fileSize: size)
                }
            }
        }
        let seen = lexer.transferMarkers
        markers.seen = markers.seen || seen.seen
        markers.failed = markers.failed || seen.failed
        if let count = seen.reportedRecords { markers.reportedRecords = count }
        if let failure = lexer.inputError, !stopped {
            error("syntax.read-error", "cannot read the rest of the file: \(failure.message)", in: state,
                  line: lexer.line, column: 1)
            stop(early: true)
        }
        return (lexer.endedInsideParentheses, lexer.line - firstLine)
    }

    private func isDirective(_ entry: LexedEntry) -> Bool {
        guard !entry.startsWithBlank, let first = entry.spans.first, !first.isQuoted, first.end > first.start else {
            return false
        }
        return entry.bytes[first.start] == UInt8(ascii: "$")
    }

    // MARK: Records

    /// An entry that is not a directive: `[owner] [ttl] [class] type rdata`
    /// (TTL and class in either order).
    func record(_ entry: LexedEntry, state: inout FileState) {
        let spans = entry.spans
        var index = 0
        let location = spans[0]
        if entry.startsWithBlank {
            guard state.hasOwner else {
                error("syntax.missing-owner",
                      state.ownerInvalid
                        ? "the line has no owner and the previous owner was invalid: expected an owner name at the start of the line"
                        : "the line has no owner and there is no previous owner to inherit: expected an owner name at the start of the line",
                      in: state, line: location.line, column: location.column)
                return
            }
            if state.originChanged, let current = state.owner {
                warning("syntax.inherited-owner",
                        "record with inherited owner (\(current)) immediately after $ORIGIN (\(state.origin.map(\.description) ?? "none")): the owner is not the new origin",
                        in: state, line: location.line, column: location.column, owner: current)
            }
        } else {
            guard readOwner(entry, span: location, state: &state) else { return }
            index = 1
        }
        // The owner is in `state.ownerWire`; a name is made only for a message.
        state.originChanged = false

        var ttl: UInt32?
        var rrClass: RRClass?
        guard let (ttlFound, classFound, typeIndex) = ttlAndClass(entry, from: index, state: state) else { return }
        ttl = ttlFound
        rrClass = classFound
        index = typeIndex
        guard index < spans.count else {
            let last = spans[spans.count - 1]
            error("syntax.missing-type", "expected a type after '\(entry.string(spans.count - 1))'",
                  in: state, line: last.line, column: last.column + (last.end - last.start), owner: state.owner)
            return
        }
        guard let type = recordType(entry, at: index, state: state, owner: .current) else { return }
        let typeSpan = spans[index]

        if type == .tsig {
            // A transfer's TSIG pseudo-record; never zone data (decided at the end).
            tsigLocations.append(SourceLocation(file: state.name, line: location.line, column: location.column))
            return
        }
        if type.isMeta {
            error("syntax.meta-type", "\(type) is a meta type and cannot appear in zone data: expected a data type",
                  in: state, line: typeSpan.line, column: typeSpan.column, owner: state.owner, type: type)
            return
        }

        guard encodeRData(entry, from: index + 1, type: type, typeSpan: typeSpan, owner: .current, state: state) else { return }
        guard let finalTTL = resolveTTL(ttl, type: type, state: state, line: location.line, column: location.column,
                                        owner: .current) else {
            return
        }

        if table.count == 0 {
            firstRecordOpensTransfer = type == .soa && !entry.startsWithBlank && ttl != nil && rrClass != nil
                && ParserRun.isAbsolute(entry, span: location)
        }
        if type == .soa && firstSOAOwner == nil { firstSOAOwner = state.owner }
        appendWithOwner(of: state, type: type, rrClass: rrClass ?? defaultClass, ttl: finalTTL,
                        line: location.line, column: location.column)
    }

    /// Adds a record with the RDATA in `rdata`, unless the record cap is
    /// reached (which stops the run).
    func append(owner: DomainName, type: RRType, rrClass: RRClass, ttl: UInt32, state: FileState, line: Int, column: Int) {
        owner.wire.withUnsafeBufferPointer { ownerWire in
            append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, state: state, line: line, column: column)
        }
    }

    /// As `append(owner:...)`, for the owner `state` holds (kept as wire octets).
    func appendWithOwner(of state: FileState, type: RRType, rrClass: RRClass, ttl: UInt32, line: Int, column: Int) {
        state.ownerWire.withUnsafeBufferPointer { ownerWire in
            append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, state: state, line: line, column: column)
        }
    }

    /// As `append(owner:...)`, the owner given as its wire form.
    func append(ownerWire: UnsafeBufferPointer<UInt8>, type: RRType, rrClass: RRClass, ttl: UInt32, state: FileState,
                line: Int, column: Int) {
        guard table.count < maxRecords else {
            error("syntax.too-many-records",
                  "more than \(maxRecords) records (maxRecords); the rest of the input was not read",
                  in: state, line: line, column: column)
            stop(early: true)
            return
        }
        // The record table addresses its bytes with 32-bit offsets.
        guard table.arenaCount + ownerWire.count + rdata.count < ParserRun.maximumTableBytes else {
            error("syntax.too-many-records",
                  "the zone's names and RDATA exceed \(ParserRun.maximumTableBytes) bytes; the rest of the input was not read",
                  in: state, line: line, column: column)
            stop(early: true)
            return
        }
        rdata.withUnsafeBufferPointer { bytes in
            table.append(ownerWire: ownerWire, type: type, rrClass: rrClass, ttl: ttl, rdata: bytes,
                         file: state.name, line: UInt32(clamping: line), column: UInt32(clamping: column))
        }
    }

    /// Once a sample of the top file is read, reserves room for the records
    /// the whole file will probably hold, so the array does not grow by copying.
    func reserveFromSample(bytesRead: Int, fileSize: Int) {
        guard bytesRead > 0, fileSize > bytesRead else { return }
        let scale = Double(fileSize) / Double(bytesRead) * 1.02
        let records = min(Int(Double(table.count) * scale), maxRecords)
        table.reserveCapacity(records: records, arenaBytes: Int(Double(table.arenaCount) * scale))
    }

    /// Reads the owner token into `state` (its wire form, in place), unless
    /// it is the text of the previous owner under the same origin; false
    /// after reporting a bad name.
    private func readOwner(_ entry: LexedEntry, span: TokenSpan, state: inout FileState) -> Bool {
        let length = span.end - span.start
        if state.hasOwner, state.ownerTextGeneration == state.originGeneration,
           state.ownerText.count == length, !span.isQuoted {
            let same = state.ownerText.withUnsafeBufferPointer { previous in
                memcmp(entry.text(span).baseAddress!, previous.baseAddress!, length) == 0
            }
            if same { return true }
        }
        do throws(NameError) {
            guard !span.isQuoted else { throw NameError.badEscape }
            let text = entry.text(span)
            try state.setOwner(presentation: text)
            state.ownerText.removeAll(keepingCapacity: true)
            state.ownerText.append(contentsOf: text)
            state.ownerInvalid = false
            state.ownerTextGeneration = state.originGeneration
            return true
        } catch {
            let reason = span.isQuoted ? "a quoted string is not a name" : ParserRun.explain(error)
            self.error("syntax.bad-name", "bad owner name '\(entry.string(0))': \(reason)",
                       in: state, line: span.line, column: span.column)
            state.owner = nil
            state.ownerInvalid = true
            return false
        }
    }

    func parseName(_ entry: LexedEntry, span: TokenSpan, origin: DomainName?) throws(NameError) -> DomainName {
        try DomainName(presentation: entry.text(span), origin: origin)
    }

    static func explain(_ error: NameError) -> String {
        switch error {
        case .relativeWithoutOrigin:
            "a relative name needs an origin: add $ORIGIN, write the name with a trailing dot, or give an origin"
        default:
            error.description
        }
    }

    /// True when the token ends with a dot that is not escaped.
    static func isAbsolute(_ entry: LexedEntry, span: TokenSpan) -> Bool {
        guard span.end > span.start, entry.bytes[span.end - 1] == UInt8(ascii: ".") else { return false }
        var backslashes = 0
        var position = span.end - 2
        while position >= span.start && entry.bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 0
    }

    /// Reads an optional TTL and an optional class, in either order, starting
    /// at `start`. Returns them and the index of the token after them, or nil
    /// after reporting a bad TTL.
    func ttlAndClass(_ entry: LexedEntry, from start: Int, state: FileState) -> (UInt32?, RRClass?, Int)? {
        var index = start
        var ttl: UInt32?
        var rrClass: RRClass?
        while index < entry.spans.count && (ttl == nil || rrClass == nil) {
            let span = entry.spans[index]
            if span.isQuoted || span.end == span.start { break }
            let first = entry.bytes[span.start]
            if ttl == nil && first &- 48 < 10 {
                do throws(TTLText.Failure) {
                    ttl = try TTLText.parse(entry.text(span))
                } catch {
                    self.error("syntax.bad-ttl", "bad TTL '\(entry.string(index))': \(error.explanation)",
                               in: state, line: span.line, column: span.column)
                    return nil
                }
                if let value = ttl, value > TTLText.maximumRecommended {
                    warning("syntax.ttl-too-large",
                            "TTL \(value) is above 2147483647 (RFC 2181 section 8); BIND loads it as 0",
                            in: state, line: span.line, column: span.column)
                }
                index += 1
                continue
            }
            if rrClass == nil {
                if let found = FastMnemonics.rrClass(entry.text(span)) {
                    rrClass = found
                    index += 1
                    continue
                }
            }
            break
        }
        return (ttl, rrClass, index)
    }

    /// The type at `index`, or nil after reporting why the token is not one.
    func recordType(_ entry: LexedEntry, at index: Int, state: FileState, owner: MessageOwner) -> RRType? {
        let span = entry.spans[index]
        if !span.isQuoted, let found = FastMnemonics.type(entry.text(span)) { return found }
        let text = entry.string(index)
        let isClass = FastMnemonics.rrClass(entry.text(span)) != nil
        let message: String
        if span.end > span.start, entry.bytes[span.start] &- 48 < 10 {
            message = "unexpected '\(text)': a TTL was already given, expected a type"
        } else if isClass {
            message = "unexpected '\(text)': a class was already given, expected a type"
        } else {
            message = "unknown type '\(text)': expected a type mnemonic or TYPEnnn"
        }
        error("syntax.unknown-type", message, in: state, line: span.line, column: span.column, owner: owner.name(in: state))
        return nil
    }

    /// Encodes the tokens from `start` on as the RDATA of `type` into `rdata`.
    /// The encoders read the entry's bytes in place.
    func encodeRData(_ entry: LexedEntry, from start: Int, type: RRType, typeSpan: TokenSpan, owner: MessageOwner,
                     state: FileState) -> Bool {
        rdata.removeAll(keepingCapacity: true)
        let origin = state.origin
        let common = entry.spans.withUnsafeBufferPointer { allSpans in
            CommonRData.encode(type: type, bytes: entry.bytes, spans: UnsafeBufferPointer(rebasing: allSpans[start...]),
                               origin: origin, into: &rdata)
        }
        // Too long to send: the general encoder says so.
        if common && rdata.count <= ParserRun.maximumRDataLength { return true }
        rdata.removeAll(keepingCapacity: true)
        let fields = layouts.fields(for: type), bytes = entry.bytes
        let result = entry.spans.withUnsafeBufferPointer { allSpans in
            Result { () throws(RDataSyntaxError) in
                let spans = UnsafeBufferPointer(rebasing: allSpans[start...])
                try RDataText.encode(type: type, fields: fields, bytes: bytes, spans: spans, origin: origin, into: &rdata)
                if RDataTokenReader.startsWithGenericMarker(spans, in: bytes),
                   !ParserRun.genericRDataFits(type: type, rdata: rdata) {
                    throw RDataSyntaxError(
                        "the RFC 3597 generic RDATA is not a valid \(type) RDATA (as BIND and Knot check it): expected the octets of its typed form",
                        tokenIndex: 0)
                }
                if rdata.count > ParserRun.maximumRDataLength {
                    throw RDataSyntaxError(
                        "RDATA of \(rdata.count) octets cannot fit in a DNS message with its record (at most \(ParserRun.maximumRDataLength), as BIND enforces)",
                        tokenIndex: spans.isEmpty ? nil : 0)
                }
            }
        }
        do throws(RDataSyntaxError) {
            try result.get()
            return true
        } catch {
            let spans = entry.spans
            let (line, column): (Int, Int)
            if let tokenIndex = error.tokenIndex, tokenIndex >= 0, start + tokenIndex < spans.count {
                (line, column) = (spans[start + tokenIndex].line, spans[start + tokenIndex].column)
            } else if spans.count > start, let last = spans.last {
                (line, column) = (last.line, last.column + (last.end - last.start) + (last.isQuoted ? 2 : 0))
            } else {
                (line, column) = (typeSpan.line, typeSpan.column + (typeSpan.end - typeSpan.start))
            }
            self.error("syntax.bad-rdata", "bad \(type) RDATA: \(error.message)", in: state, line: line, column: column,
                       owner: owner.name(in: state), type: type)
            return false
        }
    }

    /// The largest RDATA a record can carry and still be sent: a 65535-octet
    /// message less its 12-octet header, a root owner and the 10 octets of
    /// type, class, TTL and length (BIND's loader limit too).
    static let maximumRDataLength = 65535 - 12 - 1 - 10

    /// True when generic (`\\#`) RDATA is acceptable for `type`: any octets
    /// for a type without a typed form; otherwise octets its typed form
    /// could have produced (BIND and Knot decode them as the type).
    static func genericRDataFits(type: RRType, rdata: [UInt8]) -> Bool {
        guard RDataLayout.hasTypedForm(type) else { return true }
        if rdata.isEmpty {
            var empty: [UInt8] = []
            return (try? RDataText.encode(type: type, tokens: [], origin: .root, into: &empty)) != nil && empty.isEmpty
        }
        return RDataPresentation.isWellFormed(type: type, rdata: rdata)
    }

    /// The TTL a record gets (BIND's rules): its own; else `$TTL` (or the
    /// options' default); else the previous record's, with a warning once;
    /// else, for an SOA, its minimum field, with a warning (it then acts as
    /// `$TTL`); else an error.
    func resolveTTL(_ explicit: UInt32?, type: RRType, state: FileState, line: Int, column: Int,
                    owner: MessageOwner) -> UInt32? {
        let result: UInt32
        if let explicit {
            result = explicit
        } else if ttlUse.noteReadingDefault(), let defaultTTL {
            result = defaultTTL
        } else if ttlUse.noteReadingPrevious(), let previousTTL {
            result = previousTTL
            if !warnedPreviousTTL {
                warnedPreviousTTL = true
                warning("syntax.previous-ttl",
                        "no TTL and no $TTL: using the previous record's TTL \(previousTTL) (RFC 1035 semantics); add $TTL",
                        in: state, line: line, column: column, owner: owner.name(in: state), type: type)
            }
        } else if type == .soa && rdata.count >= 20 {
            let tail = rdata.count - 4
            let minimum = UInt32(rdata[tail]) << 24 | UInt32(rdata[tail + 1]) << 16
                | UInt32(rdata[tail + 2]) << 8 | UInt32(rdata[tail + 3])
            result = minimum
            defaultTTL = minimum
            ttlUse.setDefault = true
            warning("syntax.ttl-from-soa-minimum",
                    "no TTL and no $TTL: using the SOA minimum \(minimum) as the default TTL (as BIND does); add $TTL",
                    severity: .medium, in: state, line: line, column: column, owner: owner.name(in: state), type: type)
        } else {
            error("syntax.missing-ttl",
                  "no TTL: the record has none, no $TTL came before it, and there is no previous record; expected a TTL",
                  in: state, line: line, column: column, owner: owner.name(in: state), type: type)
            return nil
        }
        previousTTL = result
        ttlUse.setPrevious = true
        return result
    }
}

/// The owner a message about the record being read names: the file's
/// current owner (made into a name only when a message needs it, as the
/// parser keeps it as wire octets), or one given (`$GENERATE`'s, or none).
enum MessageOwner {
    case current
    case given(DomainName?)

    func name(in state: FileState) -> DomainName? {
        switch self {
        case .current: state.owner
        case .given(let name): name
        }
    }
}
