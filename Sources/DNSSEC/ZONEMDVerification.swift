import ZoneModel

/// What RFC 8976 section 4 concludes about one apex ZONEMD record.
public enum ZONEMDRecordOutcome: Sendable, Hashable {
    /// The digest matches the zone.
    case verified
    /// Supported scheme and algorithm, right length, but another digest.
    case digestMismatch(computed: [UInt8])
    /// The ZONEMD serial is not the SOA serial (step a).
    case serialMismatch(soaSerial: UInt32)
    /// Not a scheme zoneaudit implements; ignored, not an error (step b).
    case unsupportedScheme
    /// Not a hash algorithm zoneaudit implements; ignored (step c).
    case unsupportedHashAlgorithm
    /// Shorter than 12 octets or not the algorithm's length (step d).
    case badDigestLength(expected: Int)
    /// Another apex ZONEMD has the same scheme and hash algorithm, which
    /// RFC 8976 forbids; neither counts (ldns: ZONEMD_DOUBLE_OCCURRENCE).
    case duplicateSchemeAndHash
    /// RDATA too short to hold serial, scheme and algorithm.
    case malformed
    /// The zone has no single apex SOA to take the serial from (only for
    /// detached records; a zone's own ZONEMD set reports this as a status).
    case invalidSOA
}

/// One apex ZONEMD record and what became of it.
public struct ZONEMDRecordCheck: Sendable, Hashable {
    public var record: Record
    public var outcome: ZONEMDRecordOutcome

    public init(record: Record, outcome: ZONEMDRecordOutcome) {
        self.record = record
        self.outcome = outcome
    }
}

/// The verdict on a zone's digest.
public struct ZONEMDVerification: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// At least one apex ZONEMD with a supported scheme and algorithm matches.
        case verified
        /// The apex has no ZONEMD record.
        case noZONEMD
        /// The apex does not have exactly one SOA record.
        case invalidSOA
        /// ZONEMD records exist but none verifies; `checks` says why.
        case failed
    }

    public var status: Status
    /// One entry per apex ZONEMD record, in the zone's order.
    public var checks: [ZONEMDRecordCheck]

    public var isVerified: Bool { status == .verified }
}

/// RFC 8976 section 4 verification of a zone's own apex ZONEMD RRset.
///
/// Only the digest is judged here: a signed zone's ZONEMD RRSIG is the
/// DNSSEC validator's business, and a ZONEMD that verifies in an unsigned
/// zone proves integrity against accidents only.
public enum ZONEMDVerifier {
    public static func verify(_ zone: Zone) -> ZONEMDVerification {
        let soaRecords = zone.rrset(zone.origin, .soa)?.records ?? []
        guard let zonemdRecords = zone.rrset(zone.origin, .zonemd)?.records, !zonemdRecords.isEmpty else {
            return ZONEMDVerification(status: soaRecords.count == 1 ? .noZONEMD : .invalidSOA, checks: [])
        }
        guard soaRecords.count == 1, let soa = soaRecords[0].soa else {
            return ZONEMDVerification(status: .invalidSOA, checks: [])
        }

        var pairCounts: [UInt16: Int] = [:]
        for record in zonemdRecords {
            if let data = record.zonemd { pairCounts[UInt16(data.scheme) << 8 | UInt16(data.hashAlgorithm), default: 0] += 1 }
        }
        var computed: [ZONEMDHashAlgorithm: [UInt8]] = [:]
        var checks: [ZONEMDRecordCheck] = []
        for record in zonemdRecords {
            let outcome: ZONEMDRecordOutcome
            if let data = record.zonemd {
                outcome = judge(data, soaSerial: soa.serial,
                                duplicated: pairCounts[UInt16(data.scheme) << 8 | UInt16(data.hashAlgorithm)]! > 1) { hash in
                    if let known = computed[hash] { return known }
                    let digest = ZONEMDDigest.simple(zone, hash: hash)
                    computed[hash] = digest
                    return digest
                }
            } else {
                outcome = .malformed
            }
            checks.append(ZONEMDRecordCheck(record: record, outcome: outcome))
        }
        let verified = checks.contains { $0.outcome == .verified }
        return ZONEMDVerification(status: verified ? .verified : .failed, checks: checks)
    }

    /// Checks a detached ZONEMD record (one kept outside the zone, as a
    /// sealed baseline's is) against `zone`: the zone's SOA must be unique
    /// and carry the record's serial, and steps b to f apply. The zone's own
    /// apex ZONEMD records play no part (they are excluded from the digest).
    public static func check(detached zonemd: Record, against zone: Zone) -> ZONEMDRecordOutcome {
        guard let data = zonemd.zonemd else { return .malformed }
        let soaRecords = zone.rrset(zone.origin, .soa)?.records ?? []
        guard soaRecords.count == 1, let soa = soaRecords[0].soa else { return .invalidSOA }
        return judge(data, soaSerial: soa.serial, duplicated: false) { ZONEMDDigest.simple(zone, hash: $0) }
    }

    /// Steps a to f for one record; `digest` computes (once) the zone digest.
    static func judge(
        _ data: ZONEMDData, soaSerial: UInt32, duplicated: Bool,
        digest: (ZONEMDHashAlgorithm) -> [UInt8]
    ) -> ZONEMDRecordOutcome {
        guard data.serial == soaSerial else { return .serialMismatch(soaSerial: soaSerial) }
        guard ZONEMDScheme(rawValue: data.scheme) != nil else { return .unsupportedScheme }
        guard let hash = ZONEMDHashAlgorithm(rawValue: data.hashAlgorithm) else { return .unsupportedHashAlgorithm }
        // Duplicates only matter for pairs zoneaudit can check, as in ldns;
        // unsupported pairs are ignored whatever their number.
        if duplicated { return .duplicateSchemeAndHash }
        guard data.digest.count >= ZONEMDData.minimumDigestLength, data.digest.count == hash.digestLength else {
            return .badDigestLength(expected: hash.digestLength)
        }
        let computed = digest(hash)
        return constantTimeEqual(computed, data.digest) ? .verified : .digestMismatch(computed: computed)
    }

    /// Compares without an early exit, so timing tells nothing about where
    /// two digests differ.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
