import DNSSEC
import Foundation
import LDNS
import ZoneModel

/// What `BaselineSealer.seal` wrote.
public struct SealResult: Sendable {
    public var baselinePath: String
    public var sealPath: String
    /// The seal's ZONEMD (SIMPLE, SHA-384) over the baseline.
    public var zonemd: Record
    /// One RRSIG over the ZONEMD per distinct approver key.
    public var signatures: [Record]
    public var inception: SerialTime
    public var expiration: SerialTime
}

/// Writes a sealed baseline: the zone in canonical form, and beside it the
/// seal, a ZONEMD over the zone signed by every approver key.
public enum BaselineSealer {
    /// Signatures start this long before `now`, so a verifier whose clock
    /// is a little behind the sealer's does not see a seal from the future.
    public static let clockSkewAllowance: Int64 = 3600

    /// Seals `zone` into `outputPath` (the baseline) and `outputPath.seal`.
    ///
    /// The ZONEMD follows RFC 8976 on the zone as given: a signed zone's
    /// own apex ZONEMD RRset and the RRSIGs over it are not covered (they
    /// are written to the baseline but can change without breaking the
    /// seal); every other record is. Each distinct key signs once, with
    /// inception `now - clockSkewAllowance` and expiration `now + validity`
    /// (at most 68 years: RFC 4034 serial times). Both files are written
    /// atomically, the baseline first; an existing baseline or seal is
    /// replaced only with `force`.
    public static func seal(
        zone: Zone, keys: [LDNSKeyPair], validity: Duration, now: Date,
        outputPath: String, force: Bool = false, toolVersion: String = "zoneaudit"
    ) throws(BaselineError) -> SealResult {
        guard !keys.isEmpty else { throw .noKeys }
        let seconds = validity.components.seconds
        guard seconds > 0 else { throw .invalidValidity("must be positive") }
        guard seconds <= Int64(Int32.max) - clockSkewAllowance else {
            throw .invalidValidity("RRSIG times cannot express more than 68 years")
        }
        guard zone.rrset(zone.origin, .soa)?.records.count == 1,
              let zonemd = ZONEMDDigest.record(for: zone, hash: SealFormat.hash) else { throw .zoneWithoutSOA }

        let sealPath = SealFormat.sealPath(forBaseline: outputPath)
        if !force {
            if BaselineFile.exists(outputPath) { throw .baselineExists(path: outputPath) }
            if BaselineFile.exists(sealPath) { throw .sealExists(path: sealPath) }
        }

        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let inception = SerialTime(unixSeconds: nowSeconds - clockSkewAllowance)
        let expiration = SerialTime(unixSeconds: nowSeconds + seconds)

        var seen = Set<KeyIdentity>()
        let distinctKeys = keys.filter { seen.insert(KeyIdentity(owner: $0.owner, rdata: $0.dnskey.rdata)).inserted }
        var signatures: [Record] = []
        for key in distinctKeys {
            do {
                let signature = try key.sign([zonemd], inception: inception.rawValue, expiration: expiration.rawValue)
                // A signature that does not verify must never reach a seal.
                try LDNSSignatureCheck.verify([zonemd], signature: signature, key: key.dnskey)
                signatures.append(signature)
            } catch {
                throw .signing(error)
            }
        }

        let baselineName = outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        let baseline = SealFormat.baselineText(zone, toolVersion: toolVersion)
        let seal = SealFormat.sealText(
            zonemd: zonemd, signatures: signatures, keys: distinctKeys,
            baselineName: baselineName, toolVersion: toolVersion, sealedAt: nowSeconds)
        // Baseline first: a crash between the two leaves a seal that no
        // longer matches, which verification rejects (fail closed).
        try BaselineFile.write(baseline, to: outputPath, replace: force)
        try BaselineFile.write(seal, to: sealPath, replace: force)
        return SealResult(
            baselinePath: outputPath, sealPath: sealPath, zonemd: zonemd, signatures: signatures,
            inception: inception, expiration: expiration)
    }
}
