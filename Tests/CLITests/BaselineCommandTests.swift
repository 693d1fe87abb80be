import Foundation
import Testing

/// `zoneaudit baseline keygen|seal|verify`: approver keys, seals that break
/// on any change, and a verify that exits 0 only when the seal holds.
@Suite struct BaselineCommandTests {
    @Test(arguments: ["ED25519", "ECDSAP256SHA256"])
    func keygenWritesAPairWithAPrivateHalfOnlyTheOwnerReads(algorithm: String) throws {
        let box = try Sandbox()
        try box.write("", to: "approvers/.keep")
        let result = try box.zoneaudit("baseline", "keygen", "--algorithm", algorithm, "--directory", "approvers",
                                       "alice.approvers.example.org")
        #expect(result.status == 0, "\(result)")
        let files = try box.listing("approvers").filter { $0 != ".keep" }
        let publicFile = try #require(files.first { $0.hasSuffix(".key") }, "\(files)")
        let privateFile = try #require(files.first { $0.hasSuffix(".private") }, "\(files)")
        #expect(files.count == 2, "no temporary files left: \(files)")
        #expect(publicFile.hasPrefix("Kalice.approvers.example.org.+"))
        #expect(try box.mode("approvers/" + privateFile) == 0o600)
        #expect(result.stdout.contains(publicFile) && result.stdout.contains(privateFile), "\(result)")
        // The trusted-keys line is printed; the private key never is.
        #expect(result.stdout.contains("alice.approvers.example.org.\t3600\tIN\tDNSKEY\t256 3 "), "\(result)")
        let secret = try box.read("approvers/" + privateFile)
            .split(separator: "\n").first { $0.hasPrefix("PrivateKey:") }
        let secretValue = try #require(secret?.split(separator: " ").last)
        #expect(!result.stdout.contains(secretValue) && !result.stderr.contains(secretValue))

        // ldns reads the public half as a DNSKEY record.
        if ExternalTool.isInstalled("ldns-read-zone") {
            let read = try ExternalTool.run("ldns-read-zone", [box.path("approvers/" + publicFile)])
            #expect(read.status == 0, "\(read.output)")
            #expect(read.output.contains("alice.approvers.example.org.\t3600\tIN\tDNSKEY\t256 3 "), "\(read.output)")
        }

        // A fresh key seals, and verifies against the line keygen printed.
        let trusted = try #require(result.stdout.split(separator: "\n").first { $0.contains("\tDNSKEY\t") })
        try box.write(String(trusted) + "\n", to: "alice-trusted.zone")
        let seal = try box.zoneaudit("baseline", "seal", "--key", "approvers/" + privateFile, "--output", "b.zone",
                                     "zones/example.com.zone")
        #expect(seal.status == 0, "\(seal)")
        let verify = try box.zoneaudit("baseline", "verify", "--trusted-keys", "alice-trusted.zone", "b.zone")
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func sealWritesBaselineAndSealAtomicallyAndRefusesToOverwrite() throws {
        let box = try Sandbox()
        try box.write("", to: "approved/.keep")
        let first = try box.sealSampleBaseline(output: "approved/example.com.zone")
        #expect(first.stdout.contains("sealed example.com. serial 2026112901 into approved/example.com.zone and approved/example.com.zone.seal"), "\(first)")
        #expect(try box.listing("approved") == [".keep", "example.com.zone", "example.com.zone.seal"], "no temporary files")
        let baseline = try box.read("approved/example.com.zone")
        let seal = try box.read("approved/example.com.zone.seal")
        // The baseline is the zone canonicalized: the same text `print` gives.
        #expect(baseline.contains("example.com.\t3600\tIN\tSOA\tns1.example.com. hostmaster.example.com. 2026112901"))
        #expect(baseline.contains("host-4.pool.example.com.\t3600\tIN\tA\t192.0.2.204"), "$GENERATE expanded")
        #expect(seal.contains("\tZONEMD\t2026112901 1 1 "), "SIMPLE/SHA-384 ZONEMD: \(seal)")
        #expect(seal.contains("\tRRSIG\tZONEMD 15 2 "), "\(seal)")
        #expect(seal.contains("57455 test-approver.example. "), "\(seal)")

        // Once there is a baseline, only --force replaces it; nothing moves meanwhile.
        try box.edit("zones/example.com.zone", replacing: "192.0.2.80", with: "192.0.2.99")
        let refused = try box.zoneaudit("baseline", "seal", "--key", Sandbox.approverKey,
                                        "--output", "approved/example.com.zone", "zones/example.com.zone")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(try box.read("approved/example.com.zone") == baseline)
        #expect(try box.read("approved/example.com.zone.seal") == seal)
        #expect(try box.listing("approved") == [".keep", "example.com.zone", "example.com.zone.seal"])

        let forced = try box.zoneaudit("baseline", "seal", "--force", "--key", Sandbox.approverKey,
                                       "--output", "approved/example.com.zone", "zones/example.com.zone")
        #expect(forced.status == 0, "\(forced)")
        #expect(try box.read("approved/example.com.zone").contains("192.0.2.99"))
        #expect(try box.read("approved/example.com.zone.seal") != seal)
        #expect(try box.listing("approved") == [".keep", "example.com.zone", "example.com.zone.seal"])
    }

    @Test func sealWarnsAboutAPrivateKeyOthersCanRead() throws {
        let box = try Sandbox()
        try box.setMode(0o644, Sandbox.approverKey + ".private")
        let result = try box.zoneaudit("baseline", "seal", "--key", Sandbox.approverKey, "--output", "b.zone",
                                       "zones/example.com.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("[baseline.key-permissions]"), "\(result)")
        #expect(result.stderr.contains("chmod 600"), "\(result)")
        #expect(!result.stderr.contains("aA1DykaCGCl9JQd8nBCEjWAnMxLuA6An0cDIX9DcfGA="), "the private key is never printed")
    }

    @Test func verifyHoldsForTheSealedBaseline() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("seal holds for example.com. serial 2026112901: sealed by (key 57455, algorithm 15, test-approver.example.)"), "\(result)")
        #expect(result.lastLine == "example.com.: no findings", "\(result)")
    }

