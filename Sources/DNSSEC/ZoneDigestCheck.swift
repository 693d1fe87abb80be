import ZoneModel

/// ZONEMD (RFC 8976) as part of a validation: the apex ZONEMD RRset is judged
/// by `ZONEMDVerifier` (section 4: serial, scheme, hash algorithm, duplicate
/// pairs, digest length, digest) and each outcome becomes a `dnssec.zonemd-*`
/// finding. One matching digest verifies the zone; a second supported one
/// that does not match is then a warning rather than an error.
struct ZoneDigestCheck {
    let zone: Zone
    /// True for `--zonemd-only`: a missing or unusable ZONEMD is then a failure.
    let zonemdOnly: Bool

    func run(findings: inout FindingCollector) -> DNSSECSummary.ZONEMDStatus {
        let origin = zone.origin
        let present = zone.rrset(origin, .zonemd)?.records ?? []
        guard !present.isEmpty else {
            if zonemdOnly {
                findings.add(.zonemdMissing, "\(origin) has no ZONEMD record at the apex", owner: origin, type: .zonemd)
            }
            return .absent
        }
        let verification = ZONEMDVerifier.verify(zone)
        if verification.status == .invalidSOA {
            findings.add(.zonemdMismatch, "the zone has no single SOA at its apex, so no ZONEMD can be verified",
                         owner: origin, type: .zonemd, records: present)
            return .failed
        }
        let verified = verification.checks.compactMap { check -> DNSSECSummary.ZONEMDPair? in
            guard check.outcome == .verified, let data = check.record.zonemd else { return nil }
            return DNSSECSummary.ZONEMDPair(scheme: data.scheme, hashAlgorithm: data.hashAlgorithm)
        }
        // Problems with a record are errors unless another ZONEMD verified the zone.
        let severity: Severity? = verified.isEmpty ? nil : .medium
        var unsupported: [Record] = []
        for check in verification.checks {
            let record = check.record
            let data = record.zonemd
            let pair = data.map { "scheme \($0.scheme), hash algorithm \($0.hashAlgorithm)" } ?? ""
            switch check.outcome {
            case .verified:
                continue
            case .digestMismatch:
                findings.add(.zonemdMismatch, "ZONEMD digest (\(pair)) does not match the zone's content",
                             owner: origin, type: .zonemd, records: [record], severity: severity)
            case .serialMismatch(let soaSerial):
                findings.add(.zonemdSerialMismatch,
                             "ZONEMD (\(pair)) has serial \(data?.serial ?? 0); the SOA serial is \(soaSerial)",
                             owner: origin, type: .zonemd, records: [record], severity: severity)
            case .unsupportedScheme, .unsupportedHashAlgorithm:
                unsupported.append(record)
            case .badDigestLength(let expected):
                findings.add(.zonemdMalformed,
                             "ZONEMD (\(pair)) has a \(data?.digest.count ?? 0)-octet digest; it must be \(expected) (and never under 12)",
                             owner: origin, type: .zonemd, records: [record], severity: severity)
            case .duplicateSchemeAndHash:
                findings.add(.zonemdDuplicate,
                             "more than one ZONEMD has \(pair); RFC 8976 section 4 lets none of them count",
                             owner: origin, type: .zonemd, records: [record])
            default:
                // .malformed, and any outcome the verifier adds later: the
                // record could not be used.
                findings.add(.zonemdMalformed, "a ZONEMD record at \(origin) cannot be used (\(check.outcome))",
                             owner: origin, type: .zonemd, records: [record], severity: severity)
            }
        }
        if !verified.isEmpty { return .verified(verified) }
        guard unsupported.count == verification.checks.count else { return .failed }
        findings.add(.zonemdUnsupported,
                     "no ZONEMD at \(origin) has a supported scheme (1, SIMPLE) and hash algorithm (1, SHA-384; 2, SHA-512)",
                     owner: origin, type: .zonemd, records: unsupported, severity: zonemdOnly ? .high : nil)
        return .unsupported
    }
}
