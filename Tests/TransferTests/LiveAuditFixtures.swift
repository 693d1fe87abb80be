import Baseline
import Foundation
import LDNS
import Testing
@testable import Transfer
import ZoneAuditKit
import ZoneModel

/// A temporary directory with what an audit of a live zone needs: TSIG key
/// files in BIND syntax, a sealed baseline and the trusted-keys file that
/// vouches for it. Removed when the value goes away.
final class LiveAuditWorkspace: @unchecked Sendable {
    let directory: String

    /// The key the servers allow transfers with.
    static let transferKey = TSIGKey(
        name: TestRecords.name("liveaudit-xfr.example."), algorithm: .hmacSHA256,
        secret: (0..<32).map { UInt8(truncatingIfNeeded: $0 * 13 + 5) })

    /// Short bounds: every exchange is on loopback.
    static let limits = TransferLimits(timeout: .seconds(3), maxRecords: 10_000, maxBytes: 1 << 20)

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-liveaudit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        directory = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Writes `key` as `tsig-keygen` does and returns the file's path.
    func writeKeyFile(_ key: TSIGKey, file: String) throws -> String {
        let text = """
            key "\(key.name.presentation)" {
            \talgorithm \(key.algorithm.rawValue);
            \tsecret "\(Data(key.secret).base64EncodedString())";
            };

            """
        try text.write(toFile: path(file), atomically: true, encoding: .utf8)
        return path(file)
    }

    /// Read options for `axfr://` sources with the key in `keyFile`.
    func readOptions(keyFile: String?) -> ZoneReadOptions {
        ZoneReadOptions(tsigKeyFile: keyFile, transferLimits: LiveAuditWorkspace.limits)
    }

    /// Seals `zoneText` (records parsed by ldns) with a fresh approver key,
    /// writes the trusted-keys file with that key's DNSKEY, and returns both paths.
    func seal(_ zoneText: String, origin: String, file: String = "zone.baseline") throws -> (baseline: String, trustedKeys: String) {
        var builder = ZoneBuilder(origin: TestRecords.name(origin))
        builder.append(contentsOf: try TestRecords.records(zoneText))
        let zone = builder.build().zone
        let approver = try LDNSKeyPair.generate(algorithm: .ed25519, owner: TestRecords.name("approver.liveaudit.example."))
        let result = try BaselineSealer.seal(
            zone: zone, keys: [approver], validity: .seconds(86_400), now: Date(), outputPath: path(file),
            toolVersion: "zoneaudit-test")
        let trusted = path(file + ".trusted-keys")
        try "; Live audit test approver\n\(approver.dnskey.presentation)\n"
            .write(toFile: trusted, atomically: true, encoding: .utf8)
        return (result.baselinePath, trusted)
    }

    /// Signs `zoneText` with a fresh key-signing key through `ldns-signzone`
    /// and returns the signed zone's text and the SHA-256 DS of its key, as
    /// `ldns-key2ds` computes it.
    func sign(_ zoneText: String, origin: String) throws -> (signed: String, ds: String) {
        let key = try LDNSKeyPair.generate(algorithm: .ecdsap256sha256, owner: TestRecords.name(origin), flags: 257)
        let paths = try key.write(toDirectory: directory)
        let base = String(paths.privateKey.dropLast(".private".count))
        let unsigned = path(origin + "zone")
        let signed = path(origin + "signed")
        try (zoneText + "\n").write(toFile: unsigned, atomically: true, encoding: .utf8)
        try LiveAuditTool.run("/usr/bin/ldns-signzone", ["-f", signed, unsigned, base])
        return (try String(contentsOfFile: signed, encoding: .utf8), try dsRecord(ofKeyFile: paths.publicKey))
    }

