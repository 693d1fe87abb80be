import Baseline
import Foundation
import LDNS
import Reporters
import ZoneModel

/// `zoneaudit baseline keygen`: an approver key pair, private half mode 0600.
public struct KeygenJob: Sendable {
    public var algorithm: String
    public var owner: DomainName
    public var directory: String

    public init(algorithm: String, owner: DomainName, directory: String) {
        self.algorithm = algorithm
        self.owner = owner
        self.directory = directory
    }

    /// Returns the paths written, for the user.
    public func run() throws(JobError) -> String {
        guard let algorithm = LDNSKeyAlgorithm(mnemonic: algorithm) else {
            throw JobError("unsupported algorithm \(algorithm): use ECDSAP256SHA256, ED25519 or RSASHA256")
        }
        do {
            let (key, paths) = try ApproverKeys.generate(algorithm: algorithm, owner: owner, directory: directory)
            return """
                \(paths.publicKey)
                \(paths.privateKey)
                ; trusted-keys entry for this approver (name the person in the comment):
                \(key.dnskey.presentation)
                """
        } catch {
            throw JobError("\(error)")
        }
    }
}

/// `zoneaudit baseline seal`: canonicalize a zone into the baseline and
/// write its seal, both atomically.
public struct SealJob: Sendable {
    public var zoneFile: String
    public var keyFiles: [String]
    public var validity: Duration
    public var outputPath: String?
    public var force: Bool
    public var read: ZoneReadOptions

    public init(zoneFile: String, keyFiles: [String], validity: Duration, outputPath: String?, force: Bool, read: ZoneReadOptions) {
        self.zoneFile = zoneFile
        self.keyFiles = keyFiles
        self.validity = validity
        self.outputPath = outputPath
        self.force = force
        self.read = read
    }

    /// The default baseline path: `ZONE.baseline` beside the zone file.
    public static func defaultBaselinePath(for zoneFile: String) -> String { zoneFile + ".baseline" }

    /// Returns what was written and the warnings met (key permissions).
    public func run(now: Date = Date()) throws(JobError) -> (summary: String, warnings: [Finding]) {
        let (zone, _) = try ZoneReader.readComplete(zoneFile, role: "zone", options: read)
        var keys: [LDNSKeyPair] = []
        var warnings: [Finding] = []
        for file in keyFiles {
            do {
                let (key, findings) = try ApproverKeys.load(file)
                keys.append(key)
                warnings.append(contentsOf: findings)
            } catch {
                throw JobError("\(error)")
            }
        }
        let output = outputPath ?? SealJob.defaultBaselinePath(for: zoneFile)
        do {
            let result = try BaselineSealer.seal(
                zone: zone, keys: keys, validity: validity, now: now, outputPath: output, force: force,
                toolVersion: "zoneaudit \(ZoneAuditVersion.string)")
            let approvers = keys.map { "\($0.owner) (key \($0.keyTag))" }.joined(separator: ", ")
            return ("sealed \(zone.origin) serial \(zone.soa?.serial ?? 0) into \(result.baselinePath) and \(result.sealPath), by \(approvers), valid until \(result.expiration.timestamp(near: Int64(now.timeIntervalSince1970)))", warnings)
        } catch {
            throw JobError("\(error)")
        }
    }
}

/// `zoneaudit baseline verify`: does the seal hold, who sealed, when.
public struct SealVerifyJob: Sendable {
    public var baselinePath: String
    public var trustedKeysPath: String
    public var require: Int
    public var at: Date?

    public init(baselinePath: String, trustedKeysPath: String, require: Int, at: Date?) {
        self.baselinePath = baselinePath
        self.trustedKeysPath = trustedKeysPath
        self.require = require
        self.at = at
    }

    /// The verdict, or a `JobError` when the baseline or the keys cannot be read.
    public func verdict() throws(JobError) -> SealVerdict {
        let keys: TrustedKeys
        do {
            keys = try TrustedKeys.read(path: trustedKeysPath)
        } catch {
            throw JobError("\(error)")
        }
        do {
            return try SealVerifier().verify(baselinePath: baselinePath, trustedKeys: keys, require: require, at: at ?? Date())
        } catch {
            throw JobError("\(error)")
        }
    }

    /// Exit 0 only when the seal holds.
    public func run() throws(JobError) -> JobResult {
        let verdict = try verdict()
        var zones: [ZoneReport] = []
        if let zone = verdict.zone {
            zones.append(ZoneReport(origin: zone, baseline: baselinePath, serialBefore: verdict.serial, seal: verdict.summary))
        }
        let report = Report.make(command: "baseline-verify", zones: zones,
                                 banners: verdict.isValid ? [] : [verdict.summary],
                                 findings: verdict.findings)
        return JobResult(report: report, status: verdict.isValid ? .clean : .findings)
    }
}
