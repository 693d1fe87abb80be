import Baseline
import Foundation
import LDNS
import Testing
import ZoneModel

/// A temporary directory with a zone, approver keys and helpers to seal,
/// tamper with and verify baselines.
struct SealWorkspace {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)   // 2026-05-28T20:26:40Z
    static let origin = try! DomainName("example.com.")
    static let zoneText = """
        example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2026052801 7200 3600 1209600 300
        example.com. 3600 IN NS ns1.example.com.
        example.com. 3600 IN NS ns2.example.net.
        example.com. 3600 IN MX 10 mail.example.com.
        example.com. 300 IN TXT "v=spf1 mx -all"
        example.com. 300 IN A 192.0.2.80
        ns1.example.com. 3600 IN A 192.0.2.1
        mail.example.com. 3600 IN A 192.0.2.25
        www.example.com. 300 IN CNAME example.com.
        shop.example.com. 3600 IN NS ns1.shop-hosting.example.
        _443._tcp.www.example.com. 3600 IN TLSA 3 1 1 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """

    let directory: String

    init() throws {
        directory = try ZoneFixtures.temporaryDirectory()
    }

    func cleanUp() { ZoneFixtures.remove(directory) }

    var baseline: String { directory + "/example.com.baseline" }
    var seal: String { baseline + ".seal" }

    static func zone(_ text: String = zoneText, origin: DomainName = origin) throws -> Zone {
        ZoneFixtures.zone(try ZoneFixtures.records(text), origin: origin)
    }

    @discardableResult
    func sealZone(
        _ zone: Zone, keys: [LDNSKeyPair], validity: Duration = .seconds(90 * 86_400),
        now: Date = SealWorkspace.now, path: String? = nil, force: Bool = false
    ) throws -> SealResult {
        try BaselineSealer.seal(
            zone: zone, keys: keys, validity: validity, now: now, outputPath: path ?? baseline, force: force,
            toolVersion: "zoneaudit-test")
    }

    /// Writes a trusted-keys file (a comment line naming each key above
    /// it) and reads it back the way the verifier's caller does.
    func trust(_ entries: [(LDNSKeyPair, String)], file: String = "trusted.keys") throws -> TrustedKeys {
        let path = directory + "/" + file
        var text = "; Approvers trusted to seal zoneaudit baselines (test keys)\n\n"
        for (key, name) in entries {
            text += "; \(name)\n\(key.dnskey.presentation)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try TrustedKeys.read(path: path, using: ZoneFileRecords.read)
    }

    func verify(_ trusted: TrustedKeys, require: Int = 1, at time: Date = SealWorkspace.now, path: String? = nil) throws -> SealVerdict {
        try SealVerifier(readRecords: ZoneFileRecords.read)
            .verify(baselinePath: path ?? baseline, trustedKeys: trusted, require: require, at: time)
    }

    /// Rewrites the baseline's records through `change` (record level, so
    /// the test does not depend on the presentation format).
    func tamper(path: String? = nil, _ change: (inout [Record]) throws -> Void) throws {
        let file = path ?? baseline
        var records = try ZoneFileRecords.read(file, nil)
        try change(&records)
        let text = records.map(\.presentation).joined(separator: "\n") + "\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}

/// Approver keys for a test (generated per test: a key pair signs
/// through mutable ldns state, so tests running in parallel never share one).
enum TestKeys {
    static func alice(_ algorithm: LDNSKeyAlgorithm = .ecdsap256sha256) throws -> LDNSKeyPair {
        try LDNSKeyPair.generate(algorithm: algorithm, owner: try DomainName("alice.approvers.example."))
    }

    static func bob(_ algorithm: LDNSKeyAlgorithm = .ed25519) throws -> LDNSKeyPair {
        try LDNSKeyPair.generate(algorithm: algorithm, owner: try DomainName("bob.approvers.example."))
    }
}
