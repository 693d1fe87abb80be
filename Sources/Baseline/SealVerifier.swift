import DNSSEC
import Foundation
import LDNS
import ZoneModel

/// Checks a sealed baseline: the seal's ZONEMD against the baseline's
/// records (zoneaudit's own SHA-384), each RRSIG against the trusted keys
/// (ldns's time-free signature check), and each validity window at the
/// validation time (zoneaudit's own RFC 4034 serial arithmetic).
public struct SealVerifier: Sendable {
    /// Parses the baseline and the seal (zoneaudit's zone parser).
    public var readRecords: RecordFileReader

    public init(readRecords: @escaping RecordFileReader) {
        self.readRecords = readRecords
    }

    /// Verifies `baselinePath` and `baselinePath.seal`.
    ///
    /// `require` distinct trusted keys must have valid signatures (the
    /// same key twice counts once; values below 1 mean 1). A signature that
    /// claims a trusted key but does not verify makes the seal invalid even
    /// when others hold. Throws only when the baseline itself cannot be
    /// read; everything else is a verdict.
    public func verify(
        baselinePath: String, trustedKeys: TrustedKeys, require: Int = 1, at time: Date
    ) throws(BaselineError) -> SealVerdict {
        let sealPath = SealFormat.sealPath(forBaseline: baselinePath)
        let now = Int64(time.timeIntervalSince1970.rounded(.down))
        var verdict = SealVerdict(
            outcome: .missingSeal, baselinePath: baselinePath, sealPath: sealPath, zone: nil, serial: nil,
            approvers: [], signatures: [], unsignedComments: [], validationTime: now)

        guard BaselineFile.exists(baselinePath) else {
            throw .cannotRead(path: baselinePath, reason: "no such file")
        }
        guard BaselineFile.exists(sealPath) else { return verdict }

        // The seal.
        let sealText = try BaselineFile.read(sealPath, limit: SealFormat.maximumSealSize)
        verdict.unsignedComments = SealFormat.comments(String(decoding: sealText, as: UTF8.self))
        let sealRecords: [Record]
        do {
            sealRecords = try readRecords(sealPath, nil)
        } catch {
            verdict.outcome = .malformedSeal(reason: "does not parse: \(error)")
            return verdict
        }
        let parsed: (zonemd: Record, signatures: [Record])
        switch SealFormat.parseSeal(sealRecords) {
        case let .success(seal): parsed = seal
        case let .failure(error):
            verdict.outcome = .malformedSeal(reason: error.reason)
            return verdict
        }
        let origin = parsed.zonemd.owner
        verdict.zone = origin
        verdict.serial = parsed.zonemd.zonemd?.serial

        // The baseline, as the zone the seal names.
        let baselineRecords: [Record]
        do {
            baselineRecords = try readRecords(baselinePath, origin)
        } catch {
            verdict.outcome = .baselineMismatch(reason: "\(baselinePath) does not parse: \(error)")
            return verdict
        }
        var builder = ZoneBuilder(origin: origin, rrClass: parsed.zonemd.rrClass)
        builder.append(contentsOf: baselineRecords)
        let (zone, buildFindings) = builder.build()
        // The sealer writes only the zone's own records; anything the zone
        // builder had to drop was added afterwards and is not sealed.
        if let stray = buildFindings.first(where: { $0.rule == "zone.out-of-zone" || $0.rule == "zone.class-mismatch" }) {
            verdict.outcome = .baselineMismatch(reason: "\(baselinePath) holds records the seal does not cover: \(stray.message)")
            return verdict
        }

        switch ZONEMDVerifier.check(detached: parsed.zonemd, against: zone) {
        case .verified: break
        case .digestMismatch:
            verdict.outcome = .digestMismatch
            return verdict
        case .invalidSOA:
            verdict.outcome = .baselineMismatch(reason: "\(baselinePath) has no single SOA record at \(origin)")
            return verdict
        case let .serialMismatch(soaSerial):
            verdict.outcome = .baselineMismatch(
                reason: "\(baselinePath) has SOA serial \(soaSerial), the seal is for serial \(verdict.serial ?? 0)")
            return verdict
        case .unsupportedScheme, .unsupportedHashAlgorithm, .badDigestLength, .duplicateSchemeAndHash, .malformed:
            verdict.outcome = .malformedSeal(reason: "the ZONEMD record is not a SIMPLE/SHA-384 digest")
            return verdict
        }

        // The signatures.
        let nowSerial = SerialTime(unixSeconds: now)
        verdict.signatures = parsed.signatures.compactMap { signature in
            check(signature, over: parsed.zonemd, trustedKeys: trustedKeys, at: nowSerial)
        }
        var approvers: [SealApprover] = []
        var counted = Set<KeyIdentity>()
        for check in verdict.signatures where check.status == .valid {
            guard let key = check.key, counted.insert(key.identity).inserted else { continue }
            approvers.append(SealApprover(key: key, inception: check.inception, expiration: check.expiration))
        }
        verdict.approvers = approvers
        verdict.outcome = SealVerifier.outcome(verdict.signatures, approvers: approvers.count, require: max(1, require))
        return verdict
    }

    /// Judges one RRSIG (already known to cover the sealed ZONEMD).
    func check(_ signature: Record, over zonemd: Record, trustedKeys: TrustedKeys, at now: SerialTime) -> SealSignatureCheck? {
        guard let data = signature.rrsig else { return nil }
        var result = SealSignatureCheck(
            signature: signature, keyTag: data.keyTag, algorithm: data.algorithm, signer: data.signerName,
            inception: SerialTime(data.inception), expiration: SerialTime(data.expiration),
            key: nil, status: .untrustedKey)
        let candidates = trustedKeys.candidates(keyTag: data.keyTag, algorithm: data.algorithm, signer: data.signerName)
        guard !candidates.isEmpty else { return result }
        var failure = ""
        for key in candidates {
            do {
                try LDNSSignatureCheck.verify([zonemd], signature: signature, key: key.dnskey)
            } catch {
                failure = error.message
                continue
            }
            result.key = key
            switch ValidityJudgement.judge(inception: result.inception, expiration: result.expiration, at: now) {
            case .valid: result.status = .valid
            case .expired: result.status = .expired
            case .notYetValid: result.status = .notYetValid
            case .invalidWindow: result.status = .invalidWindow
            }
            return result
        }
        result.status = .badSignature(reason: "signature by key \(data.keyTag) (\(data.signerName)) does not verify: \(failure)")
        return result
    }

    /// The verdict from the signature checks, failing closed.
    static func outcome(_ checks: [SealSignatureCheck], approvers: Int, require: Int) -> SealVerdict.Outcome {
        for check in checks {
            if case let .badSignature(reason) = check.status { return .badSignature(reason: reason) }
            if check.status == .invalidWindow {
                return .badSignature(reason: "signature by key \(check.keyTag) expires before its inception")
            }
        }
        if approvers >= require { return .valid }
        if approvers > 0 { return .insufficientApprovers(found: approvers, required: require) }
        if checks.contains(where: { $0.status == .expired }) { return .expired }
        if checks.contains(where: { $0.status == .notYetValid }) { return .notYetValid }
        return .untrusted
    }
}
