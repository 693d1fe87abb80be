import ZoneModel

/// The before and after records of a change, as diff lines: records in both
/// are context, the rest removed or added.
struct RecordDiff {
    enum Mark: UInt8 {
        case context = 0x20 // " "
        case removed = 0x2D // "-"
        case added = 0x2B // "+"
    }

    struct Line {
        let mark: Mark
        let record: Record
    }

    let lines: [Line]

    /// Context and removed lines in the before order, then added lines in the
    /// after order. Linear in the number of records.
    init(before: [Record], after: [Record]) {
        let afterSet = Set(after)
        let beforeSet = Set(before)
        var lines: [Line] = []
        lines.reserveCapacity(before.count + after.count)
        for record in before {
            lines.append(Line(mark: afterSet.contains(record) ? .context : .removed, record: record))
        }
        for record in after where !beforeSet.contains(record) {
            lines.append(Line(mark: .added, record: record))
        }
        self.lines = lines
    }

    var isEmpty: Bool { lines.isEmpty }
}

extension Record {
    /// `owner ttl class type rdata` with single spaces: the presentation form
    /// for reading (the tab-separated `presentation` is for machines).
    var displayLine: String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rdata.count * 2)
        owner.appendPresentation(to: &out)
        out.append(0x20)
        out.append(contentsOf: String(ttl).utf8)
        out.append(0x20)
        out.append(contentsOf: rrClass.mnemonic.utf8)
        out.append(0x20)
        out.append(contentsOf: type.mnemonic.utf8)
        out.append(0x20)
        RDataPresentation.append(type: type, rdata: rdata, to: &out)
        return UnsafeCharacters.escaped(String(decoding: out, as: UTF8.self))
    }
}
