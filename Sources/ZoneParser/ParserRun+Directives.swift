import ZoneModel

extension ParserRun {
    /// `$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE` (any case); anything else is an error.
    func directive(_ entry: LexedEntry, state: inout FileState) {
        if entry.token(0, equalsIgnoringCase: "$ORIGIN") {
            originDirective(entry, state: &state)
        } else if entry.token(0, equalsIgnoringCase: "$TTL") {
            ttlDirective(entry, state: state)
        } else if entry.token(0, equalsIgnoringCase: "$INCLUDE") {
            includeDirective(entry, state: &state)
        } else if entry.token(0, equalsIgnoringCase: "$GENERATE") {
            generateDirective(entry, state: &state)
        } else {
            let span = entry.spans[0]
            error("syntax.unknown-directive",
                  "unknown directive '\(entry.string(0))': expected $ORIGIN, $TTL, $INCLUDE or $GENERATE",
                  in: state, line: span.line, column: span.column)
        }
    }

    /// Reports tokens after the last argument a directive takes.
    private func rejectExtra(_ entry: LexedEntry, after count: Int, state: FileState) -> Bool {
        guard entry.spans.count > count else { return false }
        let span = entry.spans[count]
        error("syntax.bad-directive",
              "unexpected '\(entry.string(count))' after the arguments of \(entry.string(0).uppercased()): expected the end of the line",
              in: state, line: span.line, column: span.column)
        return true
    }

    private func missingArgument(_ entry: LexedEntry, _ what: String, rule: RuleID = "syntax.bad-directive", state: FileState) {
        let span = entry.spans[entry.spans.count - 1]
        error(rule, "expected \(what) after '\(entry.string(entry.spans.count - 1))'",
              in: state, line: span.line, column: span.column + (span.end - span.start))
    }

    private func originDirective(_ entry: LexedEntry, state: inout FileState) {
        guard entry.spans.count >= 2 else {
            missingArgument(entry, "a domain name", state: state)
            return
        }
        guard !rejectExtra(entry, after: 2, state: state) else { return }
        let span = entry.spans[1]
        do throws(NameError) {
            let name = try parseName(entry, span: span, origin: state.origin)
            state.origin = name
            state.originGeneration = nextGeneration()
            state.originChanged = true
        } catch {
            self.error("syntax.bad-name", "bad $ORIGIN name '\(entry.string(1))': \(ParserRun.explain(error))",
                       in: state, line: span.line, column: span.column)
        }
    }

    private func ttlDirective(_ entry: LexedEntry, state: FileState) {
        guard entry.spans.count >= 2 else {
            missingArgument(entry, "a TTL", rule: "syntax.bad-ttl", state: state)
            return
        }
        guard !rejectExtra(entry, after: 2, state: state) else { return }
        let span = entry.spans[1]
        do throws(TTLText.Failure) {
            let value = try TTLText.parse(entry.text(span))
            if value > TTLText.maximumRecommended {
                warning("syntax.ttl-too-large",
                        "$TTL \(value) is above 2147483647 (RFC 2181 section 8); BIND loads it as 0",
                        in: state, line: span.line, column: span.column)
            }
            defaultTTL = value
            previousTTL = value
            ttlUse.setDefault = true
            ttlUse.setPrevious = true
        } catch {
            self.error("syntax.bad-ttl", "bad $TTL '\(entry.string(1))': \(error.explanation)",
                       in: state, line: span.line, column: span.column)
        }
    }

