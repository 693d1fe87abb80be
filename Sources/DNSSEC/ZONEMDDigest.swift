import Crypto
import ZoneModel

/// The RFC 8976 SIMPLE-scheme digest of a zone (section 3.3).
///
/// Every record of the zone is fed to the hash in canonical form (RFC 4034
/// section 6.2: owner and the listed embedded names in lower case) and in
/// canonical order (section 6.3), duplicates once, one record at a time:
/// the wire form of the whole zone is never built. Included: everything at
/// or below the origin in the zone's class, glue and occluded data too
/// (section 3.3.1). Excluded: the apex ZONEMD RRset and the RRSIGs at the
/// apex that cover ZONEMD (section 3.1); a ZONEMD below the apex is data.
public enum ZONEMDDigest {
    /// The digest of `zone` with the given hash algorithm.
    public static func simple(_ zone: Zone, hash: ZONEMDHashAlgorithm) -> [UInt8] {
        switch hash {
        case .sha384:
            var hasher = SHA384()
            feed(zone, into: &hasher)
            return Array(hasher.finalize())
        case .sha512:
            var hasher = SHA512()
            feed(zone, into: &hasher)
            return Array(hasher.finalize())
        }
    }

    /// A ZONEMD record for `zone`: apex owner, SOA serial, SIMPLE scheme.
    /// Returns nil when the zone has no SOA at its apex (there is no serial
    /// to bind the digest to).
    public static func record(for zone: Zone, hash: ZONEMDHashAlgorithm = .sha384, ttl: UInt32? = nil) -> Record? {
        guard let soaRecord = zone.rrset(zone.origin, .soa)?.records.first, let soa = soaRecord.soa else { return nil }
        var rdata: [UInt8] = []
        rdata.reserveCapacity(6 + hash.digestLength)
        rdata.appendUInt32(soa.serial)
        rdata.append(ZONEMDScheme.simple.rawValue)
        rdata.append(hash.rawValue)
        rdata.append(contentsOf: simple(zone, hash: hash))
        return Record(owner: zone.origin, type: .zonemd, rrClass: zone.rrClass, ttl: ttl ?? soaRecord.ttl, rdata: rdata)
    }

    /// True when the SIMPLE scheme leaves `record` out of `zone`'s digest.
    public static func isExcluded(_ record: Record, from zone: Zone) -> Bool {
        guard record.rrClass == zone.rrClass, record.owner.isSubdomain(of: zone.origin) else { return true }
        guard record.owner == zone.origin else { return false }
        return record.type == .zonemd || (record.type == .rrsig && record.coveredType == .zonemd)
    }

    /// Streams the digest input of `zone` into `hasher`.
    public static func feed<Hasher: HashFunction>(_ zone: Zone, into hasher: inout Hasher) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        var entries: [(rdata: [UInt8], ttl: UInt32, type: RRType, rrClass: RRClass)] = []
        for rrset in zone.rrsets {
            guard rrset.owner.isSubdomain(of: zone.origin) else { continue }
            let atApex = rrset.owner == zone.origin
            if atApex && rrset.type == .zonemd { continue }
            entries.removeAll(keepingCapacity: true)
            for record in rrset.records {
                guard record.rrClass == zone.rrClass else { continue }
                if atApex && record.type == .rrsig && record.coveredType == .zonemd { continue }
                entries.append((record.canonicalRData, record.ttl, record.type, record.rrClass))
            }
            // The zone builder hands RRsets over sorted; a Zone made by hand
            // may not be, and the digest must not depend on that.
            if !isSorted(entries) {
                entries.sort { $0.rdata.lexicographicallyPrecedes($1.rdata) }
            }
            let owner = rrset.owner.lowercased.wire
            var previous: [UInt8]?
            for entry in entries {
                if let previous, previous == entry.rdata { continue }
                previous = entry.rdata
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: owner)
                buffer.appendUInt16(entry.type.rawValue)
                buffer.appendUInt16(entry.rrClass.rawValue)
                buffer.appendUInt32(entry.ttl)
                buffer.appendUInt16(UInt16(truncatingIfNeeded: entry.rdata.count))
                buffer.append(contentsOf: entry.rdata)
                buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            }
        }
    }

    private static func isSorted(_ entries: [(rdata: [UInt8], ttl: UInt32, type: RRType, rrClass: RRClass)]) -> Bool {
        var index = 1
        while index < entries.count {
            if entries[index].rdata.lexicographicallyPrecedes(entries[index - 1].rdata) { return false }
            index += 1
        }
        return true
    }
}
