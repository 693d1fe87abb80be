import ZoneModel

/// One approver whose signature holds: a trusted key, named by the
/// trusted-keys file, and the signed validity window.
public struct SealApprover: Sendable, Hashable {
    public var key: TrustedKey
    public var inception: SerialTime
    public var expiration: SerialTime
}

/// What became of one RRSIG in the seal.
public struct SealSignatureCheck: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case valid
        case expired
        case notYetValid
        /// Expiration not after inception.
        case invalidWindow
        /// Made by no key in the trusted-keys file (tag, algorithm and
        /// signer name match none).
        case untrustedKey
        /// Claims a trusted key but does not verify: forged or damaged.
        case badSignature(reason: String)
    }

    public var signature: Record
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var signer: DomainName
    public var inception: SerialTime
    public var expiration: SerialTime
    /// The trusted key that verified it (nil for untrusted or bad ones).
    public var key: TrustedKey?
    public var status: Status
}

/// The verdict on a sealed baseline.
public struct SealVerdict: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// Digest matches and at least `require` distinct trusted approvers
        /// signed it, each within its validity window.
        case valid
        /// No `<baseline>.seal` file.
        case missingSeal
        /// The seal file is not one SIMPLE/SHA-384 ZONEMD plus RRSIGs over it.
        case malformedSeal(reason: String)
        /// The baseline no longer hashes to the sealed digest.
        case digestMismatch
        /// The baseline is not the sealed zone: no or several SOAs, another
        /// serial, records outside the sealed origin, or it does not parse.
        case baselineMismatch(reason: String)
        /// A signature by a trusted key does not verify (fail closed).
        case badSignature(reason: String)
        /// Trusted signatures verify but all have expired.
        case expired
        /// Trusted signatures verify but none has begun.
        case notYetValid
        /// No signature by a trusted key.
        case untrusted
        /// Fewer distinct trusted approvers than required.
        case insufficientApprovers(found: Int, required: Int)
    }

    public var outcome: Outcome
    public var baselinePath: String
    public var sealPath: String
    /// The sealed zone (the seal's ZONEMD owner), when the seal was readable.
    public var zone: DomainName?
    /// The sealed SOA serial.
    public var serial: UInt32?
    /// Distinct trusted approvers whose signatures hold.
    public var approvers: [SealApprover]
    /// Every signature in the seal and what became of it.
    public var signatures: [SealSignatureCheck]
    /// The seal's comments (tool, time, approver names): not signed, shown as such.
    public var unsignedComments: [String]
    /// Validation time, seconds since 1970, for printing the windows.
    public var validationTime: Int64

    public var isValid: Bool { outcome == .valid }

    /// One line for a terminal or a report header.
    public var summary: String {
        let zoneText = zone.map { " for \($0)" } ?? ""
        let serialText = serial.map { " serial \($0)" } ?? ""
        switch outcome {
        case .valid:
            let who = approvers.map { approver in
                "\(approver.key.label), valid from \(date(approver.inception)) until \(date(approver.expiration))"
            }
            return "seal holds\(zoneText)\(serialText): sealed by \(who.joined(separator: "; "))"
        case .missingSeal: return "no seal: \(sealPath) does not exist"
        case let .malformedSeal(reason): return "seal invalid: \(sealPath): \(reason)"
        case .digestMismatch: return "seal invalid\(zoneText): \(baselinePath) does not match the sealed ZONEMD digest (the baseline was changed)"
        case let .baselineMismatch(reason): return "seal invalid\(zoneText): \(reason)"
        case let .badSignature(reason): return "seal invalid\(zoneText): \(reason)"
        case .expired: return "seal expired\(zoneText): \(windows(.expired))"
        case .notYetValid: return "seal not yet valid\(zoneText): \(windows(.notYetValid))"
        case .untrusted:
            let tags = signatures.map { "key \($0.keyTag) (\($0.signer))" }
            return "seal untrusted\(zoneText): no signature by a trusted key (signed by \(tags.isEmpty ? "nobody" : tags.joined(separator: ", ")))"
        case let .insufficientApprovers(found, required):
            return "seal untrusted\(zoneText): \(found) distinct trusted approver(s), \(required) required"
        }
    }

    /// Findings for reports: none when the seal holds, else one critical
    /// `baseline.seal-missing`, `baseline.untrusted` or `baseline.seal-invalid`.
    public var findings: [Finding] {
        let rule: RuleID
        switch outcome {
        case .valid: return []
        case .missingSeal: rule = "baseline.seal-missing"
        case .untrusted, .insufficientApprovers: rule = "baseline.untrusted"
        case .malformedSeal, .digestMismatch, .baselineMismatch, .badSignature, .expired, .notYetValid:
            rule = "baseline.seal-invalid"
        }
        return [Finding(
            rule: rule, severity: .critical,
            message: summary + "; the comparison is against an untrusted baseline",
            zone: zone, type: .zonemd,
            location: findingLocation)]
    }

    /// Where the finding points: at the seal's first signature that does not
    /// hold when the problem is a signature (the file opens with comments,
    /// which prove nothing), else at the top of the file concerned.
    private var findingLocation: SourceLocation {
        switch outcome {
        case .missingSeal:
            return SourceLocation(file: baselinePath, line: 1, column: 1)
        case .untrusted, .insufficientApprovers, .expired, .notYetValid, .badSignature:
            let failing = signatures.first { $0.status != .valid } ?? signatures.first
            if let location = failing?.signature.location, location.line > 0 { return location }
            return SourceLocation(file: sealPath, line: 1, column: 1)
        case .digestMismatch, .baselineMismatch:
            return SourceLocation(file: baselinePath, line: 1, column: 1)
        case .valid, .malformedSeal:
            return SourceLocation(file: sealPath, line: 1, column: 1)
        }
    }

    private func date(_ time: SerialTime) -> String {
        SerialTime.format(unixSeconds: time.unixSeconds(near: validationTime), separators: true)
    }

    private func windows(_ status: SealSignatureCheck.Status) -> String {
        let matching = signatures.filter { $0.status == status }
        return matching.map { check in
            "\(check.key?.label ?? "key \(check.keyTag)") valid \(date(check.inception)) to \(date(check.expiration))"
        }.joined(separator: "; ") + ", checked at \(SerialTime.format(unixSeconds: validationTime, separators: true))"
    }
}
