import ZoneModel

/// What `ZoneChecker.check` runs and how much it reports.
public struct ZoneCheckOptions: Sendable, Hashable {
    /// The families to run; all by default.
    public var levels: Set<ZoneCheckLevel>
    /// Rules never reported (e.g. from a policy that accepts them).
    public var disabledRules: Set<RuleID>
    /// At most this many findings per rule; past it one `zone.findings-limited`
    /// note says how many more there were. Zone files are untrusted input: a
    /// million names below one DNAME must not mean a million findings.
    public var maxFindingsPerRule: Int

    public init(
        levels: Set<ZoneCheckLevel> = Set(ZoneCheckLevel.allCases),
        disabledRules: Set<RuleID> = [],
        maxFindingsPerRule: Int = 1000
    ) {
        self.levels = levels
        self.disabledRules = disabledRules
        self.maxFindingsPerRule = max(1, maxFindingsPerRule)
    }
}
