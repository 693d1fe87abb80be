import ZoneModel

/// Recognises the text output of a zone transfer and checks that it is whole.
enum TransferDump {
    /// The format the run's text is read as (the rule is documented on `ZoneFileParser`).
    static func format(of run: ParserRun) -> ZoneTextFormat {
        switch run.options.format {
        case .masterFile, .axfrDump:
            return run.options.format
        case .auto:
            guard !run.sawDirective, run.firstRecordOpensTransfer, let first = run.records.first else {
                return .masterFile
            }
            if run.markers.seen { return .axfrDump }
            if run.records.count >= 2, let last = run.records.last, last.type == .soa, last.owner == first.owner {
                return .axfrDump
            }
            return .masterFile
        }
    }

    /// Removes the closing SOA; reports `transfer.truncated` when the dump does
    /// not open and close with the same SOA, or when its record count differs
    /// from what the transfer tool reported.
    static func close(_ records: inout [Record], run: ParserRun) {
        let zone = run.options.origin ?? run.firstSOAOwner
        func truncated(_ message: String, at location: SourceLocation?) {
            run.log.addFinal(Finding(
                rule: "transfer.truncated", severity: .high, message: message, zone: zone, type: .soa,
                location: location))
        }
        guard !run.stoppedEarly else {
            truncated("the dump was not read to its end, so it cannot be shown to be a complete transfer",
                      at: records.last?.location)
            return
        }
        if run.markers.failed {
            truncated("the transfer tool reported that the transfer failed", at: records.last?.location)
        }
        guard let first = records.first, first.type == .soa else {
            truncated("a zone transfer starts with the zone's SOA record, and this one does not"
                      + (records.isEmpty ? " (it holds no records)" : ""),
                      at: records.first?.location)
            return
        }
        let total = records.count
        guard total >= 2, let last = records.last, last.type == .soa, last.owner == first.owner else {
            truncated("no closing SOA: a complete transfer ends with the SOA it began with; the last record read is "
                      + (records.count >= 2 ? "\(records[records.count - 1].owner) \(records[records.count - 1].type)" : "the opening SOA itself"),
                      at: records.last?.location)
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
        records.removeLast()
    }
}
