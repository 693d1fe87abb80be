import ZoneModel

/// Compares a zone with its approved baseline, RRset by RRset.
///
/// Without a policy every difference is unauthorized: change findings and
/// signals come out with `authorized == false` at their rule's default
/// severity (`ZonePolicy.Auditor` applies a policy on top).
public enum ZoneDiffer {
    public static func diff(baseline: Zone, current: Zone, options: DiffOptions = DiffOptions()) -> ZoneDiffResult {
        let walk = MergeWalk(includeSignatures: options.includeSignatures)
            .run(baseline: baseline.rrsets, current: current.rrsets)
        var changes = walk.changes
        let classifier = ChangeClassifier(baseline: baseline, current: current)
        for index in changes.indices { classifier.classify(&changes[index]) }

        let context = SignalContext(baseline: baseline, current: current, options: options, changes: changes)
        let detectors: [any SignalDetector] = [
            SerialSignals(), SigningRemoved(), BulkChange(baselineCount: walk.baselineCount),
            ShadowNameCount(), WildcardAdded(), TTLLowered(), CertificateControl(), MailRedirect(),
            DNSKEYChanged(), LookalikeNS(),
        ]
        let signals = detectors.flatMap { $0.detect(context) }
        return ZoneDiffResult(origin: current.origin, changes: changes, signals: signals,
                              baselineRRsetCount: walk.baselineCount, currentRRsetCount: walk.currentCount)
    }
}
