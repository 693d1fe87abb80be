import Foundation
import Testing
import LDNS
@testable import Transfer
import ZoneModel
import ZoneParser

/// Transfers from a real NSD on 127.0.0.1 (skipped when nsd is not installed).
@Suite(.enabled(if: NSDServer.isAvailable, NSDServer.missingMessage))
struct AXFRWithNSDTests {
    static let limits = TransferLimits(timeout: .seconds(5), maxRecords: 100_000, maxBytes: 16 << 20)

    static let keys: [TSIGKey] = TSIGAlgorithm.allCases.enumerated().map { index, algorithm in
        TSIGKey(name: TestRecords.name("xfr-\(algorithm.rawValue).example."), algorithm: algorithm,
                secret: (0..<32).map { UInt8(truncatingIfNeeded: $0 * 31 + index * 7 + 1) })
    }

    static func zoneConfig(_ text: String = TestZones.child(), name: String = "example.",
                           keys: [TSIGKey] = keys) -> NSDServer.ZoneConfig {
        NSDServer.ZoneConfig(name: name, text: text, provideXFR: keys.map(\.name.presentation))
    }

    static func identities(_ records: [Record]) -> Set<String> { Set(records.map(\.identity)) }

    @Test func aCleanZoneTransfersWithEveryTSIGAlgorithm() throws {
        let nsd = try NSDServer(zones: [Self.zoneConfig()], keys: Self.keys)
        let expected = try TestRecords.records(TestZones.child())
        for key in Self.keys {
            let transfer = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)
            #expect(Self.identities(transfer.records) == Self.identities(expected), "\(key.algorithm)")
            #expect(transfer.records.count == expected.count)
            #expect(transfer.records.first == expected.first, "the SOA comes first")
            #expect(transfer.soa == expected[0])
            #expect(transfer.serial == 2024010101)
            #expect(transfer.tsigKeyName == key.name)
            #expect(transfer.server == nsd.address)
            let built = transfer.buildZone()
            #expect(built.findings.isEmpty)
            #expect(built.zone.recordCount == expected.count)
        }
    }

    @Test func aLargeZoneSpansSeveralSignedMessages() throws {
        let key = Self.keys[1]
        let nsd = try NSDServer(zones: [Self.zoneConfig(TestZones.large(records: 3000), name: "big.example.", keys: [key])], keys: [key])
        let transfer = try AXFRClient.transfer(zone: TestRecords.name("big.example."), from: nsd.address, tsig: key, limits: Self.limits)
        #expect(transfer.records.count == 3003)
        #expect(transfer.messageCount > 2)
        #expect(Self.identities(transfer.records) == Self.identities(try TestRecords.records(TestZones.large(records: 3000))))

        // The same zone over a record limit is refused, not cut.
        let small = TransferLimits(timeout: .seconds(5), maxRecords: 1000, maxBytes: 16 << 20)
        #expect(throws: TransferError(.tooManyRecords(limit: 1000), server: nsd.address, zone: TestRecords.name("big.example."), operation: "AXFR")) {
            try AXFRClient.transfer(zone: TestRecords.name("big.example."), from: nsd.address, tsig: key, limits: small)
        }
    }

    @Test func aWrongOrUnknownKeyOrNoKeyIsRefused() throws {
        let key = Self.keys[1]
        let nsd = try NSDServer(zones: [Self.zoneConfig(keys: [key])], keys: [key])
        func kind(_ tsig: TSIGKey?) -> TransferError.Kind? {
            do {
                _ = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: tsig, limits: Self.limits)
                return nil
            } catch {
                return error.kind
            }
        }
        let wrongSecret = TSIGKey(name: key.name, algorithm: key.algorithm, secret: Array(repeating: 0x55, count: 32))
        #expect(kind(wrongSecret) == .tsig(.serverRejected(16)))
        let unknown = TSIGKey(name: TestRecords.name("stranger.example."), algorithm: key.algorithm, secret: key.secret)
        #expect(kind(unknown) == .tsig(.serverRejected(17)))
        #expect(kind(nil) == .refused(rcode: "REFUSED"))
        // The right key still works on the same server.
        #expect(kind(key) == nil)
    }

    @Test func changesToTheServedZoneAreSeen() throws {
        let key = Self.keys[2]
        let nsd = try NSDServer(zones: [Self.zoneConfig(keys: [key])], keys: [key])
        let before = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)

        let added = try TestRecords.record("backdoor.example. 300 IN A 203.0.113.66")
        try nsd.serve([Self.zoneConfig(TestZones.child(serial: 2024010102, extra: added.presentation), keys: [key])])
        let withRecord = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)
        #expect(Self.identities(withRecord.records).subtracting(Self.identities(before.records)).count == 2) // record and SOA
        #expect(withRecord.records.contains(added))

        try nsd.serve([Self.zoneConfig(TestZones.child(ns2: "ns.attacker.example.net."), keys: [key])])
        let withNS = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)
        let apexNS = Set(withNS.records.filter { $0.type == .ns && $0.owner == TestZones.origin }.compactMap(\.nameTarget))
        #expect(apexNS == [TestRecords.name("ns1.example."), TestRecords.name("ns.attacker.example.net.")])

        try nsd.serve([Self.zoneConfig(TestZones.child(withDS: false), keys: [key])])
        let withoutDS = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)
        #expect(before.records.filter { $0.type == .ds }.count == 2)
        #expect(withoutDS.records.filter { $0.type == .ds }.map { $0.ds?.digestType } == [1])
    }

    @Test func aDumpIsWrittenAtomicallyAndReadsBackAsTheSameRecords() throws {
        let key = Self.keys[0]
        let nsd = try NSDServer(zones: [Self.zoneConfig(keys: [key])], keys: [key])
        let transfer = try AXFRClient.transfer(zone: TestZones.origin, from: nsd.address, tsig: key, limits: Self.limits)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-dump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("example.axfr").path
        try ZoneDump.write(transfer, to: path)

        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["example.axfr"], "no temporary file left")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("; zoneaudit AXFR dump of example. from \(nsd.address)\n"))
        #expect(text.contains("TSIG key \(key.name)"))
        #expect(!text.contains(Base64.encode(key.secret)))
        // ldns reads every record line back to the same record, ending with the closing SOA.
        let reread = try TestRecords.records(text)
        #expect(reread == transfer.records + [transfer.soa])
        // zoneaudit's parser reads it as a complete transfer of the same records.
        let parsed = ZoneFileParser.parse(path: path)
        #expect(parsed.findings.isEmpty, "\(parsed.findings.map(\.message))")
        #expect(parsed.format == .axfrDump)
        #expect(parsed.records == transfer.records)
    }
}
