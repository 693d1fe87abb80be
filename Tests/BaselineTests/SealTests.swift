import Baseline
import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// Sealed baselines: what the seal must catch, what it must let through,
/// and agreement with ldns on the digest and the signatures.
@Suite struct SealTests {
    // MARK: The seal holds

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func aFreshSealVerifiesAndNamesItsApprover(algorithm: LDNSKeyAlgorithm) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(algorithm)
        let result = try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        #expect(result.signatures.count == 1)
        let trusted = try workspace.trust([(alice, "Alice Example, DNS team")])
        let verdict = try workspace.verify(trusted)
        #expect(verdict.outcome == .valid, "\(verdict.summary)")
        #expect(verdict.isValid)
        #expect(verdict.findings.isEmpty)
        #expect(verdict.zone == SealWorkspace.origin)
        #expect(verdict.serial == 2026052801)
        let approver = try #require(verdict.approvers.first)
        #expect(approver.key.name == "Alice Example, DNS team")
        #expect(approver.key.keyTag == alice.keyTag)
        #expect(approver.key.owner == alice.owner)
        #expect(approver.inception == SerialTime(unixSeconds: 1_780_000_000 - 3600))
        #expect(approver.expiration == SerialTime(unixSeconds: 1_780_000_000 + 90 * 86_400))
        #expect(verdict.summary.contains("Alice Example, DNS team"))
        #expect(verdict.summary.contains("2026-05-28T19:26:40Z"))
        #expect(verdict.unsignedComments.contains("tool: zoneaudit-test"))
        // ldns's parser reads the same files to the same verdict.
        let viaLDNS = try SealVerifier(readRecords: LDNSLineReader.read)
            .verify(baselinePath: workspace.baseline, trustedKeys: trusted, at: SealWorkspace.now)
        #expect(viaLDNS.outcome == .valid)
    }

    @Test func theBaselineIsCanonicalAndTheSealIsZoneSyntax() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        let lines = try String(contentsOfFile: workspace.baseline, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasPrefix("; zoneaudit baseline of example.com. serial 2026052801") == true)
        let records = try ZoneFileRecords.read(workspace.baseline, nil)
        #expect(records.first?.type == .soa)
        let rest = Array(records.dropFirst())
        let keys = rest.map { RRsetKey(owner: $0.owner, type: $0.type) }
        #expect(keys == keys.sorted())
        #expect(records.count == (try SealWorkspace.zone()).recordCount)

        // Other tools read the baseline as the zone file it is.
        #expect(try ZoneFixtures.runStatus("/usr/bin/ldns-read-zone", [workspace.baseline]).status == 0)
        let bind = try ZoneFixtures.runStatus("/usr/bin/named-checkzone", ["example.com", workspace.baseline])
        #expect(bind.status == 0, "\(bind.stdout)\(bind.stderr)")

        let seal = try ZoneFileRecords.read(workspace.seal, nil)
        #expect(seal.map(\.type) == [.zonemd, .rrsig])
        let zonemd = try #require(seal[0].zonemd)
        #expect(seal[0].owner == SealWorkspace.origin)
        #expect(zonemd.scheme == 1 && zonemd.hashAlgorithm == 1 && zonemd.digest.count == 48)
        #expect(zonemd.serial == 2026052801)
        let rrsig = try #require(seal[1].rrsig)
        #expect(rrsig.typeCovered == .zonemd && rrsig.signerName == alice.owner && rrsig.keyTag == alice.keyTag)
        let text = try String(contentsOfFile: workspace.seal, encoding: .utf8)
        #expect(text.contains("; approver: key \(alice.keyTag) ECDSAP256SHA256 alice.approvers.example."))
        #expect(text.contains("; sealed-at: 2026-05-28T20:26:40Z"))
    }

    @Test func anOwnerCaseChangeAloneKeepsTheSeal() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        try workspace.tamper { records in
            for index in records.indices {
                records[index].owner = try DomainName(records[index].owner.presentation.uppercased())
            }
        }
        #expect(try String(contentsOfFile: workspace.baseline, encoding: .utf8).contains("MAIL.EXAMPLE.COM."))
        #expect(try workspace.verify(try workspace.trust([(alice, "Alice")])).outcome == .valid)
    }

    // MARK: Any change breaks it

    enum Change: String, CaseIterable, CustomTestStringConvertible {
        case rdataByte, ttl, recordAdded, recordRemoved, rdataNameCase
        var testDescription: String { rawValue }
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases, Change.allCases)
    func anyChangeToTheBaselineBreaksTheSeal(algorithm: LDNSKeyAlgorithm, change: Change) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(algorithm)
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.tamper { records in
            switch change {
            case .rdataByte:
                let index = try #require(records.firstIndex { $0.type == .a })
                records[index].rdata[3] ^= 0x01
            case .ttl:
                let index = try #require(records.firstIndex { $0.type == .mx })
                records[index].ttl += 1
            case .recordAdded:
                records.append(try ZoneFixtures.records("evil.example.com. 300 IN A 203.0.113.66")[0])
            case .recordRemoved:
                records.removeAll { $0.type == .tlsa }
            case .rdataNameCase:
                // TXT RDATA is case-sensitive data, not a name.
                let index = try #require(records.firstIndex { $0.type == .txt })
                records[index].rdata[1] ^= 0x20
            }
        }
        let verdict = try workspace.verify(trusted)
        #expect(verdict.outcome == .digestMismatch, "\(change): \(verdict.summary)")
        #expect(verdict.findings.map(\.rule) == ["baseline.seal-invalid"])
        #expect(verdict.findings.first?.severity == .critical)
    }

    @Test func aChangedSerialOrAStrayRecordIsNotTheSealedZone() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        try workspace.tamper { records in
            let index = try #require(records.firstIndex { $0.type == .soa })
            records[index].rdata[records[index].rdata.count - 17] ^= 0x01
        }
        guard case .baselineMismatch = try workspace.verify(trusted).outcome else {
            Issue.record("serial change not caught")
            return
        }
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice], force: true)
        try workspace.tamper { records in
            records.append(try ZoneFixtures.records("stray.example.org. 300 IN A 203.0.113.1")[0])
        }
        let verdict = try workspace.verify(trusted)
        guard case .baselineMismatch = verdict.outcome else {
            Issue.record("out-of-zone record not caught: \(verdict.summary)")
            return
        }
        #expect(verdict.findings.map(\.rule) == ["baseline.seal-invalid"])
    }

    @Test func aSealMovedOntoAnotherZoneBreaks() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])

        // Same records under another origin.
        let otherText = SealWorkspace.zoneText.replacingOccurrences(of: "example.com.", with: "example.org.")
        let otherPath = workspace.directory + "/example.org.baseline"
        try workspace.sealZone(try SealWorkspace.zone(otherText, origin: try DomainName("example.org.")),
                               keys: [alice], path: otherPath)
        try FileManager.default.removeItem(atPath: otherPath + ".seal")
        try FileManager.default.copyItem(atPath: workspace.seal, toPath: otherPath + ".seal")
        let moved = try workspace.verify(trusted, path: otherPath)
        #expect(moved.outcome != .valid)
        #expect(moved.findings.map(\.rule) == ["baseline.seal-invalid"])

        // Another version of the same zone (same origin, same serial).
        let changedPath = workspace.directory + "/example.com.v2"
        let changedText = SealWorkspace.zoneText.replacingOccurrences(of: "192.0.2.80", with: "192.0.2.81")
        try workspace.sealZone(try SealWorkspace.zone(changedText), keys: [alice], path: changedPath)
        try FileManager.default.removeItem(atPath: changedPath + ".seal")
        try FileManager.default.copyItem(atPath: workspace.seal, toPath: changedPath + ".seal")
        #expect(try workspace.verify(trusted, path: changedPath).outcome == .digestMismatch)
    }

    // MARK: Who signed

    @Test func aSignatureByAnUntrustedKeyIsUntrusted() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(), mallory = try LDNSKeyPair.generate(
            algorithm: .ecdsap256sha256, owner: try DomainName("alice.approvers.example."))
        try workspace.sealZone(try SealWorkspace.zone(), keys: [mallory])
        let verdict = try workspace.verify(try workspace.trust([(alice, "Alice")]))
        #expect(verdict.outcome == .untrusted)
        #expect(verdict.approvers.isEmpty)
        #expect(verdict.signatures.map(\.status) == [.untrustedKey])
        #expect(verdict.findings.map(\.rule) == ["baseline.untrusted"])
        #expect(verdict.findings.first?.severity == .critical)
        // The finding points at the RRSIG line, not at the unsigned comments above it.
        let location = try #require(verdict.findings.first?.location)
        let lines = try String(contentsOfFile: workspace.seal, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(location.file == workspace.seal)
        #expect(lines[Int(location.line) - 1].contains("\tRRSIG\t"), "\(location)")
    }

    @Test func aForgedSignatureClaimingATrustedKeyIsInvalid() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(.ed25519)
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        var seal = try ZoneFileRecords.read(workspace.seal, nil)
        seal[1].rdata[seal[1].rdata.count - 3] ^= 0x10
        try (seal.map(\.presentation).joined(separator: "\n") + "\n").write(toFile: workspace.seal, atomically: true, encoding: .utf8)
        let verdict = try workspace.verify(try workspace.trust([(alice, "Alice")]))
        guard case .badSignature = verdict.outcome else {
            Issue.record("forged signature not caught: \(verdict.summary)")
            return
        }
        #expect(verdict.findings.map(\.rule) == ["baseline.seal-invalid"])
    }

    @Test func requireTwoNeedsTwoDistinctTrustedApprovers() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(), bob = try TestKeys.bob()
        let trusted = try workspace.trust([(alice, "Alice"), (bob, "Bob")])
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        let one = try workspace.verify(trusted, require: 2)
        #expect(one.outcome == .insufficientApprovers(found: 1, required: 2))
        #expect(one.findings.map(\.rule) == ["baseline.untrusted"])
        #expect(try workspace.verify(trusted, require: 1).outcome == .valid)

        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice, bob], force: true)
        let two = try workspace.verify(trusted, require: 2)
        #expect(two.outcome == .valid, "\(two.summary)")
        #expect(Set(two.approvers.compactMap(\.key.name)) == ["Alice", "Bob"])
        #expect(try workspace.verify(trusted, require: 3).outcome == .insufficientApprovers(found: 2, required: 3))
    }

    @Test func theSameKeyTwiceCountsOnce() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        let reread = try LDNSKeyPair.read(from: try alice.write(toDirectory: workspace.directory).privateKey)
        let result = try workspace.sealZone(try SealWorkspace.zone(), keys: [alice, reread, alice])
        #expect(result.signatures.count == 1)
        // The trusted-keys file lists the key twice under two names.
        let trusted = try workspace.trust([(alice, "Alice"), (alice, "Alice again")])
        #expect(trusted.keys.count == 1)
        #expect(try workspace.verify(trusted, require: 2).outcome == .insufficientApprovers(found: 1, required: 2))
        // A seal whose signature line was duplicated by hand.
        let sealText = try String(contentsOfFile: workspace.seal, encoding: .utf8)
        let signatureLine = try #require(sealText.split(separator: "\n").last { !$0.hasPrefix(";") })
        try (sealText + signatureLine + "\n").write(toFile: workspace.seal, atomically: true, encoding: .utf8)
        let verdict = try workspace.verify(trusted, require: 2)
        #expect(verdict.outcome == .insufficientApprovers(found: 1, required: 2))
        #expect(verdict.approvers.count == 1)
    }

    // MARK: When

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func anExpiredSealIsReportedAsExpired(algorithm: LDNSKeyAlgorithm) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(algorithm)
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice], validity: .seconds(30 * 86_400))
        let expired = try workspace.verify(trusted, at: SealWorkspace.now.addingTimeInterval(31 * 86_400))
        #expect(expired.outcome == .expired)
        #expect(expired.findings.map(\.rule) == ["baseline.seal-invalid"])
        #expect(expired.summary.contains("expired"))
        let early = try workspace.verify(trusted, at: SealWorkspace.now.addingTimeInterval(-2 * 3600))
        #expect(early.outcome == .notYetValid)
        #expect(try workspace.verify(trusted, at: SealWorkspace.now.addingTimeInterval(29 * 86_400)).outcome == .valid)
    }

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func aSealValidUntil2040Verifies(algorithm: LDNSKeyAlgorithm) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(algorithm)
        let until2040 = Date(timeIntervalSince1970: 2_208_988_800 + 180 * 86_400)   // 2040-06-29
        let validity = Duration.seconds(Int64(until2040.timeIntervalSince(SealWorkspace.now)))
        let result = try workspace.sealZone(try SealWorkspace.zone(), keys: [alice], validity: validity)
        #expect(result.expiration.rawValue > 0x8000_0000)
        #expect(result.signatures[0].rrsig?.expiration == result.expiration.rawValue)
        let trusted = try workspace.trust([(alice, "Alice")])
        #expect(try workspace.verify(trusted).outcome == .valid)
        #expect(try workspace.verify(trusted, at: Date(timeIntervalSince1970: 2_208_988_800 + 86_400)).outcome == .valid)
        #expect(try workspace.verify(trusted, at: until2040.addingTimeInterval(86_400)).outcome == .expired)
    }

    // MARK: Files

    @Test func anExistingBaselineIsReplacedOnlyWithForce() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        let before = try String(contentsOfFile: workspace.baseline, encoding: .utf8)
        let changed = try SealWorkspace.zone(SealWorkspace.zoneText.replacingOccurrences(of: "192.0.2.80", with: "192.0.2.81"))
        #expect(throws: BaselineError.baselineExists(path: workspace.baseline)) {
            try workspace.sealZone(changed, keys: [alice])
        }
        #expect(try String(contentsOfFile: workspace.baseline, encoding: .utf8) == before)
        #expect(try workspace.verify(trusted).outcome == .valid)
        try workspace.sealZone(changed, keys: [alice], force: true)
        #expect(try String(contentsOfFile: workspace.baseline, encoding: .utf8) != before)
        #expect(try workspace.verify(trusted).outcome == .valid)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.directory).filter { $0.contains(".tmp.") }
        #expect(leftovers.isEmpty)
    }

    @Test func aMissingSealIsReported() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        try FileManager.default.removeItem(atPath: workspace.seal)
        let verdict = try workspace.verify(try workspace.trust([(alice, "Alice")]))
        #expect(verdict.outcome == .missingSeal)
        #expect(verdict.findings.map(\.rule) == ["baseline.seal-missing"])
        #expect(verdict.findings.first?.severity == .critical)
        #expect(throws: BaselineError.self) {
            try workspace.verify(try workspace.trust([(alice, "Alice")]), path: workspace.directory + "/nothing")
        }
    }

    @Test func sealsThatAreNotOneSHA384ZONEMDWithSignaturesAreMalformed() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice()
        let trusted = try workspace.trust([(alice, "Alice")])
        let result = try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        var sha512 = try #require(ZONEMDDigest.record(for: try SealWorkspace.zone(), hash: .sha512))
        sha512.ttl = result.zonemd.ttl
        let variants: [[Record]] = [
            [result.zonemd, result.zonemd.with { $0.rdata[10] ^= 1 }] + result.signatures,
            [sha512] + result.signatures,
            [result.zonemd] + result.signatures + (try ZoneFixtures.records("example.com. 300 IN A 192.0.2.1")),
            [result.zonemd, result.signatures[0].with { $0.owner = try! DomainName("www.example.com.") }],
            [],
        ]
        for records in variants {
            try (records.map(\.presentation).joined(separator: "\n") + "\n").write(toFile: workspace.seal, atomically: true, encoding: .utf8)
            let verdict = try workspace.verify(trusted)
            guard case .malformedSeal = verdict.outcome else {
                Issue.record("accepted as a seal: \(records.map(\.type)): \(verdict.summary)")
                continue
            }
            #expect(verdict.findings.map(\.rule) == ["baseline.seal-invalid"])
        }
    }

    @Test func aReadablePrivateKeyFileGetsAWarning() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let (key, paths) = try ApproverKeys.generate(
            algorithm: .ed25519, owner: try DomainName("alice.approvers.example."), directory: workspace.directory)
        let loaded = try ApproverKeys.load(paths.publicKey)
        #expect(loaded.key.keyTag == key.keyTag)
        #expect(loaded.findings.isEmpty)
        chmod(paths.privateKey, 0o640)
        let warned = try ApproverKeys.load(paths.privateKey)
        #expect(warned.findings.map(\.rule) == ["baseline.key-permissions"])
        #expect(warned.findings.first?.level == .warning)
        #expect(warned.findings.first?.message.contains(paths.privateKey) == true)
    }

    // MARK: Agreement with ldns

    @Test(arguments: LDNSKeyAlgorithm.allCases)
    func theSealsDigestAndSignaturesAreLDNSs(algorithm: LDNSKeyAlgorithm) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let alice = try TestKeys.alice(algorithm)
        try workspace.sealZone(try SealWorkspace.zone(), keys: [alice])
        let seal = try ZoneFileRecords.read(workspace.seal, nil)
        // The digest: ldns verifies the seal's ZONEMD inserted into a copy
        // of the (trusted, well-formed) baseline.
        let copy = workspace.directory + "/copy.zone"
        try ZoneFixtures.writeZoneFile(try ZoneFileRecords.read(workspace.baseline, nil) + [seal[0]], to: copy)
        #expect(throws: Never.self) { try LDNSZoneDigestCheck.verifyTrustedZoneFile(copy, origin: SealWorkspace.origin) }
        let cli = try ZoneFixtures.runStatus("/usr/bin/ldns-verify-zone", ["-Z", copy])
        #expect(cli.status == 0, "\(cli.stdout)\(cli.stderr)")
        // The signature: ldns's verification with the public key from the trusted-keys file.
        let trusted = try workspace.trust([(alice, "Alice")])
        #expect(throws: Never.self) {
            try LDNSSignatureCheck.verify([seal[0]], signature: seal[1], key: trusted.keys[0].dnskey)
        }
    }

    @Test(arguments: [false, true])
    func aSignedZoneWithItsOwnZONEMDSealsAndVerifies(nsec3: Bool) throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let zoneKey = try LDNSKeyPair.generate(algorithm: .ecdsap256sha256, owner: SealWorkspace.origin, flags: 257)
        let keyPaths = try zoneKey.write(toDirectory: workspace.directory)
        let unsigned = workspace.directory + "/example.com.zone"
        try (SealWorkspace.zoneText + "\n").write(toFile: unsigned, atomically: true, encoding: .utf8)
        let signed = workspace.directory + "/example.com.signed"
        try ZoneFixtures.run("/usr/bin/ldns-signzone",
                             (nsec3 ? ["-n", "-s", "aabbccdd", "-t", "0"] : []) + ["-z", "1:1", "-e", "20400101000000",
                              "-f", signed, unsigned, String(keyPaths.privateKey.dropLast(".private".count))])
        let signedRecords = try ZoneFixtures.records(ofFile: signed)
        #expect(signedRecords.contains { $0.type == .zonemd && $0.owner == SealWorkspace.origin })
        #expect(signedRecords.contains { $0.type == (nsec3 ? .nsec3 : .nsec) })
        let zone = ZoneFixtures.zone(signedRecords, origin: SealWorkspace.origin)
        #expect(ZONEMDVerifier.verify(zone).status == .verified)

        let alice = try TestKeys.alice(.ed25519)
        let trusted = try workspace.trust([(alice, "Alice")])
        try workspace.sealZone(zone, keys: [alice])
        #expect(try workspace.verify(trusted).outcome == .valid)

        if !nsec3 {
            // ldns agrees on a copy whose own apex ZONEMD is replaced by the seal's
            // (ldns 1.8.3 hangs on NSEC3 zones with ZONEMD: never on those).
            let sealZONEMD = try ZoneFileRecords.read(workspace.seal, nil)[0]
            let replaced = try ZoneFileRecords.read(workspace.baseline, nil)
                .filter { !($0.owner == SealWorkspace.origin && ($0.type == .zonemd || $0.coveredType == .zonemd)) }
            let copy = workspace.directory + "/copy.zone"
            try ZoneFixtures.writeZoneFile(replaced + [sealZONEMD], to: copy)
            #expect(throws: Never.self) { try LDNSZoneDigestCheck.verifyTrustedZoneFile(copy, origin: SealWorkspace.origin) }
        }

        // RFC 8976: the zone's own apex ZONEMD is outside the digest ...
        try workspace.tamper { records in
            let index = try #require(records.firstIndex { $0.type == .zonemd && $0.owner == SealWorkspace.origin })
            records[index].rdata[20] ^= 0x01
        }
        #expect(try workspace.verify(trusted).outcome == .valid)
        // ... every other signature and denial record is inside it.
        try workspace.tamper { records in
            let index = try #require(records.firstIndex { $0.type == .rrsig && $0.coveredType == .a })
            records[index].rdata[records[index].rdata.count - 1] ^= 0x01
        }
        #expect(try workspace.verify(trusted).outcome == .digestMismatch)
    }
}

extension Record {
    func with(_ change: (inout Record) -> Void) -> Record {
        var copy = self
        change(&copy)
        return copy
    }
}

/// The repository's test-only sample approver key seals and verifies.
@Suite struct SampleApproverKeyTests {
    static let samplePath = ZoneFixtures.packageRoot.appendingPathComponent("Samples/keys/Ktest-approver.example.+015+57455").path
    static let available = FileManager.default.fileExists(atPath: samplePath + ".private")

    @Test(.enabled(if: available, "Samples/keys has no sample approver key"))
    func theSampleApproverKeySealsAndVerifies() throws {
        let workspace = try SealWorkspace()
        defer { workspace.cleanUp() }
        let (key, _) = try ApproverKeys.load(Self.samplePath + ".key")
        #expect(key.keyTag == 57455)
        #expect(key.algorithm == .ed25519)
        try workspace.sealZone(try SealWorkspace.zone(), keys: [key])
        #expect(try workspace.verify(try workspace.trust([(key, "test approver")])).outcome == .valid)
    }
}
