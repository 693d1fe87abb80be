import Testing
@testable import Transfer
import ZoneModel

@Suite struct ServerConsistencyCompareTests {
    static func transfer(_ text: String, port: UInt16) throws -> ZoneTransfer {
        let records = try TestRecords.records(text)
        return ZoneTransfer(origin: TestZones.origin, server: ServerAddress(host: .ipv4("127.0.0.1"), port: port),
                            records: records, soa: records[0], messageCount: 1, byteCount: 0, tsigKeyName: nil)
    }

    @Test func identicalServersAgree() throws {
        let transfers = try [Self.transfer(TestZones.child(), port: 1), Self.transfer(TestZones.child(), port: 2)]
        #expect(ServerConsistencyChecker.compare(transfers, zone: TestZones.origin).isEmpty)
    }

    @Test func recordOrderAndNameCaseDoNotMatter() throws {
        let reversed = TestZones.child().split(separator: "\n").reversed().joined(separator: "\n")
            .replacingOccurrences(of: "www.example.", with: "WWW.Example.")
        let soaFirst = TestZones.child().split(separator: "\n")[0] + "\n" + reversed
        let transfers = try [Self.transfer(TestZones.child(), port: 1), Self.transfer(String(soaFirst), port: 2)]
        #expect(ServerConsistencyChecker.compare(transfers, zone: TestZones.origin).isEmpty)
    }

    @Test func theOddServerOutIsNamedUnderTheSameSerialAsCritical() throws {
        let transfers = try [
            Self.transfer(TestZones.child(), port: 1),
            Self.transfer(TestZones.child(extra: "evil.example. 60 IN A 203.0.113.66"), port: 2),
            Self.transfer(TestZones.child(), port: 3),
        ]
        let findings = ServerConsistencyChecker.compare(transfers, zone: TestZones.origin)
        #expect(findings.map(\.rule) == ["server.content-mismatch"])
        #expect(findings[0].severity == .critical)
        #expect(findings[0].message.hasPrefix("127.0.0.1:2 serves different data"))
        #expect(findings[0].message.contains("evil.example. A"))
        #expect(findings[0].after.map(\.owner) == [TestRecords.name("evil.example.")])
    }

    @Test func theBaselineDecidesWhichSideIsRight() throws {
        let original = TestZones.child()
        let tampered = TestZones.child(ns2: "ns.attacker.example.net.")
        var builder = ZoneBuilder(origin: TestZones.origin)
        builder.append(contentsOf: try TestRecords.records(original))
        let baseline = builder.build().zone
        // Two tampered servers outvote the original one, but the baseline sides with it.
        let transfers = try [Self.transfer(tampered, port: 1), Self.transfer(tampered, port: 2), Self.transfer(original, port: 3)]
        let findings = ServerConsistencyChecker.compare(transfers, zone: TestZones.origin, baseline: baseline)
        #expect(findings.map(\.message).allSatisfy { $0.contains("than 127.0.0.1:3 (which match the baseline)") })
        #expect(Set(findings.map(\.message).map { String($0.prefix(11)) }) == ["127.0.0.1:1", "127.0.0.1:2"])
    }

    @Test func differentSerialsAreSkew() throws {
        let transfers = try [Self.transfer(TestZones.child(serial: 5), port: 1), Self.transfer(TestZones.child(serial: 6), port: 2)]
        let findings = ServerConsistencyChecker.compare(transfers, zone: TestZones.origin)
        #expect(findings.map(\.rule) == ["server.serial-skew", "server.content-mismatch"])
        #expect(findings[0].message.contains("127.0.0.1:1 5, 127.0.0.1:2 6"))
        #expect(findings[1].severity == .high)
    }
}

/// Two real NSD instances, one of them with a diverged copy of the zone.
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct ServerConsistencyWithNSDTests {
    @Test func aDivergedSecondaryAndAnUnreachableServerAreCaught() throws {
        let key = AXFRWithNSDTests.keys[1]
        let primary = try NSDServer(zones: [AXFRWithNSDTests.zoneConfig(keys: [key])], keys: [key])
        let secondary = try NSDServer(
            zones: [AXFRWithNSDTests.zoneConfig(TestZones.child(extra: "www.example. 300 IN A 203.0.113.66"), keys: [key])],
            keys: [key])
        let gone = ServerAddress(host: .ipv4("127.0.0.1"), port: try NSDServer.freePort())

        let report = ServerConsistencyChecker.check(
            zone: TestZones.origin, servers: [primary.address, secondary.address, gone], tsig: key,
            limits: AXFRWithNSDTests.limits)
        #expect(report.transfers.count == 2)
        let rules = report.findings.map(\.rule)
        #expect(rules.sorted() == ["server.content-mismatch", "server.unreachable"])
        let mismatch = try #require(report.findings.first { $0.rule == "server.content-mismatch" })
        // Two servers split one against one: the first in order is the reference.
        #expect(mismatch.message.hasPrefix("\(secondary.address) serves different data"))
        #expect(mismatch.message.contains("under the same serial"))
        #expect(mismatch.message.contains("www.example. A"))
        #expect(mismatch.severity == .critical)
        let unreachable = try #require(report.findings.first { $0.rule == "server.unreachable" })
        #expect(unreachable.message.contains(gone.description))
    }
}
