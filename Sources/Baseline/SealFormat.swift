import DNSSEC
import LDNS
import ZoneModel

/// The two files of a sealed baseline.
///
/// Baseline: the approved zone in canonical presentation form, one record
/// a line, fully qualified, the SOA first and then every other record in
/// RFC 4034 canonical order, under a header comment. Comments and layout
/// are not sealed; the records are.
///
/// Seal (`<baseline>.seal`), zone syntax too: one ZONEMD record (RFC 8976,
/// SIMPLE, SHA-384) at the zone apex over the baseline's records, and one
/// RRSIG over that ZONEMD per approver, signer name = the approver key's
/// owner. Comment lines name tool, sealing time and approvers; nothing in
/// a comment is signed or trusted.
public enum SealFormat {
    public static let sealSuffix = ".seal"
    public static let scheme = ZONEMDScheme.simple
    public static let hash = ZONEMDHashAlgorithm.sha384
    /// Seals are small; anything bigger is not one.
    public static let maximumSealSize = 1 << 20
    /// More approvers than this in one seal is not a seal zoneaudit made.
    public static let maximumSignatures = 64

    public static func sealPath(forBaseline path: String) -> String { path + sealSuffix }

    static func baselineText(_ zone: Zone, toolVersion: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(zone.recordCount * 64)
        let serial = zone.soa.map { " serial \($0.serial)" } ?? ""
        appendLine("; zoneaudit baseline of \(zone.origin)\(serial) (\(toolVersion))", to: &out)
        appendLine("; Canonical form: one record a line, SOA first, then RFC 4034 canonical order.", to: &out)
        appendLine("; Sealed by the .seal file beside it; change it only with `zoneaudit baseline seal`.", to: &out)
        let soa = zone.rrset(zone.origin, .soa)?.records ?? []
        for record in soa { appendRecord(record, to: &out) }
        for rrset in zone.rrsets where !(rrset.type == .soa && rrset.owner == zone.origin) {
            for record in rrset.records { appendRecord(record, to: &out) }
        }
        return out
    }

    static func sealText(
        zonemd: Record, signatures: [Record], keys: [LDNSKeyPair],
        baselineName: String, toolVersion: String, sealedAt: Int64
    ) -> [UInt8] {
        var out: [UInt8] = []
        appendLine("; zoneaudit baseline seal: RFC 8976 ZONEMD (SIMPLE, SHA-384) over \(baselineName),", to: &out)
        appendLine("; with one RRSIG over the ZONEMD per approver.", to: &out)
        appendLine("; These comments are NOT signed and prove nothing.", to: &out)
        appendLine("; tool: \(toolVersion)", to: &out)
        appendLine("; sealed-at: \(SerialTime.format(unixSeconds: sealedAt, separators: true))", to: &out)
        for key in keys {
            appendLine("; approver: key \(key.keyTag) \(key.algorithm) \(key.owner.lowercased)", to: &out)
        }
        appendRecord(zonemd, to: &out)
        for signature in signatures { appendRecord(signature, to: &out) }
        return out
    }

    /// The comment lines of a seal, without the leading `;`.
    static func comments(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingWhitespace
            guard trimmed.hasPrefix(";") else { return nil }
            return String(trimmed.dropFirst()).trimmingWhitespace
        }
    }

    /// The ZONEMD and RRSIGs of a seal, or why the records are not a seal.
    static func parseSeal(_ records: [Record]) -> Result<(zonemd: Record, signatures: [Record]), SealFormatError> {
        let zonemds = records.filter { $0.type == .zonemd }
        guard zonemds.count == 1, let zonemd = zonemds.first else {
            return .failure(SealFormatError("expected exactly one ZONEMD record, found \(zonemds.count)"))
        }
        guard let data = zonemd.zonemd else { return .failure(SealFormatError("the ZONEMD RDATA is malformed")) }
        guard data.scheme == scheme.rawValue, data.hashAlgorithm == hash.rawValue else {
            return .failure(SealFormatError("the ZONEMD is scheme \(data.scheme) hash \(data.hashAlgorithm), not SIMPLE/SHA-384"))
        }
        guard data.digest.count == hash.digestLength else {
            return .failure(SealFormatError("the ZONEMD digest has \(data.digest.count) octets, not \(hash.digestLength)"))
        }
        var signatures: [Record] = []
        for record in records where record.type != .zonemd {
            guard record.type == .rrsig, let rrsig = record.rrsig else {
                return .failure(SealFormatError("unexpected \(record.type) record at \(record.owner)"))
            }
            guard record.owner == zonemd.owner, record.rrClass == zonemd.rrClass, rrsig.typeCovered == .zonemd,
                  Int(rrsig.labels) == zonemd.owner.labelCount else {
                return .failure(SealFormatError("an RRSIG at \(record.owner) is not a signature over the sealed ZONEMD"))
            }
            signatures.append(record)
        }
        guard signatures.count <= maximumSignatures else {
            return .failure(SealFormatError("\(signatures.count) signatures; at most \(maximumSignatures)"))
        }
        return .success((zonemd, signatures))
    }

    private static func appendLine(_ line: String, to out: inout [UInt8]) {
        out.append(contentsOf: line.utf8)
        out.append(10)
    }

    private static func appendRecord(_ record: Record, to out: inout [UInt8]) {
        record.appendPresentation(to: &out)
        out.append(10)
    }
}

struct SealFormatError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
