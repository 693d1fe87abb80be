import DNSSEC
import Foundation
import Testing
import ZoneModel

/// ZONEMD inside a DNSSEC validation and on its own (`zonemdOnly`), and the
/// ldns issue 287 zone that hangs ldns 1.8.3's own verifier.
struct ZONEMDValidationTests {
    static let time = DNSSECTime.parse(SignedZoneFixture.validationTimeText)!

    static func validate(_ zone: Zone, zonemdOnly: Bool = false) -> DNSSECReport {
        DNSSECValidator(options: DNSSECOptions(validationTime: time, zonemdOnly: zonemdOnly)).validate(zone)
    }

    /// ldns-verify-zone 1.8.3 can hang on such zones; zoneaudit walks them itself.
    @Test(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
    func ldnsSignedNSEC3ZoneWithZONEMDValidates() throws {
        let fixture = try SignedZoneFixture.make(
            algorithm: "ECDSAP256SHA256", denial: .nsec3(iterations: 0, salt: "", optOut: false), zonemd: true)
        defer { fixture.remove() }
        let report = ZONEMDValidationTests.validate(try fixture.zone())
        #expect(report.isValid, "\(report.findings.map(\.message))")
        #expect(report.summary.zonemd == .verified([.init(scheme: 1, hashAlgorithm: 1)]))
        if case .nsec3 = report.summary.denial {} else { Issue.record("denial \(report.summary.denial)") }
    }

    @Test(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
    func alteredSignedZoneFailsItsZONEMD() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ED25519", zonemd: true)
        defer { fixture.remove() }
        var text = ZoneText(fixture.signedText)
        let index = try #require(text.index(owner: "www.example.", type: "A"))
        text.replaceField(4, at: index, with: "192.0.2.81")
        let zone = try fixture.zone(at: try fixture.write(text.text, as: "altered.zone"))
        let report = ZONEMDValidationTests.validate(zone)
        #expect(report.findings(.zonemdMismatch).count == 1)
        #expect(report.findings(.rrsigInvalid).count == 1)
        #expect(report.summary.zonemd == .failed)
        let digestOnly = ZONEMDValidationTests.validate(zone, zonemdOnly: true)
        #expect(digestOnly.findings.map(\.rule) == [DNSSECRule.zonemdMismatch.id])
        #expect(digestOnly.summary.trust == .notChecked)
    }

    @Test(.enabled(if: ToolRunner.available("ldns-signzone")))
    func unsignedZoneWithZONEMDChecksOnlyTheDigest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-zonemd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try SignedZoneFixture.unsignedZone.write(to: directory.appendingPathComponent("example.zone"), atomically: true, encoding: .utf8)
        try ToolRunner.check("ldns-signzone", ["-Z", "-z", "1:1", "-z", "1:2", "-f", "digested.zone", "example.zone"], in: directory)
        let path = directory.appendingPathComponent("digested.zone").path
        let zone = try TestZoneReader.zone(fromFile: path, origin: SignedZoneFixture.origin)

        let digestOnly = ZONEMDValidationTests.validate(zone, zonemdOnly: true)
        #expect(digestOnly.isValid)
        #expect(digestOnly.findings.isEmpty)
        #expect(digestOnly.summary.zonemd == .verified([.init(scheme: 1, hashAlgorithm: 1), .init(scheme: 1, hashAlgorithm: 2)]))

        let full = ZONEMDValidationTests.validate(zone)
        #expect(full.findings(.unsigned).count == 1)
        #expect(full.isValid)
        #expect(full.summary.trust == .unsigned)

        var text = ZoneText(try String(contentsOfFile: path, encoding: .utf8))
        text.remove(at: try #require(text.index(owner: "mail.example.", type: "A")))
        let altered = try TestZoneReader.zone(fromText: text.text, origin: SignedZoneFixture.origin)
        let broken = ZONEMDValidationTests.validate(altered, zonemdOnly: true)
        #expect(broken.findings(.zonemdMismatch).count == 2)
        #expect(!broken.isValid)
    }

    @Test func zoneWithoutZONEMDFailsOnlyAZONEMDCheck() throws {
        let zone = try TestZoneReader.zone(fromText: SignedZoneFixture.unsignedZone, origin: SignedZoneFixture.origin)
        let digestOnly = ZONEMDValidationTests.validate(zone, zonemdOnly: true)
        #expect(digestOnly.findings.map(\.rule) == [DNSSECRule.zonemdMissing.id])
        #expect(!digestOnly.isValid)
        #expect(ZONEMDValidationTests.validate(zone).findings.map(\.rule) == [DNSSECRule.unsigned.id])
    }

    @Test func unsupportedZONEMDIsAFailureOnlyWhenOnlyTheDigestIsChecked() throws {
        let text = SignedZoneFixture.unsignedZone
            + "example.\t3600\tIN\tZONEMD\t2024010101 241 240 000102030405060708090A0B0C0D0E0F\n"
        let zone = try TestZoneReader.zone(fromText: text, origin: SignedZoneFixture.origin)
        let digestOnly = ZONEMDValidationTests.validate(zone, zonemdOnly: true)
        let unsupported = digestOnly.findings(.zonemdUnsupported)
        #expect(unsupported.count == 1 && unsupported.first?.severity == .high)
        #expect(digestOnly.summary.zonemd == .unsupported)
        let full = ZONEMDValidationTests.validate(zone)
        #expect(full.findings(.zonemdUnsupported).first?.severity == .low)
        #expect(full.isValid)
    }

    @Test func serialAndLengthRulesApply() throws {
        let serialWrong = SignedZoneFixture.unsignedZone
            + "example.\t3600\tIN\tZONEMD\t7 1 1 " + String(repeating: "00", count: 48) + "\n"
        let serialReport = ZONEMDValidationTests.validate(
            try TestZoneReader.zone(fromText: serialWrong, origin: SignedZoneFixture.origin), zonemdOnly: true)
        #expect(serialReport.findings(.zonemdSerialMismatch).count == 1)
        #expect(!serialReport.isValid)

        let shortDigest = SignedZoneFixture.unsignedZone
            + "example.\t3600\tIN\tZONEMD\t2024010101 1 1 " + String(repeating: "00", count: 20) + "\n"
        let lengthReport = ZONEMDValidationTests.validate(
            try TestZoneReader.zone(fromText: shortDigest, origin: SignedZoneFixture.origin), zonemdOnly: true)
        #expect(lengthReport.findings(.zonemdMalformed).count == 1)
        #expect(!lengthReport.isValid)
    }

    /// ldns issue 287: `ldns-verify-zone` never returns on this three-line
    /// zone (NSEC3 plus ZONEMD). zoneaudit must come back with a clear error.
    /// Run on another thread with a generous guard, so a regression shows as
    /// a failed test rather than a hung run.
    @Test func ldnsIssue287ZoneGivesAClearError() throws {
        let text = """
        test. soa ns.test. roy.test 1 7200 900 86400 3600
        test. zonemd 1 1 1 000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
        5u2i2h5co0ebb4r9hipbku7pea6ggpsw.test. IN nsec3 1 1 0 - 5u2i2h5co0ebb4r9hipbku7pea6ggpsu
        """
        let zone = try TestZoneReader.zone(fromText: text, origin: try DomainName("test."))
        for zonemdOnly in [false, true] {
            let report = try Self.withGuard(seconds: 120) {
                ZONEMDValidationTests.validate(zone, zonemdOnly: zonemdOnly)
            }
            #expect(!report.isValid)
            // ldns reads the 87 hex digits as a 44-octet digest: not SHA-384's 48.
            let malformed = report.findings(.zonemdMalformed)
            #expect(malformed.count == 1)
            #expect(malformed.first?.message.contains("48") == true)
        }
    }

    struct GuardExpired: Error {}

    /// Runs `work` on its own thread and waits at most `seconds` for it. A
    /// hang fails the test (the stuck thread is abandoned) instead of the run.
    static func withGuard<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = work()
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success, let value = box.value else { throw GuardExpired() }
        return value
    }
}

/// Carries a result from the worker thread; written once before the
/// semaphore is signalled and read only after waiting on it.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