    /// One byte of the baseline, anywhere a record lives, breaks the seal.
    @Test(arguments: [
        ("192.0.2.80", "192.0.2.81"),              // RDATA
        ("api.example.com.\t300", "api.example.com.\t301"),  // a TTL
        ("letsencrypt.org", "letsencrypt.orh"),    // a quoted string
    ])
    func verifyFailsAfterOneByteChanges(old: String, new: String) throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        try box.edit("baseline.zone", replacing: old, with: new)
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("[baseline.seal-invalid]"), "\(result)")
        #expect(result.stdout.contains("does not match the sealed ZONEMD digest"), "\(result)")
    }

    @Test func verifyFailsWhenARecordIsAdded() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let text = try box.read("baseline.zone")
        try box.write(text + "evil.example.com.\t3600\tIN\tA\t203.0.113.66\n", to: "baseline.zone")
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("[baseline.seal-invalid]"), "\(result)")
    }

    @Test func verifyFailsWithoutASeal() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        try box.remove("baseline.zone.seal")
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("[baseline.seal-missing]"), "\(result)")
    }

    /// A valid seal of one zone, put beside another zone's baseline, does not hold.
    @Test func sealMovedOntoAnotherZoneBreaks() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline(output: "com.zone")
        let other = try box.zoneaudit("baseline", "seal", "--key", Sandbox.approverKey, "--output", "net.zone",
                                      "zones/example.net.zone")
        #expect(other.status == 0, "\(other)")
        try box.remove("net.zone.seal")
        try box.copy("com.zone.seal", to: "net.zone.seal")
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", box.trustedKeys, "net.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("[baseline.seal-invalid]"), "\(result)")
    }

    @Test func verifyRejectsASealByAnUntrustedKey() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        // Trust only example.net's zone-signing key (a real key, just not the approver).
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", "keys/Kexample.net.+013+61129.key",
                                       "baseline.zone")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("[baseline.untrusted]"), "\(result)")
        #expect(result.stdout.contains("no signature by a trusted key"), "\(result)")
    }

    @Test func requireTwoApproversNeedsTwo() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let one = try box.zoneaudit("baseline", "verify", "--require", "2", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(one.status == 1, "\(one)")
        #expect(one.stdout.contains("1 distinct trusted approver(s), 2 required"), "\(one)")
        #expect(one.stdout.contains("[baseline.untrusted]"), "\(one)")

        // Two distinct approvers seal; both trusted: the two-person rule holds.
        let keygen = try box.zoneaudit("baseline", "keygen", "--directory", "keys", "bob.approvers.example.org")
        #expect(keygen.status == 0, "\(keygen)")
        let bob = try #require(try box.listing("keys").first { $0.hasPrefix("Kbob.") && $0.hasSuffix(".private") })
        try box.setMode(0o600, Sandbox.approverKey + ".private")
        let seal = try box.zoneaudit("baseline", "seal", "--key", Sandbox.approverKey, "--key", "keys/" + bob,
                                     "--output", "two.zone", "zones/example.com.zone")
        #expect(seal.status == 0, "\(seal)")
        let bobLine = try #require(keygen.stdout.split(separator: "\n").first { $0.contains("\tDNSKEY\t") })
        try box.write(try box.read(box.trustedKeys) + bobLine + "\n", to: "both.zone")
        let two = try box.zoneaudit("baseline", "verify", "--require", "2", "--trusted-keys", "both.zone", "two.zone")
        #expect(two.status == 0, "\(two)")
        // Trusting only one of the two is not enough for --require 2.
        let half = try box.zoneaudit("baseline", "verify", "--require", "2", "--trusted-keys", box.trustedKeys, "two.zone")
        #expect(half.status == 1, "\(half)")
    }

    @Test func atBeforeTheWindowIsNotYetValidAndAfterItExpired() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline(extra: ["--validity", "30d"])
        let past = try box.zoneaudit("baseline", "verify", "--at", "20200101000000", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(past.status == 1, "\(past)")
        #expect(past.stdout.contains("seal not yet valid for example.com."), "\(past)")
        #expect(past.stdout.contains("[baseline.seal-invalid]"), "\(past)")

        let future = try box.zoneaudit("baseline", "verify", "--at", "2030-01-01T00:00:00Z", "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(future.status == 1, "\(future)")
        #expect(future.stdout.contains("seal expired for example.com."), "\(future)")

        // Inside the window (given in RFC 3339) it holds.
        let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))
        let inside = try box.zoneaudit("baseline", "verify", "--at", soon, "--trusted-keys", box.trustedKeys, "baseline.zone")
        #expect(inside.status == 0, "\(inside)")
    }

    @Test func verifyWithAnUnreadableKeysFileExitsTwo() throws {
        let box = try Sandbox()
        try box.sealSampleBaseline()
        let result = try box.zoneaudit("baseline", "verify", "--trusted-keys", "no-such-keys.zone", "baseline.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no-such-keys.zone"), "\(result)")
        #expect(result.stdout.isEmpty)
    }
}
