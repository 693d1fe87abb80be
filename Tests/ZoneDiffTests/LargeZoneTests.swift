import Testing
import ZoneDiff
import ZoneModel

/// A 50,002-RRset zone and a copy with about 1% of its RRsets touched, built
/// in memory. Checks the merge walk's result against a dictionary-based
/// recount; no timing is asserted.
@Suite struct LargeZoneTests {
    static let hosts = 48_000
    static let delegations = 1_000

    static func name(_ text: String) -> DomainName { try! DomainName(text) }

    static func zone(tampered: Bool) -> Zone {
        let origin = name("example.com.")
        var builder = ZoneBuilder(origin: origin)
        builder.reserveCapacity(hosts + 3 * delegations + 3)
        func add(_ owner: DomainName, _ type: RRType, _ rdata: [UInt8], ttl: UInt32 = 3600) {
            builder.append(Record(owner: owner, type: type, ttl: ttl, rdata: rdata))
        }
        var soa = name("ns1.example.net.").wire + name("hostmaster.example.com.").wire
        soa.appendUInt32(tampered ? 2 : 1)
        for value: UInt32 in [7200, 3600, 1_209_600, 300] { soa.appendUInt32(value) }
        add(origin, .soa, soa)
        add(origin, .ns, name("ns1.example.net.").wire)
        add(origin, .ns, name("ns2.example.net.").wire)
        for index in 0..<hosts {
            if tampered && index % 1000 == 1 { continue }
            let owner = name("h\(index).example.com.")
            var address: [UInt8] = [10, UInt8(index >> 16), UInt8((index >> 8) & 0xFF), UInt8(index & 0xFF)]
            if tampered && index % 200 == 0 { address[0] = 172 }
            add(owner, .a, address, ttl: tampered && index % 1000 == 2 ? 1800 : 3600)
        }
        for index in 0..<delegations {
            let cut = name("d\(index).example.com.")
            add(cut, .ns, name("ns1.d\(index).example.com.").wire)
            let outside = tampered && index % 100 == 0 ? "ns.elsewhere.example." : "ns.provider.example."
            add(cut, .ns, name(outside).wire)
            add(name("ns1.d\(index).example.com."), .a, [192, 0, 2, UInt8(index % 256)])
        }
        if tampered {
            for index in 0..<100 { add(name("n\(index).example.com."), .a, [198, 51, 100, UInt8(index)]) }
        }
        return builder.build().zone
    }

    @Test func diffOfTwoLargeZones() {
        let baseline = LargeZoneTests.zone(tampered: false)
        let current = LargeZoneTests.zone(tampered: true)
        #expect(baseline.rrsets.count == 50_002)

        let result = ZoneDiffer.diff(baseline: baseline, current: current)
        #expect(result.baselineRRsetCount == 50_002)
        #expect(result.currentRRsetCount == 50_002 - 48 + 100)

        var counts: [String: Int] = [:]
        for finding in result.findings { counts[finding.rule.rawValue, default: 0] += 1 }
        #expect(counts == [
            "record.changed": 240, "record.removed": 48, "record.added": 100, "record.ttl-changed": 48,
            "delegation.ns-changed": 10, "record.shadow-names": 1,
        ])
        #expect(result.changes.filter(\.isRoutineSerialChange).count == 1)
        let keys = result.changes.map { RRsetKey(owner: $0.owner, type: $0.type) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })

        // An independent recount with dictionaries (fine at this size).
        var old: [RRsetKey: RRset] = [:]
        for rrset in baseline.rrsets { old[rrset.key] = rrset }
        var expected: [RRsetChange.Kind: Int] = [:]
        for rrset in current.rrsets {
            guard let before = old.removeValue(forKey: rrset.key) else {
                expected[.added, default: 0] += 1
                continue
            }
            if before.canonicalRData != rrset.canonicalRData {
                expected[.changed, default: 0] += 1
            } else if before.records.map(\.ttl) != rrset.records.map(\.ttl) {
                expected[.ttlChanged, default: 0] += 1
            }
        }
        expected[.removed] = old.count
        var actual: [RRsetChange.Kind: Int] = [:]
        for change in result.changes { actual[change.kind, default: 0] += 1 }
        #expect(actual == expected)
    }
}
