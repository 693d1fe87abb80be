import Foundation
import Testing

/// `zoneaudit dnssec verify`: 0 valid, 1 a validation failure, 2 could not
/// validate. Samples/zones/example.net.signed is signed (ECDSAP256SHA256,
/// NSEC, ZONEMD) with signatures valid from 2026-11-01 to 2040-12-31.
@Suite struct DNSSECCommandTests {
    static let signed = "zones/example.net.signed"

    @Test func signedSampleValidates() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("dnssec", "verify", DNSSECCommandTests.signed)
        #expect(result.status == 0, "\(result)")
        // Without an anchor the keys are taken as given, and the report says so.
        #expect(result.stdout.contains("[dnssec.anchor-taken-as-given]"), "\(result)")
        #expect(result.stderr.contains("16 of 16 signatures verified"), "\(result)")
    }

    /// ldns 1.8.3 misjudges validity windows that end after 2038; zoneaudit
    /// must be the one that is right.
    @Test(.enabled(if: ExternalTool.isInstalled("ldns-verify-zone"), "needs ldns-verify-zone (ldnsutils)"))
    func ldnsVerifyZoneWronglyRejectsTheSampleThatZoneauditAccepts() throws {
        let box = try Sandbox()
        let ldns = try ExternalTool.run("ldns-verify-zone", [box.path(DNSSECCommandTests.signed)])
        #expect(ldns.status != 0, "ldns-verify-zone accepted it: is this still ldns 1.8.3? \(ldns.output)")
        #expect(ldns.output.contains("expiration date earlier than inception date"), "\(ldns.output)")

        let zoneaudit = try box.zoneaudit("dnssec", "verify", DNSSECCommandTests.signed)
        #expect(zoneaudit.status == 0, "\(zoneaudit)")
    }

    @Test func trustAnchorFileAnchorsTheKeys() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "trust-anchors.zone", DNSSECCommandTests.signed)
        #expect(result.status == 0, "\(result)")
        #expect(result.lastLine == "example.net.: no findings", "\(result)")
        #expect(!result.stdout.contains("anchor-taken-as-given"), "\(result)")
    }

    @Test func anAnchorThatMatchesNoKeyFails() throws {
        let box = try Sandbox()
        try box.edit("trust-anchors.zone", replacing: "daa2dae2", with: "daa2dae3")
        let result = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "trust-anchors.zone", DNSSECCommandTests.signed)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.first == "!! No trust anchor leads to a validly signed DNSKEY set.", "\(result)")
    }

    @Test func flippedSignatureByteIsRRSIGInvalid() throws {
        let box = try Sandbox()
        // One base64 character of the RRSIG over www.example.net. A.
        try box.edit(DNSSECCommandTests.signed, replacing: "jYB88XTW+UIawvch", with: "jYB88XTW+UJawvch")
        let result = try box.zoneaudit("dnssec", "verify", "--format", "json", DNSSECCommandTests.signed)
        #expect(result.status == 1, "\(result)")
        let findings = JSONFinding.all(in: try result.json())
        let invalid = try #require(findings.first { $0.rule == "dnssec.rrsig-invalid" }, "\(result)")
        #expect(invalid.owner == "www.example.net." && invalid.line == 30)
        #expect(findings.filter { $0.rule == "dnssec.rrsig-invalid" }.count == 1, "only that signature: \(result)")
    }

    @Test func changedRecordIsRRSIGInvalid() throws {
        let box = try Sandbox()
        try box.edit(DNSSECCommandTests.signed, replacing: "198.51.100.80", with: "198.51.100.81")
        let result = try box.zoneaudit("dnssec", "verify", DNSSECCommandTests.signed)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(DNSSECCommandTests.signed + ":30:1: error: RRSIG over www.example.net. A by key 61129 (ECDSAP256SHA256) does not verify [dnssec.rrsig-invalid]"), "\(result)")
        #expect(result.stdout.contains("[dnssec.zonemd-mismatch]"), "\(result)")
    }

    @Test func atAfterTheSignaturesExpiredIsExpired() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("dnssec", "verify", "--at", "20410101000000", DNSSECCommandTests.signed)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("expired at 2040-12-31T00:00:00Z (validation time 2041-01-01T00:00:00Z) [dnssec.rrsig-expired]"), "\(result)")
        // RFC 3339 names the same instant.
        let rfc3339 = try box.zoneaudit("dnssec", "verify", "--at", "2041-01-01T00:00:00Z", DNSSECCommandTests.signed)
        #expect(rfc3339.status == 1, "\(rfc3339)")
        #expect(rfc3339.stdout == result.stdout)
        // Before the inception the signatures are not yet valid.
        let early = try box.zoneaudit("dnssec", "verify", "--format", "json", "--at", "20261001000000", DNSSECCommandTests.signed)
        #expect(early.status == 1, "\(early)")
        #expect(JSONFinding.all(in: try early.json()).contains { $0.rule == "dnssec.rrsig-not-yet-valid" }, "\(early)")
        // Well inside the window it validates, however far after 2038.
        let late = try box.zoneaudit("dnssec", "verify", "--at", "20400601000000", "--expiry-warning", "0", DNSSECCommandTests.signed)
        #expect(late.status == 0, "\(late)")
    }

    @Test func zonemdOnlyChecksTheDigest() throws {
        let box = try Sandbox()
        let intact = try box.zoneaudit("dnssec", "verify", "--zonemd-only", DNSSECCommandTests.signed)
        #expect(intact.status == 0, "\(intact)")
        // Only the digest counts: an expired signature does not matter here.
        let expired = try box.zoneaudit("dnssec", "verify", "--zonemd-only", "--at", "20410101000000", DNSSECCommandTests.signed)
        #expect(expired.status == 0, "\(expired)")

        try box.edit(DNSSECCommandTests.signed, replacing: "198.51.100.25", with: "198.51.100.26")
        let changed = try box.zoneaudit("dnssec", "verify", "--zonemd-only", DNSSECCommandTests.signed)
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stdout.contains("[dnssec.zonemd-mismatch]"), "\(changed)")
        #expect(!changed.stdout.contains("rrsig"), "no signature checks with --zonemd-only: \(changed)")

        // A zone without a ZONEMD fails the digest check.
        let none = try box.zoneaudit("dnssec", "verify", "--zonemd-only", "zones/example.net.zone")
        #expect(none.status == 1, "\(none)")
        #expect(none.stdout.contains("[dnssec.zonemd-missing]"), "\(none)")
    }

    @Test func missingOrEmptyAnchorFileExitsTwo() throws {
        let box = try Sandbox()
        let missing = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "no-anchors.zone", DNSSECCommandTests.signed)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("cannot read no-anchors.zone"), "\(missing)")
        #expect(missing.stdout.isEmpty)

        try box.write("example.net. IN A 192.0.2.1\n", to: "not-anchors.zone")
        let useless = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "not-anchors.zone", DNSSECCommandTests.signed)
        #expect(useless.status == 2, "\(useless)")
        #expect(useless.stderr.contains("holds no DS or DNSKEY record"), "\(useless)")
    }

    @Test func unreadableOrUnparsableZoneExitsTwo() throws {
        let box = try Sandbox()
        let missing = try box.zoneaudit("dnssec", "verify", "zones/no-such.signed")
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stdout.isEmpty)
        let broken = try box.zoneaudit("dnssec", "verify", "zones/broken.example.zone")
        #expect(broken.status == 2, "\(broken)")
        #expect(broken.stdout.isEmpty)
    }

    @Test func resultDoesNotDependOnJobs() throws {
        let box = try Sandbox()
        try box.edit(DNSSECCommandTests.signed, replacing: "198.51.100.80", with: "198.51.100.81")
        let one = try box.zoneaudit("dnssec", "verify", "--jobs", "1", "--format", "json", DNSSECCommandTests.signed)
        let four = try box.zoneaudit("dnssec", "verify", "--jobs", "4", "--format", "json", DNSSECCommandTests.signed)
        #expect(one.status == 1 && four.status == 1)
        let rules = { (result: CLIResult) throws -> [String] in JSONFinding.all(in: try result.json()).map { "\($0.rule) \($0.owner ?? "")" } }
        #expect(try rules(one) == rules(four))
    }

    /// No DNSKEY, no proof: an unsigned zone is not "valid" (as for
    /// ldns-verify-zone, dnssec-verify and kzonecheck -d on), so a cron job
    /// notices when the signatures are stripped.
    @Test func unsignedZoneIsNotValid() throws {
        let box = try Sandbox()
        let plain = try box.zoneaudit("dnssec", "verify", "zones/example.net.zone")
        #expect(plain.status == 1, "\(plain)")
        #expect(plain.stdoutLines.first == "!! The zone is not signed (no DNSKEY at the apex).", "\(plain)")
        #expect(plain.stdout.contains("error: example.net. has no DNSKEY RRset: the zone is not signed"), "\(plain)")
        #expect(plain.stdout.contains("[dnssec.unsigned]"), "\(plain)")

        // The signed sample with every DNSSEC record stripped (its ZONEMD too).
        let stripped = try box.read(DNSSECCommandTests.signed).split(separator: "\n").filter { line in
            !["\tRRSIG\t", "\tNSEC\t", "\tDNSKEY\t", "\tZONEMD\t"].contains { line.contains($0) }
        }.joined(separator: "\n") + "\n"
        try box.write(stripped, to: "zones/stripped.zone")
        let result = try box.zoneaudit("dnssec", "verify", "zones/stripped.zone")
        #expect(result.status == 1, "\(result)")
    }
}
