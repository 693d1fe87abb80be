import ZoneModel

/// One server's part in a consistency check: its transfer, or why there is none.
public struct ServerOutcome: Sendable {
    public var server: ServerAddress
    public var result: Result<ZoneTransfer, TransferError>
}

public struct ServerConsistencyReport: Sendable {
    public var findings: [Finding]
    /// In the order the servers were given.
    public var outcomes: [ServerOutcome]

    /// The transfers that succeeded, in server order.
    public var transfers: [ZoneTransfer] {
        outcomes.compactMap { outcome in
            if case let .success(transfer) = outcome.result { return transfer }
            return nil
        }
    }
}

/// Transfers a zone from each of its servers and compares what they serve:
/// a secondary that was tampered with serves different data, often under
/// the same serial. Differences against the approved baseline are the
/// audit's diff; this compares the servers with each other, and uses the
/// baseline only to tell which side of a split is the approved one.
public enum ServerConsistencyChecker {
    public static func check(
        zone: DomainName, servers: [ServerAddress], tsig: TSIGKey? = nil, limits: TransferLimits = .default,
        baseline: Zone? = nil
    ) -> ServerConsistencyReport {
        var outcomes: [ServerOutcome] = []
        var findings: [Finding] = []
        for server in servers {
            do throws(TransferError) {
                let transfer = try AXFRClient.transfer(zone: zone, from: server, tsig: tsig, limits: limits)
                outcomes.append(ServerOutcome(server: server, result: .success(transfer)))
            } catch {
                outcomes.append(ServerOutcome(server: server, result: .failure(error)))
                findings.append(Finding(
                    rule: "server.unreachable", severity: .high,
                    message: "\(server) did not deliver \(zone): \(error)", zone: zone, owner: zone))
            }
        }
        var report = ServerConsistencyReport(findings: findings, outcomes: outcomes)
        report.findings.append(contentsOf: compare(report.transfers, zone: zone, baseline: baseline))
        return report
    }

    /// How many differing RRsets a finding lists in its message and records.
    static let listedDifferences = 10

    /// Compares transfers of one zone from several servers.
    public static func compare(_ transfers: [ZoneTransfer], zone: DomainName, baseline: Zone? = nil) -> [Finding] {
        guard transfers.count > 1 else { return [] }
        var findings: [Finding] = []

        let serials = Set(transfers.map(\.serial))
        if serials.count > 1 {
            let listing = transfers.map { "\($0.server) \($0.serial)" }.joined(separator: ", ")
            findings.append(Finding(
                rule: "server.serial-skew", severity: .medium,
                message: "the servers of \(zone) serve different SOA serials: \(listing)",
                zone: zone, owner: zone, type: .soa, after: transfers.map(\.soa)))
        }

        let contents = transfers.map { ZoneContent($0.records) }
        // The reference: the content the baseline has, else the one most servers
        // serve (the first such in server order on a tie).
        var groups: [(content: ZoneContent, members: [Int])] = []
        for (index, content) in contents.enumerated() {
            if let group = groups.firstIndex(where: { $0.content == content }) {
                groups[group].members.append(index)
            } else {
                groups.append((content, [index]))
            }
        }
        guard groups.count > 1 else { return findings }
        let baselineContent = baseline.map { ZoneContent(Array($0.records)) }
        let largest = groups.map(\.members.count).max() ?? 0
        let reference = groups.firstIndex { $0.content == baselineContent }
            ?? groups.firstIndex { $0.members.count == largest } ?? 0
        let referenceServers = groups[reference].members.map { "\(transfers[$0].server)" }.joined(separator: ", ")
        let referenceWhy = groups[reference].content == baselineContent ? "which match the baseline" : "the majority"

        for (groupIndex, group) in groups.enumerated() where groupIndex != reference {
            let difference = groups[reference].content.difference(to: group.content)
            for member in group.members {
                let transfer = transfers[member]
                let referenceSerial = transfers[groups[reference].members[0]].serial
                let sameSerial = transfer.serial == referenceSerial
                let shown = difference.keys.prefix(listedDifferences)
                let listing = shown.map { "\($0.owner) \($0.type)" }.joined(separator: ", ")
                    + (difference.keys.count > shown.count ? ", ..." : "")
                findings.append(Finding(
                    rule: "server.content-mismatch", severity: sameSerial ? .critical : .high,
                    message: "\(transfer.server) serves different data for \(zone) than \(referenceServers) (\(referenceWhy))"
                        + (sameSerial ? " under the same serial \(transfer.serial)" : " (serial \(transfer.serial), not \(referenceSerial))")
                        + ": \(difference.keys.count) RRset\(difference.keys.count == 1 ? "" : "s") differ: \(listing)",
                    zone: zone, owner: zone,
                    before: shown.flatMap { groups[reference].content.records(at: $0) },
                    after: shown.flatMap { group.content.records(at: $0) },
                    techniques: ["T1584.002"]))
            }
        }
        return findings
    }
}

/// A zone's data as a comparable value: RRsets keyed by owner and type, each
/// the set of canonical RDATA with the TTL. Order and name case do not matter.
struct ZoneContent: Equatable {
    struct Data: Equatable {
        var ttl: UInt32
        var rdata: Set<[UInt8]>
    }

    private(set) var rrsets: [RRsetKey: Data] = [:]
    private var records: [RRsetKey: [Record]] = [:]

    init(_ list: [Record]) {
        for record in list {
            let key = RRsetKey(owner: record.owner, type: record.type)
            rrsets[key, default: Data(ttl: record.ttl, rdata: [])].rdata.insert(record.canonicalRData)
            rrsets[key]!.ttl = min(rrsets[key]!.ttl, record.ttl)
            records[key, default: []].append(record)
        }
    }

    static func == (lhs: ZoneContent, rhs: ZoneContent) -> Bool { lhs.rrsets == rhs.rrsets }

    func records(at key: RRsetKey) -> [Record] { records[key] ?? [] }

    /// The RRsets that differ (added, removed or changed), in canonical order.
    func difference(to other: ZoneContent) -> (keys: [RRsetKey], count: Int) {
        var keys = Set<RRsetKey>()
        for (key, data) in rrsets where other.rrsets[key] != data { keys.insert(key) }
        for key in other.rrsets.keys where rrsets[key] == nil { keys.insert(key) }
        return (keys.sorted(), keys.count)
    }
}
