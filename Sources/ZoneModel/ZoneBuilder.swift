/// Groups parsed records into a `Zone`: sorts them canonically, drops exact
/// duplicates (RFC 2181 section 5), and reports what it had to decide.
public struct ZoneBuilder: Sendable {
    public let origin: DomainName
    public let rrClass: RRClass
    public private(set) var records: [Record] = []

    public init(origin: DomainName, rrClass: RRClass = .in) {
        self.origin = origin
        self.rrClass = rrClass
    }

    public mutating func reserveCapacity(_ count: Int) { records.reserveCapacity(count) }

    public mutating func append(_ record: Record) { records.append(record) }

    public mutating func append(contentsOf more: some Sequence<Record>) { records.append(contentsOf: more) }

    /// Builds the zone. Findings: `zone.out-of-zone` (warning, record ignored),
    /// `zone.class-mismatch` (error, ignored), `zone.duplicate-record`
    /// (warning, dropped), `zone.ttl-mismatch` (warning).
    public consuming func build() -> (zone: Zone, findings: [Finding]) {
        var findings: [Finding] = []
        var kept: [Record] = []
        kept.reserveCapacity(records.count)
        for record in records {
            if record.rrClass != rrClass {
                findings.append(Finding(
                    rule: "zone.class-mismatch", severity: .high,
                    message: "record class \(record.rrClass) differs from the zone class \(rrClass); ignored",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                continue
            }
            guard record.owner.isSubdomain(of: origin) else {
                findings.append(Finding(
                    rule: "zone.out-of-zone", severity: .medium,
                    message: "\(record.owner) is outside the zone \(origin); ignored",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                continue
            }
            kept.append(record)
        }
        records = []

        // Sort by owner (canonical), then type, then canonical RDATA; stable, so
        // the first of two duplicates in file order survives.
        let order = ZoneBuilder.sortOrder(kept)

        var rrsets: [RRset] = []
        var current: [Record] = []
        var currentCanonical: [[UInt8]] = []
        func flush() {
            guard let first = current.first else { return }
            if first.type != .rrsig, let other = current.first(where: { $0.ttl != first.ttl }) {
                findings.append(Finding(
                    rule: "zone.ttl-mismatch", severity: .low,
                    message: "TTLs differ inside the \(first.type) RRset at \(first.owner) (\(first.ttl) and \(other.ttl))",
                    zone: origin, owner: first.owner, type: first.type, location: other.location ?? first.location))
            }
            rrsets.append(RRset(owner: first.owner, type: first.type, rrClass: rrClass, records: current))
            current = []
            currentCanonical = []
        }
        for position in order {
            let record = kept[position]
            if let first = current.first, first.type != record.type || first.owner != record.owner {
                flush()
            }
            let canonical = record.canonicalRData
            if let last = currentCanonical.last, last == canonical {
                findings.append(Finding(
                    rule: "zone.duplicate-record", severity: .low,
                    message: "duplicate \(record.type) record at \(record.owner) removed",
                    zone: origin, owner: record.owner, type: record.type, location: record.location))
                continue
            }
            current.append(record)
            currentCanonical.append(canonical)
        }
        flush()
        return (Zone(origin: origin, rrClass: rrClass, sortedRRsets: rrsets), findings)
    }

    /// Indices of `records` in canonical order (stable).
    static func sortOrder(_ records: [Record]) -> [Int] {
        var order = Array(records.indices)
        order.sort { leftIndex, rightIndex in
            let left = records[leftIndex], right = records[rightIndex]
            let names = DomainName.canonicalCompare(left.owner, right.owner)
            if names != 0 { return names < 0 }
            if left.type != right.type { return left.type < right.type }
            let leftData = left.canonicalRData, rightData = right.canonicalRData
            if leftData != rightData { return leftData.lexicographicallyPrecedes(rightData) }
            return leftIndex < rightIndex
        }
        return order
    }
}
