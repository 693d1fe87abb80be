import ZoneModel

extension ParserRun {
    /// BIND's `$GENERATE range lhs [ttl] [class] type rhs`: one record per
    /// value of the range, owner from the `lhs` template, RDATA from the `rhs`
    /// template (one token; quote it when the RDATA has several fields). Any
    /// error ends the directive, as in BIND; the records made before it stay.
    func generateDirective(_ entry: LexedEntry, state: inout FileState) {
        let spans = entry.spans
        guard spans.count >= 2 else {
            let span = spans[0]
            error("syntax.bad-generate", "expected a range start-stop[/step] after $GENERATE",
                  in: state, line: span.line, column: span.column + (span.end - span.start))
            return
        }
        let rangeSpan = spans[1]
        guard let range = GenerateRange(ArraySlice(entry.bytes[rangeSpan.start..<rangeSpan.end])), !rangeSpan.isQuoted else {
            error("syntax.bad-generate",
                  "invalid $GENERATE range '\(entry.string(1))': expected start-stop[/step] with 0 <= start <= stop <= 2147483647 and step >= 1",
                  in: state, line: rangeSpan.line, column: rangeSpan.column)
            return
        }
        if range.count > UInt64(max(0, options.maxGenerate)) {
            error("syntax.generate-too-large",
                  "$GENERATE range '\(entry.string(1))' makes \(range.count) records, more than \(options.maxGenerate) (maxGenerate)",
                  in: state, line: rangeSpan.line, column: rangeSpan.column)
            return
        }
        guard spans.count >= 3 else {
            error("syntax.bad-generate", "expected an owner template after the $GENERATE range",
                  in: state, line: rangeSpan.line, column: rangeSpan.column + (rangeSpan.end - rangeSpan.start))
            return
        }
        let lhsSpan = spans[2]
        guard let (ttl, rrClass, typeIndex) = ttlAndClass(entry, from: 3, state: state) else { return }
        guard typeIndex < spans.count else {
            error("syntax.missing-type", "expected a type after '\(entry.string(spans.count - 1))'",
                  in: state, line: spans[spans.count - 1].line,
                  column: spans[spans.count - 1].column + (spans[spans.count - 1].end - spans[spans.count - 1].start))
            return
        }
        guard let type = recordType(entry, at: typeIndex, state: state, owner: .given(nil)) else { return }
        let typeSpan = spans[typeIndex]
        if type.isMeta {
            error("syntax.meta-type", "\(type) is a meta type and cannot appear in zone data: expected a data type",
                  in: state, line: typeSpan.line, column: typeSpan.column, type: type)
            return
        }
        guard typeIndex + 1 < spans.count else {
            error("syntax.bad-generate", "expected an RDATA template after the type \(type)",
                  in: state, line: typeSpan.line, column: typeSpan.column + (typeSpan.end - typeSpan.start), type: type)
            return
        }
        let rhsSpan = spans[typeIndex + 1]
        if typeIndex + 2 < spans.count {
            let extra = spans[typeIndex + 2]
            error("syntax.bad-generate",
                  "unexpected '\(entry.string(typeIndex + 2))': the $GENERATE RDATA template is one token (quote it when it holds spaces)",
                  in: state, line: extra.line, column: extra.column, type: type)
            return
        }
        state.originChanged = false

        let lhs = ArraySlice(entry.bytes[lhsSpan.start..<lhsSpan.end])
        let rhs = ArraySlice(entry.bytes[rhsSpan.start..<rhsSpan.end])
        // The RDATA text of each value is lexed again, as BIND does.
        var rhsEntry = LexedEntry()
        range.forEach { value in
            guard !stopped else { return false }
            scratch.removeAll(keepingCapacity: true)
            do throws(GenerateTemplateError) {
                try GenerateTemplate.expand(lhs, value: value, into: &scratch)
            } catch {
                self.error("syntax.bad-generate", "bad $GENERATE owner template '\(entry.string(2))': \(error.explanation)",
                           in: state, line: lhsSpan.line, column: lhsSpan.column, type: type)
                return false
            }
            let owner: DomainName
            do throws(NameError) {
                owner = try scratch.withUnsafeBufferPointer { bytes throws(NameError) in
                    try DomainName(presentation: bytes, origin: state.origin)
                }
            } catch {
                self.error("syntax.bad-name",
                           "$GENERATE owner '\(String(decoding: scratch, as: UTF8.self))' (value \(value)) is not a name: \(ParserRun.explain(error))",
                           in: state, line: lhsSpan.line, column: lhsSpan.column, type: type)
                return false
            }
            scratch.removeAll(keepingCapacity: true)
            do throws(GenerateTemplateError) {
                try GenerateTemplate.expand(rhs, value: value, into: &scratch)
            } catch {
                self.error("syntax.bad-generate", "bad $GENERATE RDATA template '\(entry.string(typeIndex + 1))': \(error.explanation)",
                           in: state, line: rhsSpan.line, column: rhsSpan.column, owner: owner, type: type)
                return false
            }
            guard lexGenerated(scratch, into: &rhsEntry, rhsSpan: rhsSpan, state: state, owner: owner, type: type),
                  encodeRData(rhsEntry, from: 0, type: type, typeSpan: typeSpan, owner: .given(owner), state: state),
                  let finalTTL = resolveTTL(ttl, type: type, state: state, line: lhsSpan.line, column: lhsSpan.column, owner: .given(owner))
            else { return false }
            if type == .soa && firstSOAOwner == nil { firstSOAOwner = owner }
            append(owner: owner, type: type, rrClass: rrClass ?? defaultClass, ttl: finalTTL, state: state,
                   line: lhsSpan.line, column: lhsSpan.column)
            return true
        }
    }

    /// Splits generated RDATA text into tokens placed at the template's
    /// position in the file, so errors point at the template.
    private func lexGenerated(_ text: [UInt8], into entry: inout LexedEntry, rhsSpan: TokenSpan, state: FileState,
                              owner: DomainName, type: RRType) -> Bool {
        let input: ByteInput
        do throws(InputError) {
            input = try ByteInput(bytes: text, limit: Int.max, chunkSize: max(1, text.count))
        } catch {
            return false
        }
        let lexer = EntryLexer(input: input, maxEntryBytes: options.maxEntryBytes)
        var combined = LexedEntry()
        var part = LexedEntry()
        // A lone CR in the text would end a "line"; gather every entry it yields.
        while lexer.next(into: &part) {
            if part.problem != nil {
                error("syntax.bad-generate",
                      "generated RDATA '\(String(decoding: text, as: UTF8.self))': \(part.problem!.message)",
                      in: state, line: rhsSpan.line, column: rhsSpan.column, owner: owner, type: type)
                return false
            }
            for span in part.spans {
                let start = combined.length
                combined.appendBytes(part.bytes.baseAddress! + span.start, count: span.end - span.start)
                combined.spans.append(TokenSpan(
                    start: start, end: combined.length, line: rhsSpan.line,
                    column: rhsSpan.column + span.column - 1 + (rhsSpan.isQuoted ? 1 : 0), isQuoted: span.isQuoted))
            }
        }
        entry = combined
        return true
    }
}
