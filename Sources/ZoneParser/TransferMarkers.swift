/// Traces that zone-transfer tools leave in their text output: `dig`'s banner
/// (`; <<>> DiG ...`) and trailer (`;; XFR size: N records ...`), `kdig`'s
/// header (`;; AXFR for ...`) and trailer (`;; Received ... (M messages, N records)`),
/// and `dig`'s `; Transfer failed.`
struct TransferMarkers: Equatable {
    /// A banner, a trailer or a failure notice was seen.
    var seen = false
    /// The tool said the transfer failed.
    var failed = false
    /// The record count the tool reported (both SOAs included, TSIG not).
    var reportedRecords: Int?

    mutating func inspect(_ head: [UInt8]) {
        if TransferMarkers.has(head, "; <<>> DiG") || TransferMarkers.has(head, ";; AXFR for")
            || TransferMarkers.has(head, ";; global options:") {
            seen = true
        } else if TransferMarkers.has(head, "; Transfer failed") || TransferMarkers.has(head, ";; Transfer failed") {
            seen = true
            failed = true
        } else if TransferMarkers.has(head, ";; XFR size:") {
            seen = true
            reportedRecords = TransferMarkers.number(in: head.dropFirst(12), before: " record")
        } else if TransferMarkers.has(head, ";; Received ") {
            // kdig: ";; Received 427 B (1 messages, 15 records)"
            if let open = head.firstIndex(of: UInt8(ascii: "(")), let comma = head[open...].firstIndex(of: UInt8(ascii: ",")) {
                seen = true
                reportedRecords = TransferMarkers.number(in: head[(comma + 1)...], before: " record")
            }
        }
    }

    private static func has(_ head: [UInt8], _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard head.count >= count else { return false }
        let bytes = UnsafeBufferPointer(start: prefix.utf8Start, count: count)
        for offset in 0..<count where head[offset] != bytes[offset] { return false }
        return true
    }

    /// The decimal number right before `suffix` (after optional blanks).
    private static func number(in text: ArraySlice<UInt8>, before suffix: String) -> Int? {
        var index = text.startIndex
        while index < text.endIndex && text[index] == 0x20 { index += 1 }
        var value = 0
        let begin = index
        while index < text.endIndex, text[index] &- 48 < 10, value < 1 << 40 {
            value = value * 10 + Int(text[index] - 48)
            index += 1
        }
        guard index > begin, text[index...].starts(with: Array(suffix.utf8)) else { return nil }
        return value
    }
}
