import LDNS
import ZoneModel

/// The result of asking a zone's parent servers about its delegation.
public struct DelegationCheck: Sendable {
    public var findings: [Finding]
    /// What each parent server that answered said.
    public var delegations: [ParentDelegation]
    /// The servers that could not be asked (each also a `server.unreachable` finding).
    public var failures: [TransferError]
    /// The DS records every answering parent server publishes: the trust
    /// anchor `--anchor-from-parent` uses. A DS only some servers show is
    /// left out, so one tampered server cannot add an anchor.
    public var parentDS: [Record]
}

/// Every parent server failed (or none was given): nothing could be compared.
public struct DelegationCheckError: Error, Sendable, CustomStringConvertible {
    public var zone: DomainName
    public var failures: [TransferError]

    public var description: String {
        failures.isEmpty
            ? "no parent server given for \(zone)"
            : "no parent server of \(zone) could be asked: " + failures.map(\.description).joined(separator: "; ")
    }
}

/// Compares a zone's delegation, as its parent's authoritative servers
/// publish it, with the zone's approved apex NS, glue and DNSKEYs. A registrar
/// or registry hijack (T1584.002) changes exactly this, outside the zone file.
public enum DelegationChecker {
    static let techniques = ["T1584.002"]

    /// Asks every parent server (non-recursively) and compares each answer.
    public static func check(
        zone: DomainName, parentServers: [ServerAddress], baselineApexNS: [Record], baselineDNSKEYs: [Record],
        baselineGlue: [Record] = [], expectedDS: [Record]? = nil, tsig: TSIGKey? = nil, timeout: Duration = .seconds(10)
    ) throws(DelegationCheckError) -> DelegationCheck {
        try check(
            baseline: DelegationBaseline(zone: zone, apexNS: baselineApexNS, dnskeys: baselineDNSKEYs,
                                         glue: baselineGlue, expectedDS: expectedDS),
            parentServers: parentServers, tsig: tsig, timeout: timeout)
    }

    public static func check(
        baseline: DelegationBaseline, parentServers: [ServerAddress], tsig: TSIGKey? = nil,
        timeout: Duration = .seconds(10)
    ) throws(DelegationCheckError) -> DelegationCheck {
        var findings: [Finding] = []
        var delegations: [ParentDelegation] = []
        var failures: [TransferError] = []
        for server in parentServers {
            do throws(TransferError) {
                let delegation = try query(zone: baseline.zone, parentServer: server, tsig: tsig, timeout: timeout)
                delegations.append(delegation)
                findings.append(contentsOf: compare(delegation, with: baseline))
            } catch {
                failures.append(error)
                findings.append(Finding(
                    rule: "server.unreachable", severity: .high,
                    message: "parent server \(server) could not be asked about \(baseline.zone): \(error)",
                    zone: baseline.zone, owner: baseline.zone))
            }
        }
        guard !delegations.isEmpty else { throw DelegationCheckError(zone: baseline.zone, failures: failures) }
        return DelegationCheck(findings: findings, delegations: delegations, failures: failures,
                               parentDS: commonDS(delegations))
    }

    /// Asks one parent server for the zone's NS (expecting a referral) and DS.
    public static func query(
        zone: DomainName, parentServer server: ServerAddress, tsig: TSIGKey? = nil, timeout: Duration = .seconds(10)
    ) throws(TransferError) -> ParentDelegation {
        func unexpected(_ type: RRType, _ reason: String) -> TransferError {
            TransferError(.unexpectedAnswer(reason), server: server, zone: zone, operation: type.mnemonic)
        }
        let referral = try DNSQueryClient.query(zone, .ns, server: server, tsig: tsig, timeout: timeout)
        var ns: [Record] = []
        var glue: [Record] = []
        let answerNS = referral.answer.filter { $0.type == .ns && $0.owner == zone }
        let authorityNS = referral.authority.filter { $0.type == .ns }
        if referral.rcode == 3 {
            // NXDOMAIN: the parent does not know the name at all.
        } else if !answerNS.isEmpty {
            throw unexpected(.ns, "\(server) answers for \(zone) authoritatively: it serves the zone itself; "
                             + "ask a server of the parent zone that does not")
        } else if let cut = authorityNS.first?.owner, cut == zone {
            ns = authorityNS.filter { $0.owner == zone }
            let targets = Set(ns.compactMap(\.nameTarget))
            glue = referral.additional.filter { ($0.type == .a || $0.type == .aaaa) && targets.contains($0.owner) }
        } else if let cut = authorityNS.first?.owner {
            throw unexpected(.ns, "\(server) refers the question to \(cut): it is not authoritative for the parent of \(zone)")
        } else if !referral.isAuthoritative {
            throw unexpected(.ns, "\(server) gave neither a referral nor an authoritative answer")
        }
        // An authoritative empty answer (NODATA) leaves `ns` empty: not delegated.

        let dsAnswer = try DNSQueryClient.query(zone, .ds, server: server, tsig: tsig, timeout: timeout)
        var ds: [Record] = []
        if dsAnswer.rcode == 0 {
            ds = dsAnswer.answer.filter { $0.type == .ds && $0.owner == zone }
            if ds.isEmpty && !dsAnswer.isAuthoritative {
                throw unexpected(.ds, "\(server) answered the DS question with a referral; the parent's servers answer it themselves")
            }
        }
        return ParentDelegation(server: server, zone: zone, ns: ns, glue: glue, ds: ds)
    }