    /// `$INCLUDE file [origin]`: the file is read with the given origin (or
    /// the current one) and the current owner; afterwards the including file
    /// goes on with its own origin and owner (RFC 1035 section 5.1). `$TTL`
    /// set inside the included file stays in force, as in BIND.
    private func includeDirective(_ entry: LexedEntry, state: inout FileState) {
        guard entry.spans.count >= 2 else {
            missingArgument(entry, "a file name", state: state)
            return
        }
        guard !rejectExtra(entry, after: 3, state: state) else { return }
        let pathSpan = entry.spans[1]
        let path = ParserRun.unescapedPath(ArraySlice(entry.bytes[pathSpan.start..<pathSpan.end]))
        guard !path.isEmpty else {
            error("syntax.include-unreadable", "empty $INCLUDE file name: expected a path",
                  in: state, line: pathSpan.line, column: pathSpan.column)
            return
        }
        var includeOrigin = state.origin
        if entry.spans.count == 3 {
            let span = entry.spans[2]
            do throws(NameError) {
                includeOrigin = try parseName(entry, span: span, origin: state.origin)
            } catch {
                self.error("syntax.bad-name", "bad $INCLUDE origin '\(entry.string(2))': \(ParserRun.explain(error))",
                           in: state, line: span.line, column: span.column)
                return
            }
        }

        let base = options.includeBase ?? state.directory
        let candidate: String
        if path.hasPrefix("/") {
            candidate = path
        } else if let base {
            candidate = FilePath.join(base, path)
        } else {
            error("syntax.include-outside-root",
                  "$INCLUDE '\(path)' in input that is not a file: set includeRoot (--include-root) to allow includes",
                  in: state, line: pathSpan.line, column: pathSpan.column)
            return
        }
        let resolved: String
        switch includePolicy.check(candidate, depth: state.depth + 1, open: openFiles) {
        case .success(let real):
            resolved = real
        case .failure(let refusal):
            error(RuleID(refusal.rule), ParserRun.describe(refusal, path: path), in: state,
                  line: pathSpan.line, column: pathSpan.column)
            return
        }
        let input: ByteInput
        do throws(InputError) {
            input = try ByteInput(path: resolved, limit: options.maxFileBytes)
        } catch {
            self.error("syntax.include-unreadable", "cannot read $INCLUDE file '\(path)': \(error.message)",
                       in: state, line: pathSpan.line, column: pathSpan.column)
            return
        }
        let displayName: String
        if path.hasPrefix("/") {
            displayName = path
        } else if let includeBase = options.includeBase {
            displayName = FilePath.join(includeBase, path)
        } else {
            displayName = FilePath.join(FilePath.directory(of: state.name), path)
        }
        includedFiles.append(resolved)
        openFiles.append(resolved)
        var child = FileState(
            name: displayName, directory: FilePath.directory(of: resolved), depth: state.depth + 1,
            origin: includeOrigin, originGeneration: nextGeneration())
        child.owner = state.owner
        child.ownerInvalid = state.ownerInvalid
        child.originChanged = entry.spans.count == 3
        parse(input, state: &child)
        openFiles.removeLast()
    }

    static func describe(_ refusal: IncludePolicy.Refusal, path: String) -> String {
        switch refusal {
        case .outsideRoot(let resolved, let root):
            "$INCLUDE '\(path)' resolves to \(resolved), outside the include root \(root): not read (widen it with includeRoot / --include-root)"
        case .loop(let resolved):
            "$INCLUDE '\(path)' (\(resolved)) is already being read: include loop, not read again"
        case .tooDeep(let limit):
            "$INCLUDE '\(path)' would nest deeper than \(limit) levels (maxIncludeDepth): not read"
        case .notFound(_, let reason):
            "cannot read $INCLUDE file '\(path)': \(reason)"
        case .noRoot:
            "$INCLUDE '\(path)' cannot be confined (the include root does not exist): not read"
        }
    }

    /// A file name token with `\X` and `\DDD` escapes decoded.
    static func unescapedPath(_ text: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "\\") && index + 1 < text.endIndex {
                if index + 3 < text.endIndex, text[index + 1] &- 48 < 10, text[index + 2] &- 48 < 10,
                   text[index + 3] &- 48 < 10 {
                    let value = Int(text[index + 1] - 48) * 100 + Int(text[index + 2] - 48) * 10 + Int(text[index + 3] - 48)
                    if value <= 255 {
                        out.append(UInt8(value))
                        index += 4
                        continue
                    }
                }
                out.append(text[index + 1])
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
