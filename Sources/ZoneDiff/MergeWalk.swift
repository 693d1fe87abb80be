#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// The linear merge of two zones' RRsets in canonical order. Owner names are
/// compared once per owner group; RRsets at the same owner are merged by type.
/// Only RRsets that differ are materialised.
struct MergeWalk {
    let includeSignatures: Bool

    struct Output {
        var changes: [RRsetChange] = []
        var baselineCount = 0
        var currentCount = 0
    }

    func run(baseline: [RRset], current: [RRset]) -> Output {
        baseline.withUnsafeBufferPointer { old in
            current.withUnsafeBufferPointer { new in
                run(old, new)
            }
        }
    }

    /// Buffers, not arrays: reading an element's fields does not retain it.
    private func run(_ baseline: UnsafeBufferPointer<RRset>, _ current: UnsafeBufferPointer<RRset>) -> Output {
        var output = Output()
        var i = 0, j = 0
        let oldCount = baseline.count, newCount = current.count
        while i < oldCount || j < newCount {
            let order: Int
            if i == oldCount {
                order = 1
            } else if j == newCount {
                order = -1
            } else {
                order = MergeWalk.ownerOrder(baseline[i].owner, current[j].owner)
            }
            let oldEnd = order <= 0 ? MergeWalk.groupEnd(baseline, from: i) : i
            let newEnd = order >= 0 ? MergeWalk.groupEnd(current, from: j) : j
            if order < 0 {
                for k in i..<oldEnd where counts(baseline[k].type) {
                    output.baselineCount += 1
                    output.changes.append(removal(baseline[k], ownerGone: true))
                }
            } else if order > 0 {
                for k in j..<newEnd where counts(current[k].type) {
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

    private func mergeTypes(_ baseline: UnsafeBufferPointer<RRset>, _ old: Range<Int>,
                            _ current: UnsafeBufferPointer<RRset>, _ new: Range<Int>,
                            into output: inout Output) {
        var i = old.lowerBound, j = new.lowerBound
        while i < old.upperBound || j < new.upperBound {
            if j == new.upperBound || (i < old.upperBound && baseline[i].type < current[j].type) {
                if counts(baseline[i].type) {
                    output.baselineCount += 1
                    output.changes.append(removal(baseline[i], ownerGone: false))
                }
                i += 1
            } else if i == old.upperBound || current[j].type < baseline[i].type {
                if counts(current[j].type) {
                    output.currentCount += 1
                    output.changes.append(addition(current[j], ownerNew: false))
                }
                j += 1
            } else {
                if counts(baseline[i].type) {
                    output.baselineCount += 1
                    output.currentCount += 1
                    let comparison = RRsetComparison.compare(baseline[i].records, current[j].records)
                    if comparison != .identical {
                        output.changes.append(RRsetChange(
                            kind: comparison == .ttlOnly ? .ttlChanged : .changed, role: .data,
                            owner: current[j].owner, type: current[j].type,
                            before: baseline[i].records, after: current[j].records))
                    }
                }
                i += 1
                j += 1
            }
        }
    }

    private func removal(_ rrset: RRset, ownerGone: Bool) -> RRsetChange {
        RRsetChange(kind: .removed, role: .data, owner: rrset.owner, type: rrset.type,
                    before: rrset.records, after: [], isRemovedOwner: ownerGone)
    }

    private func addition(_ rrset: RRset, ownerNew: Bool) -> RRsetChange {
        RRsetChange(kind: .added, role: .data, owner: rrset.owner, type: rrset.type,
                    before: [], after: rrset.records, isNewOwner: ownerNew)
    }

    /// Canonical order of two owners, with a fast path for identical octets
    /// (the common case when two versions of one zone are compared).
    @inline(__always)
    static func ownerOrder(_ lhs: DomainName, _ rhs: DomainName) -> Int {
        if sameOctets(lhs, rhs) { return 0 }
        return DomainName.canonicalCompare(lhs, rhs)
    }

    /// The end of the run of RRsets that share `rrsets[start]`'s owner.
    @inline(__always)
    static func groupEnd(_ rrsets: UnsafeBufferPointer<RRset>, from start: Int) -> Int {
        var end = start + 1
        while end < rrsets.count {
            guard sameOctets(rrsets[end].owner, rrsets[start].owner) || rrsets[end].owner == rrsets[start].owner
            else { break }
            end += 1
        }
        return end
    }

    @inline(__always)
    static func sameOctets(_ lhs: DomainName, _ rhs: DomainName) -> Bool {
        lhs.wire.withUnsafeBufferPointer { left in
            rhs.wire.withUnsafeBufferPointer { right in
                left.count == right.count
                    && (left.baseAddress == right.baseAddress || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
            }
        }
    }
}

/// Whether two RRsets hold the same data: octets first, the canonical RDATA
/// sets only when octets differ (a name's case may differ, or order).
enum RRsetComparison: Equatable {
    case identical
    case ttlOnly
    case different

    static func compare(_ old: [Record], _ new: [Record]) -> RRsetComparison {
        guard old.count == new.count else { return .different }
        let (sameOctets, sameTTL) = old.withUnsafeBufferPointer { left in
            new.withUnsafeBufferPointer { right in
                var sameTTL = true
                for index in left.indices {
                    if left[index].rdata != right[index].rdata { return (false, false) }
                    if left[index].ttl != right[index].ttl { sameTTL = false }
                }
                return (true, sameTTL)
            }
        }
        if sameOctets { return sameTTL ? .identical : .ttlOnly }
        return compareCanonical(old, new)
    }

    private static func compareCanonical(_ old: [Record], _ new: [Record]) -> RRsetComparison {
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
