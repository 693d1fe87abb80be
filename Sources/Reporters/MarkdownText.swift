/// Escaping for GitHub-flavoured Markdown (the pull-request comment).
enum MarkdownText {
    /// Characters that start Markdown syntax, HTML, entities, mentions or math.
    /// CommonMark lets any ASCII punctuation be backslash-escaped, so escaping
    /// these is always safe.
    private static let special: Set<UInt8> = Set("\\`*_[]<>#|~&!$@{}".utf8)

    /// `text` as literal inline text: unsafe characters first become `\DDD`
    /// (so no newline can end a table row or start a heading), then Markdown
    /// punctuation is backslash-escaped. Also right for table cells, where `|`
    /// and backticks must not act.
    static func escaped(_ text: String) -> String {
        let safe = UnsafeCharacters.escaped(text)
        var out: [UInt8] = []
        out.reserveCapacity(safe.utf8.count + 8)
        for byte in safe.utf8 {
            if special.contains(byte) { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A code fence longer than any run of backticks in `content`, so the
    /// content cannot close the block early.
    static func fence(for content: [String]) -> String {
        var longest = 0
        for line in content {
            var run = 0
            for byte in line.utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
