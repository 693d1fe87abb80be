import Baseline
import DNSSEC
import Foundation
import History
import Reporters
import ZoneModel

/// The DNSSEC settings shared by `dnssec verify` and `audit`.
public struct DNSSECSettings: Sendable {
    /// A file of DS or DNSKEY records (zone syntax) for the zone apex.
    public var trustAnchorFile: String?
    /// Validation time; nil means now.
    public var at: Date?
    public var expiryWarningDays: Int
    public var jobs: Int

    public init(trustAnchorFile: String? = nil, at: Date? = nil, expiryWarningDays: Int = 7, jobs: Int = DNSSECOptions.defaultJobs) {
        self.trustAnchorFile = trustAnchorFile
        self.at = at
        self.expiryWarningDays = expiryWarningDays
        self.jobs = jobs
    }

    /// Reads the anchor file: only DS and DNSKEY records, at least one.
    func trustAnchors() throws(JobError) -> [Record] {
        guard let trustAnchorFile else { return [] }
        try ZoneReader.requireReadable(trustAnchorFile)
        let records: [Record]
        do {
            records = try ZoneFileRecords.readKeys(trustAnchorFile, nil)
        } catch {
            throw JobError("cannot read trust anchors \(trustAnchorFile): \(error)")
        }
        let anchors = records.filter { $0.type == .ds || $0.type == .dnskey }
        guard !anchors.isEmpty else { throw JobError("\(trustAnchorFile) holds no DS or DNSKEY record to anchor the zone") }
        return anchors
    }

    func options(anchors: [Record], zonemdOnly: Bool = false) -> DNSSECOptions {
        DNSSECOptions(validationTime: DNSSECTime(at ?? Date()), trustAnchors: anchors,
                      expiryWarningDays: expiryWarningDays, jobs: jobs, zonemdOnly: zonemdOnly)
    }
}

/// `zoneaudit dnssec verify`: the zone's whole DNSSEC proof, or with
/// `zonemdOnly` just its ZONEMD digest.
public struct DNSSECVerifyJob: Sendable {
    public var source: String
    public var read: ZoneReadOptions
    public var settings: DNSSECSettings
    public var zonemdOnly: Bool
    /// A verification cache file (created when absent): signatures it holds
    /// skip the cryptography, and those verified now are added to it.
    public var cacheFile: String?

    public init(source: String, read: ZoneReadOptions, settings: DNSSECSettings, zonemdOnly: Bool, cacheFile: String? = nil) {
        self.source = source
        self.read = read
        self.settings = settings
        self.zonemdOnly = zonemdOnly
        self.cacheFile = cacheFile
    }

    /// Exit 0 valid, 1 a validation failure; an unreadable zone or anchor file stops the job (2).
    public func run() throws(JobError) -> JobResult {
        let anchors = try settings.trustAnchors()
        // --jobs bounds the parse too.
        var read = self.read
        read.jobs = settings.jobs
        let loaded = try ZoneReader.read(source, options: read)
        guard let zone = loaded.zone else {
            // A zone that does not parse cannot be validated: report why, exit 2.
            _ = try ZoneReader.readComplete(source, role: "zone", options: read)
            throw JobError("cannot validate \(source)")
        }
        var options = settings.options(anchors: anchors, zonemdOnly: zonemdOnly)
        var cache: VerificationCache?
        if let cacheFile, !zonemdOnly {
            do {
                let opened = try VerificationCache(path: cacheFile)
                options.verifiedSignatures = try opened.load(zone: zone.origin)
                options.recordsVerifiedSignatures = true
                cache = opened
            } catch {
                throw JobError("\(error)")
            }
        }
        let result = DNSSECValidator(options: options).validate(zone)
        if let cache {
            do {
                try cache.save(zone: zone.origin, report: result)
            } catch {
                throw JobError("\(error)")
            }
        }
        var findings = result.findings
        findings.append(contentsOf: loaded.findings.filter { $0.level != .note })
        var valid: Bool
        if zonemdOnly {
            if case .verified = result.summary.zonemd { valid = true } else { valid = false }
        } else {
            valid = result.isValid
            // A zone without a DNSKEY RRset carries no DNSSEC proof, so it
            // cannot be "valid": a cron job must not read exit 0 after the
            // signatures were stripped (ldns-verify-zone, dnssec-verify and
            // kzonecheck -d on fail such a zone too). --zonemd-only is the
            // check for zones that publish a digest without DNSSEC.
            if case .unsigned = result.summary.trust {
                valid = false
                for index in findings.indices where findings[index].rule == "dnssec.unsigned" {
                    findings[index].severity = .high
                    findings[index].message = "\(zone.origin) has no DNSKEY RRset: the zone is not signed, so there is "
                        + "no DNSSEC proof to validate (for a zone that publishes only a ZONEMD, use --zonemd-only)"
                }
            }
        }
        let report = Report.make(
            command: "dnssec-verify",
            zones: [ZoneReport(origin: zone.origin, source: loaded.source, serialAfter: zone.soa?.serial,
                               seal: nil, recordsAfter: zone.recordCount)],
            banners: DNSSECVerifyJob.banners(result.summary, zonemdOnly: zonemdOnly),
            findings: findings)
        return JobResult(report: report, status: valid ? .clean : .findings,
                         figures: zonemdOnly ? nil : DNSSECVerifyJob.figures(result.summary, cached: cache != nil))
    }

    /// One line on how the keys came to be trusted, what was checked, and the earliest expiry.
    static func banners(_ summary: DNSSECSummary, zonemdOnly: Bool) -> [String] {
        var lines: [String] = []
        switch summary.trust {
        case .broken:
            lines.append("No trust anchor leads to a validly signed DNSKEY set.")
        case .unsigned where !zonemdOnly:
            lines.append("The zone is not signed (no DNSKEY at the apex).")
        default:
            break
        }
        return lines
    }

    /// One line of figures for a person: signatures verified, algorithms, earliest
    /// expiry; with a verification cache, how many of the verified came from it.
    public static func figures(_ summary: DNSSECSummary, cached: Bool = false) -> String? {
        guard summary.signatures > 0 else { return nil }
        var lines: [String] = []
        do {
            var line = "\(summary.signaturesVerified) of \(summary.signatures) signatures verified"
            if cached { line += " (\(summary.signaturesCached) from the cache)" }
            line += " (\(summary.algorithmNames.joined(separator: ", ")))"
            if let earliest = summary.earliestExpiration {
                line += "; earliest expiry \(earliest)"
                if let owner = summary.earliestExpirationOwner, let type = summary.earliestExpirationType {
                    line += " (\(owner) \(type))"
                }
            }
            lines.append(line + "; judged at \(summary.validationTime).")
        }
        return lines.first
    }
}