    /// The findings for one parent server's view against the baseline.
    public static func compare(_ delegation: ParentDelegation, with baseline: DelegationBaseline) -> [Finding] {
        var findings: [Finding] = []
        let zone = baseline.zone
        let server = delegation.server
        let zoneTargets = Set(baseline.apexNS.compactMap(\.nameTarget))
        let parentTargets = Set(delegation.ns.compactMap(\.nameTarget))
        func names(_ set: Set<DomainName>) -> String {
            set.isEmpty ? "none" : set.sorted().map(\.presentation).joined(separator: ", ")
        }

        if !delegation.isDelegated {
            findings.append(Finding(
                rule: "delegation.parent-ns-mismatch", severity: .critical,
                message: "parent server \(server) does not delegate \(zone); the zone lists \(names(zoneTargets))",
                zone: zone, owner: zone, type: .ns, before: baseline.apexNS, after: [], techniques: techniques))
        } else if parentTargets != zoneTargets {
            findings.append(Finding(
                rule: "delegation.parent-ns-mismatch", severity: .critical,
                message: "parent server \(server) delegates \(zone) to \(names(parentTargets)); the zone lists "
                    + "\(names(zoneTargets)) (only at the parent: \(names(parentTargets.subtracting(zoneTargets))); "
                    + "only in the zone: \(names(zoneTargets.subtracting(parentTargets))))",
                zone: zone, owner: zone, type: .ns, before: baseline.apexNS, after: delegation.ns, techniques: techniques))
        }

        // Glue: for each name the parent delegates to inside the zone, the
        // addresses the parent hands out must be the zone's own.
        for target in parentTargets.sorted() where target.isSubdomain(of: zone) {
            let atParent = delegation.glue.filter { $0.owner == target }
            let inZone = baseline.glue.filter { $0.owner == target }
            guard addressSet(atParent) != addressSet(inZone) else { continue }
            findings.append(Finding(
                rule: "delegation.parent-glue-mismatch", severity: .high,
                message: "parent server \(server) gives \(target) the glue \(addresses(atParent)); the zone says \(addresses(inZone))",
                zone: zone, owner: target, type: atParent.first?.type ?? inZone.first?.type ?? .a,
                before: inZone, after: atParent, techniques: techniques))
        }

        findings.append(contentsOf: compareDS(delegation, with: baseline))
        return findings
    }

    static func compareDS(_ delegation: ParentDelegation, with baseline: DelegationBaseline) -> [Finding] {
        var findings: [Finding] = []
        let zone = baseline.zone
        let server = delegation.server
        for ds in delegation.ds {
            guard let data = ds.ds else { continue }
            let label = "DS \(data.keyTag) \(data.algorithm) \(data.digestType)"
            guard LDNSDSDigest.supportedDigestTypes.contains(data.digestType) else {
                findings.append(Finding(
                    rule: "delegation.parent-ds-mismatch", severity: .low,
                    message: "parent server \(server) publishes \(label) for \(zone) with digest type \(data.digestType), which cannot be checked",
                    zone: zone, owner: zone, type: .ds, after: [ds], techniques: techniques))
                continue
            }
            let matches = baseline.dnskeys.contains { key in
                (try? LDNSDSDigest.ds(for: key, digestType: data.digestType))?.rdata == ds.rdata
            }
            if !matches {
                findings.append(Finding(
                    rule: "delegation.parent-ds-mismatch", severity: .critical,
                    message: "parent server \(server) publishes \(label) for \(zone), which matches no DNSKEY of the zone",
                    zone: zone, owner: zone, type: .ds, before: baseline.dnskeys, after: [ds], techniques: techniques))
            }
        }
        let published = Set(delegation.ds.map(\.rdata))
        if let expected = baseline.expectedDS {
            let removed = expected.filter { !published.contains($0.rdata) }
            if !removed.isEmpty {
                let tags = removed.compactMap(\.ds).map { "\($0.keyTag)" }.joined(separator: ", ")
                findings.append(Finding(
                    rule: "delegation.parent-ds-mismatch", severity: .high,
                    message: "parent server \(server) no longer publishes the DS for \(zone) with key tag \(tags)",
                    zone: zone, owner: zone, type: .ds, before: removed, after: delegation.ds, techniques: techniques))
            }
        } else if delegation.ds.isEmpty && !baseline.dnskeys.isEmpty && delegation.isDelegated {
            findings.append(Finding(
                rule: "delegation.parent-ds-mismatch", severity: .high,
                message: "parent server \(server) publishes no DS for \(zone), which is signed: validation of the zone is not anchored",
                zone: zone, owner: zone, type: .ds, before: baseline.dnskeys, after: [], techniques: techniques))
        }
        return findings
    }

    /// DS records (by RDATA) that every delegation carries, in the first one's order.
    static func commonDS(_ delegations: [ParentDelegation]) -> [Record] {
        guard let first = delegations.first else { return [] }
        let others = delegations.dropFirst().map { Set($0.ds.map(\.rdata)) }
        return first.ds.filter { ds in others.allSatisfy { $0.contains(ds.rdata) } }
    }

    private struct Address: Hashable {
        var type: RRType
        var rdata: [UInt8]
    }

    private static func addressSet(_ records: [Record]) -> Set<Address> {
        Set(records.map { Address(type: $0.type, rdata: $0.rdata) })
    }

    private static func addresses(_ records: [Record]) -> String {
        records.isEmpty ? "(none)" : records.map(\.rdataPresentation).sorted().joined(separator: ", ")
    }
}
