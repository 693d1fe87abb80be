import Baseline
import DNSSEC
import Foundation
import History
import Reporters
import Transfer
import ZoneDiff
import ZoneModel
import ZonePolicy

/// `zoneaudit audit`: the zone as it is now against its sealed, approved
/// baseline, judged by the policy, with DNSSEC, the servers and the parent.
///
/// Fail closed: the seal is verified first, and a seal that does not hold is
/// a critical finding with the comparison labelled as made against an
/// untrusted baseline. Any input that cannot be read or parsed, a bad policy,
/// or a transfer that fails stops the audit (exit 2); nothing partial is judged.
public struct AuditJob: Sendable {
    /// The zone now: a zone file, an AXFR dump, or `axfr://HOST[:PORT]/ZONE`.
    public var source: String
    public var baselinePath: String
    /// The approvers' DNSKEYs; required unless `unsealed`.
    public var trustedKeysPath: String?
    public var requiredApprovers: Int
    /// Audit against a bare baseline; the report says so at the top.
    public var unsealed: Bool
    public var policyPath: String?
    /// A policy already read (inline in the configuration); `policyPath` wins.
    public var policy: Policy?
    public var read: ZoneReadOptions
    public var includeSignatures: Bool
    public var dnssec: DNSSECSettings
    /// Anchor the zone's keys in the baseline's DNSKEY set.
    public var anchorFromBaseline: Bool
    /// Anchor the zone's keys in the DS set every parent server publishes.
    public var anchorFromParent: Bool
    public var parentServers: [String]
    /// Further servers to transfer from and compare (`server.*` findings).
    public var servers: [String]
    public var failOn: Severity
    /// Signatures verified in earlier runs are not verified again; those
    /// verified now are added (`zoneaudit run`).
    public var verificationCache: VerificationCache?

    public init(
        source: String, baselinePath: String, trustedKeysPath: String?, requiredApprovers: Int = 1,
        unsealed: Bool = false, policyPath: String? = nil, policy: Policy? = nil, read: ZoneReadOptions = ZoneReadOptions(),
        includeSignatures: Bool = false, dnssec: DNSSECSettings = DNSSECSettings(),
        anchorFromBaseline: Bool = false, anchorFromParent: Bool = false,
        parentServers: [String] = [], servers: [String] = [], failOn: Severity = .high,
        verificationCache: VerificationCache? = nil
    ) {
        self.source = source
        self.baselinePath = baselinePath
        self.trustedKeysPath = trustedKeysPath
        self.requiredApprovers = requiredApprovers
        self.unsealed = unsealed
        self.policyPath = policyPath
        self.policy = policy
        self.read = read
        self.includeSignatures = includeSignatures
        self.dnssec = dnssec
        self.anchorFromBaseline = anchorFromBaseline
        self.anchorFromParent = anchorFromParent
        self.parentServers = parentServers
        self.servers = servers
        self.failOn = failOn
        self.verificationCache = verificationCache
    }

