import ZoneModel

/// `zone.bulk-change`: the share-of-zone safety rail. A legitimate change
/// rarely rewrites a third of a zone; a hijack or a broken generator does.
struct BulkChange: SignalDetector {
    let baselineCount: Int

    func detect(_ context: SignalContext) -> [Signal] {
        let thresholds = context.options.thresholds
        guard baselineCount >= thresholds.bulkChangeMinimumRRsets, baselineCount > 0 else { return [] }
        let touched = context.indices(where: { !$0.isRoutineSerialChange }).count
        let share = Double(touched) / Double(baselineCount)
        guard share > thresholds.bulkChangeShare else { return [] }
        let percent = Int((share * 100).rounded()), limit = Int((thresholds.bulkChangeShare * 100).rounded())
        return [context.zoneSignal(
            AuditRules.bulkChange,
            "\(touched) of \(baselineCount) RRsets changed (\(percent)%, more than the \(limit)% allowed in one change)")]
    }
}
