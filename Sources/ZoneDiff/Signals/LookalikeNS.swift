import ZoneModel

/// `delegation.lookalike-ns`: a new NS target that is a near miss of a known
/// nameserver (the Sea Turtle campaign's `ns1.example.net` for
/// `ns1.example.com`). References: the baseline's apex NS targets, the
/// changed RRset's own former targets and the options' known nameservers.
struct LookalikeNS: SignalDetector {
    /// Bounds the comparisons one NS RRset can cause (a zone is untrusted
    /// input); real NS sets hold a handful of names.
    static let maximumOwnReferences = 64

    func detect(_ context: SignalContext) -> [Signal] {
        var global = Set(context.options.knownNameservers)
        if let apex = context.baseline.apexNS { global.formUnion(apex.records.compactMap(\.nameTarget)) }
        let globalReferences = global.sorted()
        // Targets repeat across delegations: each distinct one is measured
        // against the zone-wide references once.
        var globalMatches: [DomainName: (DomainName, Lookalike.Match)?] = [:]
        var signals: [Signal] = []
        for index in context.indices(where: { $0.type == .ns && $0.kind != .removed && $0.kind != .ttlChanged }) {
            let change = context.changes[index]
            let before = Set(change.before.compactMap(\.nameTarget))
            let ownReferences = before.sorted().prefix(LookalikeNS.maximumOwnReferences)
            for target in Set(change.after.compactMap(\.nameTarget)).sorted()
            where !before.contains(target) && !global.contains(target) {
                if globalMatches[target] == nil {
                    globalMatches[target] = .some(Lookalike.closestMatch(to: target, among: globalReferences))
                }
                var best = globalMatches[target] ?? nil
                if let own = Lookalike.closestMatch(to: target, among: Array(ownReferences)),
                   best == nil || own.1.rank < best!.1.rank {
                    best = own
                }
                guard let (reference, match) = best else { continue }
                signals.append(context.signal(
                    AuditRules.lookalikeNS,
                    "NS target \(target) of \(change.owner) looks like \(reference) but is not it (\(match.reason))",
                    changes: [index]))
            }
        }
        return signals
    }
}

/// Near-miss detection between two names.
public enum Lookalike {
    /// Why `candidate` resembles `reference`, or nil when it does not (or is it).
    public static func resemblance(_ candidate: DomainName, _ reference: DomainName) -> String? {
        match(candidate, reference)?.reason
    }

    /// The reference `candidate` resembles most, and why; look-alike
    /// characters beat another suffix, which beats fewer edits.
    public static func closest(to candidate: DomainName, among references: [DomainName]) -> (DomainName, String)? {
        closestMatch(to: candidate, among: references).map { ($0.0, $0.1.reason) }
    }

    static func closestMatch(to candidate: DomainName, among references: [DomainName]) -> (DomainName, Match)? {
        var best: (DomainName, Match)?
        for reference in references {
            guard let match = match(candidate, reference) else { continue }
            if best == nil || match.rank < best!.1.rank { best = (reference, match) }
        }
        return best
    }

    struct Match {
        /// Lower is a closer resemblance.
        var rank: Int
        var reason: String
    }

    static func match(_ candidate: DomainName, _ reference: DomainName) -> Match? {
        let left = candidate.lowercased.labels.map(Array.init), right = reference.lowercased.labels.map(Array.init)
        guard left != right else { return nil }
        if skeleton(left) == skeleton(right) { return Match(rank: 0, reason: "look-alike characters") }
        if sharesCoreUnderOtherSuffix(left, right) { return Match(rank: 1, reason: "same name under another suffix") }
        if isSibling(left, right) { return nil }
        let distance = editDistance(joined(left), joined(right), limit: 2)
        guard distance <= 2 else { return nil }
        return Match(rank: 1 + distance, reason: "\(distance) character\(distance == 1 ? "" : "s") apart")
    }

    /// `ns1.example` against `ns1.example.net`: all but the reference's last
    /// label (at least two labels) lead the candidate, or the other way round.
    static func sharesCoreUnderOtherSuffix(_ left: [[UInt8]], _ right: [[UInt8]]) -> Bool {
        func leads(_ name: [[UInt8]], _ other: [[UInt8]]) -> Bool {
            let core = name.dropLast()
            return core.count >= 2 && other.count > core.count && other.starts(with: core)
        }
        return leads(right, left) || leads(left, right)
    }

    /// Numbered or lettered siblings (`ns1`/`ns2`, `a.ns`/`b.ns`,
    /// `awsdns-01`/`awsdns-02`) are how providers name their servers.
    static func isSibling(_ left: [[UInt8]], _ right: [[UInt8]]) -> Bool {
        guard left.count == right.count else { return false }
        for (a, b) in zip(left, right) where a != b {
            if a.count == 1 && b.count == 1 && isLetter(a[0]) && isLetter(b[0]) { continue }
            if numberPattern(a) != numberPattern(b) { return false }
        }
        return true
    }

    /// The label with every run of digits replaced by one `#`.
    static func numberPattern(_ label: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for byte in label {
            if byte &- 48 < 10 {
                if out.last != UInt8(ascii: "#") { out.append(UInt8(ascii: "#")) }
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// Characters that read alike folded together: 0/o, 1/l/i, 5/s, rn/m, vv/w, cl/d.
    static func skeleton(_ labels: [[UInt8]]) -> [UInt8] {
        var folded: [UInt8] = []
        for byte in joined(labels) {
            switch byte {
            case UInt8(ascii: "0"): folded.append(UInt8(ascii: "o"))
            case UInt8(ascii: "1"), UInt8(ascii: "i"): folded.append(UInt8(ascii: "l"))
            case UInt8(ascii: "5"): folded.append(UInt8(ascii: "s"))
            case UInt8(ascii: "_"): folded.append(UInt8(ascii: "-"))
            default: folded.append(byte)
            }
        }
        var out: [UInt8] = []
        var index = 0
        while index < folded.count {
            let next = index + 1 < folded.count ? folded[index + 1] : 0
            switch (folded[index], next) {
            case (UInt8(ascii: "r"), UInt8(ascii: "n")): out.append(UInt8(ascii: "m")); index += 2
            case (UInt8(ascii: "v"), UInt8(ascii: "v")): out.append(UInt8(ascii: "w")); index += 2
            case (UInt8(ascii: "c"), UInt8(ascii: "l")): out.append(UInt8(ascii: "d")); index += 2
            default: out.append(folded[index]); index += 1
            }
        }
        return out
    }

    static func joined(_ labels: [[UInt8]]) -> [UInt8] {
        Array(labels.joined(separator: [UInt8(ascii: ".")]))
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte &- 97 < 26 }

    /// Optimal string alignment distance (edits and adjacent swaps), or
    /// `limit + 1` as soon as it must exceed `limit`. Only the diagonal band
    /// of width `2 * limit + 1` is computed: O(length * limit).
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        let width = b.count + 1
        var previous2 = [Int](repeating: beyond, count: width)
        var previous = [Int](repeating: beyond, count: width)
        var row = [Int](repeating: beyond, count: width)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            // Cells just outside the band may hold values from three rows ago.
            row[low - 1] = low == 1 ? min(i, beyond) : beyond
            if high + 1 < width { row[high + 1] = beyond }
            var best = row[low - 1]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    row[j] = min(value, beyond)
                    best = min(best, row[j])
                }
            }
            if best > limit { return beyond }
            (previous2, previous, row) = (previous, row, previous2)
        }
        return min(previous[b.count], beyond)
    }
}