    public func run() throws(JobError) -> JobResult {
        var findings: [Finding] = []
        var banners: [String] = []

        // 1. The reference: is the baseline what the approvers sealed?
        let sealStatus: String
        if unsealed {
            banners.append("AUDITED AGAINST AN UNSEALED BASELINE: \(baselinePath) was not verified (--unsealed)")
            sealStatus = "unsealed (not verified)"
        } else {
            guard let trustedKeysPath else {
                throw JobError("audit needs --trusted-keys to verify the baseline's seal (or --unsealed to audit against a bare baseline)")
            }
            let verdict = try SealVerifyJob(baselinePath: baselinePath, trustedKeysPath: trustedKeysPath,
                                            require: requiredApprovers, at: dnssec.at).verdict()
            sealStatus = verdict.summary
            if !verdict.isValid {
                findings.append(contentsOf: verdict.findings)
                banners.append("COMPARISON AGAINST AN UNTRUSTED BASELINE: \(verdict.summary)")
            }
        }

        // 2. The policy (a bad one stops the audit: never silently ignored).
        var policy = self.policy
        if let policyPath {
            do {
                policy = try Policy.load(contentsOf: policyPath)
            } catch {
                throw JobError("\(error)")
            }
        }

        // 3. Both zones, complete or not at all.
        var baselineRead = read
        baselineRead.format = .masterFile
        let (baseline, _) = try ZoneReader.readComplete(baselinePath, role: "baseline", options: baselineRead)
        // A missing seal names no zone (there was nothing to read it from);
        // the seal findings are about this zone, so they belong in its group.
        for index in findings.indices where findings[index].zone == nil {
            findings[index].zone = baseline.origin
        }
        var currentRead = read
        currentRead.origin = read.origin ?? baseline.origin
        let (current, currentNotes) = try ZoneReader.readComplete(source, role: "zone", options: currentRead)
        guard current.origin == baseline.origin else {
            throw JobError("the baseline is the zone \(baseline.origin) but \(source) is \(current.origin)")
        }
        findings.append(contentsOf: currentNotes.filter { $0.level != .note })

        // 4. Every difference, judged by the policy.
        findings.append(contentsOf: Auditor.audit(
            baseline: baseline, current: current, policy: policy,
            options: DiffOptions(includeSignatures: includeSignatures)))

        // 5. The world: the parent's delegation, the other servers.
        let key = try read.tsigKey()
        var parentDS: [Record] = []
        if !parentServers.isEmpty {
            let addresses = try parentServers.map { (text) throws(JobError) in try ServerAddress.option(text, role: "parent server") }
            do {
                // Unsigned: the TSIG key is the zone's transfer key, which the
                // parent's (registry's) servers do not know; a query signed
                // with it is refused (BADKEY) and shows them the key's name.
                let check = try DelegationChecker.check(
                    baseline: DelegationBaseline(zone: baseline), parentServers: addresses, tsig: nil,
                    timeout: read.transferLimits.timeout)
                findings.append(contentsOf: check.findings)
                parentDS = check.parentDS
            } catch {
                throw JobError("\(error)")
            }
        }
        if !servers.isEmpty {
            let addresses = try servers.map { (text) throws(JobError) in try ServerAddress.option(text, role: "server") }
            let consistency = ServerConsistencyChecker.check(
                zone: baseline.origin, servers: addresses, tsig: key, limits: read.transferLimits, baseline: baseline)
            findings.append(contentsOf: consistency.findings)
        }

        // 6. DNSSEC, when either side is signed.
        if baseline.isSigned || current.isSigned {
            var anchors = try dnssec.trustAnchors()
            if anchorFromBaseline { anchors += baseline.rrset(baseline.origin, .dnskey)?.records ?? [] }
            if anchorFromParent {
                guard !parentDS.isEmpty else {
                    throw JobError("--anchor-from-parent: the parent servers publish no common DS for \(baseline.origin)")
                }
                anchors += parentDS
            }
            if current.isSigned {
                var options = dnssec.options(anchors: anchors)
                do {
                    options.verifiedSignatures = try verificationCache?.load(zone: current.origin) ?? []
                    options.recordsVerifiedSignatures = verificationCache != nil
                    let result = DNSSECValidator(options: options).validate(current)
                    try verificationCache?.save(zone: current.origin, report: result)
                    findings.append(contentsOf: result.findings)
                } catch {
                    throw JobError("\(error)")
                }
            }
        }

        let report = Report.make(
            command: "audit",
            zones: [ZoneReport(origin: current.origin, source: source, baseline: baselinePath,
                               serialBefore: baseline.soa?.serial, serialAfter: current.soa?.serial, seal: sealStatus,
                               recordsBefore: baseline.recordCount, recordsAfter: current.recordCount)],
            banners: banners, findings: findings)
        return JobResult(report: report, status: .judging(findings, failOn: failOn))
    }
}
