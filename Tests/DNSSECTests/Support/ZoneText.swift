/// Line-level edits of ldns-signzone output (one record per line, tab
/// separated: owner, TTL, class, type, RDATA), so the same mutated file can be
/// given to zoneaudit and to ldns-verify-zone.
struct ZoneText {
    var lines: [String]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    var text: String { lines.joined(separator: "\n") }

    static func fields(_ line: String) -> [String] {
        line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
    }

    /// Index of the first record line with this owner and type (and, for an
    /// RRSIG, this covered type).
    func index(owner: String, type: String, covering: String? = nil) -> Int? {
        lines.firstIndex { line in
            let f = ZoneText.fields(line)
            guard f.count >= 5, !line.hasPrefix(";"), f[0].lowercased() == owner.lowercased(), f[3] == type else { return false }
            return covering == nil || f[4] == covering
        }
    }

    func indices(type: String) -> [Int] {
        lines.indices.filter { ZoneText.fields(lines[$0]).count >= 5 && ZoneText.fields(lines[$0])[3] == type }
    }

    mutating func remove(at index: Int) { lines.remove(at: index) }

    mutating func append(_ line: String) { lines.append(line) }

    /// Replaces field `field` (0-based, owner is 0) of a line.
    mutating func replaceField(_ field: Int, at index: Int, with value: String) {
        var f = ZoneText.fields(lines[index])
        f[field] = value
        lines[index] = f.joined(separator: "\t")
    }

    /// Changes one character in the middle of an RRSIG's base64 signature,
    /// so one signature byte differs.
    mutating func flipSignatureCharacter(at index: Int) {
        var f = ZoneText.fields(lines[index])
        var signature = Array(f[f.count - 1])
        let middle = signature.count / 2
        signature[middle] = signature[middle] == "A" ? "B" : "A"
        f[f.count - 1] = String(signature)
        lines[index] = f.joined(separator: "\t")
    }
}
