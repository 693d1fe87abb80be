import ZoneModel

/// Recognises the text output of a zone transfer and checks that it is whole.
enum TransferDump {
    /// The format the run's text is read as (the rule is documented on `ZoneFileParser`).
    static func format(of run: ParserRun) -> ZoneTextFormat {
        switch run.options.format {
        case .masterFile, .axfrDump:
            return run.options.format
        case .auto:
            let table = run.table
            guard !run.sawDirective, run.firstRecordOpensTransfer, table.count > 0 else {
                return .masterFile
            }
            if run.markers.seen { return .axfrDump }
            if table.count >= 2 {
                let first = table.record(at: 0), last = table.record(at: table.count - 1)
                if last.type == .soa && last.owner == first.owner { return .axfrDump }
            }
            return .masterFile
        }
    }

    /// Removes the closing SOA; reports `transfer.truncated` when the dump does
    /// not open and close with the same SOA, or when its record count differs
    /// from what the transfer tool reported.
    static func close(_ table: inout RecordTable, run: ParserRun) {
        let total = table.count
        let first = total > 0 ? table.record(at: 0) : nil
        let last = total > 0 ? table.record(at: total - 1) : nil
        let zone = run.options.origin ?? run.firstSOAOwner
        func truncated(_ message: String, at location: SourceLocation?) {
            run.log.addFinal(Finding(
                rule: "transfer.truncated", severity: .high, message: message, zone: zone, type: .soa,
                location: location))
        }
        guard !run.stoppedEarly else {
            truncated("the dump was not read to its end, so it cannot be shown to be a complete transfer",
                      at: last?.location)
            return
        }
        if run.markers.failed {
            truncated("the transfer tool reported that the transfer failed", at: last?.location)
        }
        guard let first, first.type == .soa else {
            truncated("a zone transfer starts with the zone's SOA record, and this one does not"
                      + (total == 0 ? " (it holds no records)" : ""),
                      at: first?.location)
            return
        }
        guard total >= 2, let last, last.type == .soa, last.owner == first.owner else {
            // A copy of the opening SOA further up means records were added
            // after the transfer ended (RFC 8976's A.4 appends a ZONEMD so).
            var closing: Int?
            var index = total - 2
            while index > 0 {
                let candidate = table.record(at: index)
                if candidate.type == .soa && candidate.owner == first.owner && candidate.rdata == first.rdata {
                    closing = index
                    break
                }
                index -= 1
            }
            if let closing {
                truncated("\(total - 1 - closing) records follow the closing SOA: the text is more than one transfer",
                          at: table.record(at: closing + 1).location)
            } else {
                truncated("no closing SOA: a complete transfer ends with the SOA it began with; the last record read is "
                          + (total >= 2 ? "\(last!.owner) \(last!.type)" : "the opening SOA itself"),
                          at: last?.location)
            }
            return
        }
        guard last.rdata == first.rdata else {
            let opening = first.soa.map { String($0.serial) } ?? "?"
            let closing = last.soa.map { String($0.serial) } ?? "?"
            truncated("the closing SOA (serial \(closing)) differs from the opening SOA (serial \(opening)): the dump is not one complete transfer",
                      at: last.location)
            return
        }
        if let reported = run.markers.reportedRecords, reported != total {
            truncated("the transfer tool reported \(reported) records but the dump holds \(total)",
                      at: last.location)
        }
        table.removeLast()
    }
}
