@testable import DNSSEC
import LDNS
import Testing
import ZoneModel

/// NSEC3 records are untrusted input: a zone may give each one a salt of
/// its own. More sets than 16 bits can number are counted and reported
/// like two, on any number of threads.
struct NSEC3ParameterSetTests {
    static let origin = try! DomainName("example.")

    /// `count` NSEC3 records, each at its own hash label and with its own
    /// 4-octet salt, none with NSEC3PARAM's parameters (1 0 0 -).
    static func zone(count: Int) throws -> Zone {
        func record(_ owner: DomainName, _ type: RRType, _ rdata: [UInt8]) -> Record {
            Record(owner: owner, type: type, rrClass: .in, ttl: 300, rdata: rdata)
        }
        var soa = try DomainName("ns.example.").wire + DomainName("hostmaster.example.").wire
        for value: UInt32 in [1, 7200, 3600, 1_209_600, 300] { soa.appendUInt32(value) }
        var sets = [
            RRset(owner: origin, type: .soa, records: [record(origin, .soa, soa)]),
            RRset(owner: origin, type: .nsec3param, records: [record(origin, .nsec3param, [1, 0, 0, 0, 0])]),
        ]
        for index in 0..<count {
            // Hashes in increasing order make labels in increasing order (base32hex keeps it).
            var hash = [UInt8](repeating: 0, count: 16)
            hash.appendUInt32(UInt32(index))
            let owner = try DomainName(LDNSNSEC3Hash.encodeBase32Hex(hash) + ".example.")
            var rdata: [UInt8] = [1, 0, 0, 0, 4]
            rdata.appendUInt32(UInt32(index))
            rdata += [20] + hash
            sets.append(RRset(owner: owner, type: .nsec3, records: [record(owner, .nsec3, rdata)]))
        }
        return Zone(origin: origin, sortedRRsets: sets)
    }

    @Test func moreSetsThanSixteenBitsCount() throws {
        let count = 70_000
        let zone = try NSEC3ParameterSetTests.zone(count: count)
        var reports: [[Finding]] = []
        for jobs in [1, 2] {
            var findings = FindingCollector(zone: NSEC3ParameterSetTests.origin, limit: 5)
            let denial = NSEC3Check(layout: ZoneLayout(zone: zone), jobs: jobs).run(findings: &findings)
            guard case let .nsec3(records, _, _, _, _, _) = denial else {
                Issue.record("denial \(denial)")
                return
            }
            #expect(records == count)
            let all = findings.finish()
            // One finding per set, five kept and the rest counted.
            #expect(all.filter { $0.rule == DNSSECRule.nsec3ParamMismatch.id }.count == 5)
            #expect(all.contains { $0.rule == DNSSECRule.findingsTruncated.id && $0.message.contains("\(count) in all") })
            #expect(all.contains { $0.rule == DNSSECRule.nsec3ChainBroken.id && $0.message.contains("no NSEC3 record uses the parameters") })
            reports.append(all)
        }
        #expect(reports[0] == reports[1])
    }
}
