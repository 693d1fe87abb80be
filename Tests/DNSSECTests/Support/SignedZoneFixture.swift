import Foundation
import ZoneModel

/// A zone signed by ldns-signzone during the test run, with keys from
/// ldns-keygen, in its own temporary directory.
struct SignedZoneFixture {
    enum Denial {
        case nsec
        case nsec3(iterations: Int, salt: String, optOut: Bool)
    }

    static let origin = try! DomainName("example.")
    /// Signatures are made valid from 2025-01-01 to 2035-01-01 unless a test asks otherwise.
    static let inception = "20250101000000"
    static let expiration = "20350101000000"
    /// Inside the default validity window.
    static let validationTimeText = "20300101000000"

    let directory: URL
    let signedPath: String
    /// The KSK's DS (SHA-256) as ldns-keygen wrote it.
    let kskDSPath: String
    let kskBase: String
    let zskBase: String

    /// The unsigned test zone: apex data, a wildcard, a deep name (two empty
    /// non-terminals above it), a CNAME, a signed delegation with DS and glue,
    /// and an unsigned delegation with glue.
    static let unsignedZone = """
    example.\t3600\tIN\tSOA\tns1.example. hostmaster.example. 2024010101 7200 3600 1209600 300
    example.\t3600\tIN\tNS\tns1.example.
    example.\t3600\tIN\tNS\tns2.example.
    example.\t3600\tIN\tMX\t10 mail.example.
    example.\t3600\tIN\tA\t192.0.2.1
    example.\t3600\tIN\tTXT\t"v=spf1 -all"
    ns1.example.\t3600\tIN\tA\t192.0.2.53
    ns2.example.\t3600\tIN\tAAAA\t2001:db8::53
    mail.example.\t3600\tIN\tA\t192.0.2.25
    www.example.\t3600\tIN\tA\t192.0.2.80
    www.example.\t3600\tIN\tAAAA\t2001:db8::80
    ftp.example.\t3600\tIN\tCNAME\twww.example.
    *.wild.example.\t3600\tIN\tTXT\t"wildcard"
    a.b.c.example.\t3600\tIN\tA\t192.0.2.99
    secure.example.\t3600\tIN\tNS\tns.secure.example.
    secure.example.\t3600\tIN\tDS\t12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
    ns.secure.example.\t3600\tIN\tA\t192.0.2.200
    insecure.example.\t3600\tIN\tNS\tns.insecure.example.
    insecure.example.\t3600\tIN\tNS\tns.other.net.
    ns.insecure.example.\t3600\tIN\tA\t192.0.2.201

    """

    /// Generates a KSK and a ZSK of `algorithm` (an ldns-keygen name such as
    /// `ECDSAP256SHA256`) and signs the test zone.
    static func make(
        algorithm: String, denial: Denial = .nsec, zonemd: Bool = false,
        inception: String = inception, expiration: String = expiration,
        zoneText: String = unsignedZone
    ) throws -> SignedZoneFixture {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zoneaudit-dnssec-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let unsigned = directory.appendingPathComponent("example.zone")
        try zoneText.write(to: unsigned, atomically: true, encoding: .utf8)
        let ksk = try keygen(algorithm: algorithm, ksk: true, in: directory)
        let zsk = try keygen(algorithm: algorithm, ksk: false, in: directory)
        var arguments = ["-o", origin.presentation, "-i", inception, "-e", expiration, "-f", "example.zone.signed"]
        switch denial {
        case .nsec:
            break
        case let .nsec3(iterations, salt, optOut):
            arguments += ["-n", "-t", String(iterations)]
            // An empty salt is ldns-signzone's default; it rejects "-".
            if !salt.isEmpty { arguments += ["-s", salt] }
            if optOut { arguments.append("-p") }
        }
        if zonemd { arguments += ["-z", "1:1"] }
        arguments += ["example.zone", zsk, ksk]
        try ToolRunner.check("ldns-signzone", arguments, in: directory)
        return SignedZoneFixture(
            directory: directory,
            signedPath: directory.appendingPathComponent("example.zone.signed").path,
            kskDSPath: directory.appendingPathComponent("\(ksk).ds").path,
            kskBase: ksk, zskBase: zsk)
    }

    /// A key pair for the zone apex; returns the base name (`Kexample.+013+12345`).
    static func keygen(algorithm: String, ksk: Bool, in directory: URL, name: String = "example.") throws -> String {
        var arguments = ["-a", algorithm, "-r", "/dev/urandom"]
        if ksk { arguments.append("-k") }
        if algorithm.hasPrefix("RSA") { arguments += ["-b", "2048"] }
        arguments.append(name)
        let output = try ToolRunner.check("ldns-keygen", arguments, in: directory)
        return output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var signedText: String { (try? String(contentsOfFile: signedPath, encoding: .utf8)) ?? "" }

    /// Writes `text` beside the signed zone and returns its path.
    func write(_ text: String, as name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func zone(at path: String? = nil) throws -> Zone {
        try TestZoneReader.zone(fromFile: path ?? signedPath, origin: SignedZoneFixture.origin)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