    /// The SHA-256 DS of a key that signs nothing: a DS that matches no key of the zone.
    func strayDS(origin: String) throws -> String {
        let key = try LDNSKeyPair.generate(algorithm: .ecdsap256sha256, owner: TestRecords.name(origin), flags: 257)
        let directory = path("stray")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try dsRecord(ofKeyFile: try key.write(toDirectory: directory).publicKey)
    }

    private func dsRecord(ofKeyFile path: String) throws -> String {
        let output = try LiveAuditTool.run("/usr/bin/ldns-key2ds", ["-n", "-2", path])
        let line = output.split(separator: "\n").first { !$0.hasPrefix(";") && !$0.isEmpty }
        return String(try #require(line, "ldns-key2ds printed no DS: \(output)"))
    }
}

/// The zones the live audit tests serve, fully qualified, one record a line.
enum LiveAuditZones {
    static let origin = "example."

    /// `example.` with a signed delegation `sub.example.`.
    static func child(serial: UInt32 = 2024060101, extra: String = "", subNS: String = "ns.sub.example.",
                      withDS: Bool = true, www: String = "192.0.2.80") -> String {
        var text = """
            example. 3600 IN SOA ns1.example. hostmaster.example. \(serial) 7200 3600 1209600 300
            example. 3600 IN NS ns1.example.
            example. 3600 IN NS ns2.example.
            example. 3600 IN MX 10 mail.example.
            ns1.example. 3600 IN A 127.0.0.10
            ns2.example. 3600 IN A 127.0.0.11
            mail.example. 3600 IN A 192.0.2.25
            www.example. 300 IN A \(www)
            sub.example. 3600 IN NS \(subNS)
            ns.sub.example. 3600 IN A 192.0.2.53

            """
        if withDS {
            text += """
                sub.example. 3600 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
                sub.example. 3600 IN DS 60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A

                """
        }
        return text + extra
    }

    static let shopOrigin = "shop.example.com."

    /// `shop.example.com.`, whose parent `example.com.` is served apart.
    static let shop = """
        shop.example.com. 3600 IN SOA ns1.shop.example.com. hostmaster.shop.example.com. 2024060101 7200 3600 1209600 300
        shop.example.com. 3600 IN NS ns1.shop.example.com.
        shop.example.com. 3600 IN NS ns2.shop.example.com.
        ns1.shop.example.com. 3600 IN A 192.0.2.1
        ns2.shop.example.com. 3600 IN A 192.0.2.2
        www.shop.example.com. 300 IN A 192.0.2.80
        """

    static let parentOrigin = "example.com."

    /// `example.com.` delegating `shop.example.com.` to `ns`, with glue and `ds`.
    static func parent(ns: [String] = ["ns1.shop.example.com.", "ns2.shop.example.com."], ds: [String] = []) -> String {
        var text = """
            example.com. 3600 IN SOA ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
            example.com. 3600 IN NS ns.example.com.
            ns.example.com. 3600 IN A 127.0.0.1
            ns1.shop.example.com. 3600 IN A 192.0.2.1
            ns2.shop.example.com. 3600 IN A 192.0.2.2

            """
        for target in ns { text += "shop.example.com. 3600 IN NS \(target)\n" }
        for record in ds { text += record + "\n" }
        return text
    }
}

/// Runs the ldns tools the fixtures need.
enum LiveAuditTool {
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSDError("\(program) \(arguments.joined(separator: " ")): exit \(process.terminationStatus): "
                           + String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    static var available: Bool {
        ["/usr/bin/ldns-signzone", "/usr/bin/ldns-key2ds"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension NSDServer {
    /// `axfr://127.0.0.1:PORT/ZONE`.
    func source(_ zone: String) -> String { "axfr://\(address)/\(zone)" }

    /// A zone this server serves, transferable only with `keys`.
    static func zone(_ name: String, _ text: String, keys: [TSIGKey] = [LiveAuditWorkspace.transferKey]) -> ZoneConfig {
        ZoneConfig(name: name, text: text, provideXFR: keys.map(\.name.presentation))
    }
}
