import ZoneModel

/// The linear merge of two zones' RRsets in canonical order. Owner names are
/// compared once per owner group; RRsets at the same owner are merged by type.
/// The walk reads the zones' compact tables by position: only RRsets that
/// differ are materialised.
struct MergeWalk {
    let includeSignatures: Bool

    struct Output {
        var changes: [RRsetChange] = []
        var baselineCount = 0
        var currentCount = 0
    }

    func run(baseline: RRsetList, current: RRsetList) -> Output {
        var output = Output()
        var i = 0, j = 0
        let oldCount = baseline.count, newCount = current.count
        while i < oldCount || j < newCount {
            // Both zones' octets lie in file order, read here in canonical
            // order: fetched some RRsets ahead (see `Prefetch`).
            baseline.prefetch(at: i + 2 * Prefetch.distance)
            current.prefetch(at: j + 2 * Prefetch.distance)
            let order: Int
            if i == oldCount {
                order = 1
            } else if j == newCount {
                order = -1
            } else {
                order = baseline.compareOwner(at: i, with: current, at: j)
            }
            let oldEnd = order <= 0 ? baseline.ownerGroupEnd(from: i) : i
            let newEnd = order >= 0 ? current.ownerGroupEnd(from: j) : j
            if order < 0 {
                for k in i..<oldEnd where counts(baseline.type(at: k)) {
                    output.baselineCount += 1
                    output.changes.append(removal(baseline[k], ownerGone: true))
                }
            } else if order > 0 {
                for k in j..<newEnd where counts(current.type(at: k)) {
                    output.currentCount += 1
                    output.changes.append(addition(current[k], ownerNew: true))
                }
            } else {
                mergeTypes(baseline, i..<oldEnd, current, j..<newEnd, into: &output)
            }
            i = oldEnd
            j = newEnd
        }
        return output
    }

    @inline(__always)
    private func counts(_ type: RRType) -> Bool {
        includeSignatures || !DiffOptions.isSignatureChurn(type)
    }

    private func mergeTypes(_ baseline: RRsetList, _ old: Range<Int>,
                            _ current: RRsetList, _ new: Range<Int>,
                            into output: inout Output) {
        var i = old.lowerBound, j = new.lowerBound
        while i < old.upperBound || j < new.upperBound {
            let oldType = i < old.upperBound ? baseline.type(at: i) : nil
            let newType = j < new.upperBound ? current.type(at: j) : nil
            if let oldType, newType.map({ oldType < $0 }) ?? true {
                if counts(oldType) {
                    output.baselineCount += 1
                    output.changes.append(removal(baseline[i], ownerGone: false))
                }
                i += 1
            } else if let newType, oldType.map({ newType < $0 }) ?? true {
                if counts(newType) {
                    output.currentCount += 1
                    output.changes.append(addition(current[j], ownerNew: false))
                }
                j += 1
            } else {
                if let type = oldType, counts(type) {
                    output.baselineCount += 1
                    output.currentCount += 1
                    if let change = compare(baseline, i, current, j) { output.changes.append(change) }
                }
                i += 1
                j += 1
            }
        }
    }

    /// The change between two RRsets of one owner and type, or nil when they hold the same data.
    private func compare(_ baseline: RRsetList, _ i: Int, _ current: RRsetList, _ j: Int) -> RRsetChange? {
        let comparison: RRsetComparison
        switch baseline.compareRecords(at: i, with: current, at: j) {
        case .identical: return nil
        case .ttlOnly: comparison = .ttlOnly
        case .countDiffers: comparison = .different
        case .rdataDiffers: comparison = RRsetComparison.compareCanonical(baseline[i].records, current[j].records)
        }
        guard comparison != .identical else { return nil }
        let old = baseline[i], new = current[j]
        return RRsetChange(kind: comparison == .ttlOnly ? .ttlChanged : .changed, role: .data,
                           owner: new.owner, type: new.type, before: old.records, after: new.records)
    }

    private func removal(_ rrset: RRset, ownerGone: Bool) -> RRsetChange {
        RRsetChange(kind: .removed, role: .data, owner: rrset.owner, type: rrset.type,
                    before: rrset.records, after: [], isRemovedOwner: ownerGone)
    }

    private func addition(_ rrset: RRset, ownerNew: Bool) -> RRsetChange {
        RRsetChange(kind: .added, role: .data, owner: rrset.owner, type: rrset.type,
                    before: [], after: rrset.records, isNewOwner: ownerNew)
    }
}

/// Whether two RRsets hold the same data. The octets are compared first
/// (`RRsetList.compareRecords`); the canonical RDATA sets only when octets
/// differ (a name's case may differ, or order).
enum RRsetComparison: Equatable {
    case identical
    case ttlOnly
    case different

    /// The verdict on the canonical RDATA sets, for RRsets whose octets differ.
    static func compareCanonical(_ old: [Record], _ new: [Record]) -> RRsetComparison {
        func canonical(_ records: [Record]) -> [(data: [UInt8], ttl: UInt32)] {
            records.map { ($0.canonicalRData, $0.ttl) }.sorted { lhs, rhs in
                lhs.data == rhs.data ? lhs.ttl < rhs.ttl : lhs.data.lexicographicallyPrecedes(rhs.data)
            }
        }
        let left = canonical(old), right = canonical(new)
        var sameTTL = true
        for index in left.indices {
            if left[index].data != right[index].data { return .different }
            if left[index].ttl != right[index].ttl { sameTTL = false }
        }
        return sameTTL ? .identical : .ttlOnly
    }
}
