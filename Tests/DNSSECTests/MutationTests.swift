import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// Each damage to an ldns-signed zone is caught with its rule, and the verdict
/// agrees with `ldns-verify-zone` on the same file (the differential half),
/// except where ldns is wrong or does not check (said per test).
@Suite(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone", "ldns-verify-zone")))
struct MutationTests {
    static let time = SignedZoneFixture.validationTimeText

    struct Outcome {
        let report: DNSSECReport
        let ldns: LDNSVerifyZone.Verdict
        let path: String

        func has(_ rule: DNSSECRule, owner: String? = nil) -> Bool {
            report.findings.contains { finding in
                finding.rule == rule.id && (owner == nil || finding.owner == (try? DomainName(owner!)))
            }
        }

        /// zoneaudit and ldns-verify-zone give the same verdict.
        var agrees: Bool { report.isValid == (ldns == .valid) }
    }

    /// Signs the test zone, applies `edit` to the signed text, and runs both validators.
    static func mutate(
        algorithm: String = "ECDSAP256SHA256", denial: SignedZoneFixture.Denial = .nsec,
        at time: String = time, anchors: [Record] = [], ldnsAnchorFiles: [String] = [],
        expiration: String = SignedZoneFixture.expiration,
        _ edit: (inout ZoneText, SignedZoneFixture) throws -> Void
    ) throws -> Outcome {
        let fixture = try SignedZoneFixture.make(algorithm: algorithm, denial: denial, expiration: expiration)
        defer { fixture.remove() }
        var text = ZoneText(fixture.signedText)
        try edit(&text, fixture)
        let path = try fixture.write(text.text, as: "mutated.zone")
        let zone = try fixture.zone(at: path)
        let options = DNSSECOptions(validationTime: DNSSECTime.parse(time)!, trustAnchors: anchors, jobs: 2)
        let report = DNSSECValidator(options: options).validate(zone)
        let ldns = try LDNSVerifyZone.verdict(path, at: time, anchors: ldnsAnchorFiles)
        return Outcome(report: report, ldns: ldns, path: path)
    }

    @Test func unmodifiedZoneIsValidForBoth() throws {
        let outcome = try MutationTests.mutate { _, _ in }
        #expect(outcome.report.isValid, "\(outcome.report.findings.map(\.message))")
        #expect(outcome.ldns == .valid)
    }

    @Test func flippedRRSIGByteIsInvalid() throws {
        let outcome = try MutationTests.mutate { text, _ in
            text.flipSignatureCharacter(at: try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "A")))
        }
        #expect(outcome.has(.rrsigInvalid, owner: "www.example."))
        let summary = outcome.report.summary
        #expect(summary.signaturesBogus == 1)
        #expect(summary.signaturesVerified + summary.signaturesBogus + summary.signaturesUnchecked == summary.signatures)
        // The bad signature is reported once, not again as a missing algorithm.
        #expect(outcome.report.findings.filter { $0.level == .error }.map(\.rule) == [DNSSECRule.rrsigInvalid.id])
        #expect(!outcome.report.isValid)
        #expect(outcome.agrees)
    }

    @Test func removedRRSIGLeavesTheRRsetUnsigned() throws {
        let outcome = try MutationTests.mutate { text, _ in
            text.remove(at: try #require(text.index(owner: "mail.example.", type: "RRSIG", covering: "A")))
        }
        let missing = outcome.report.findings(.rrsigMissing)
        #expect(missing.count == 1)
        #expect(missing.first?.owner == (try DomainName("mail.example.")) && missing.first?.type == .a)
        #expect(outcome.agrees)
    }

    @Test func addedUnsignedRRsetIsReported() throws {
        let outcome = try MutationTests.mutate { text, _ in
            text.append("www.example.\t3600\tIN\tTXT\t\"added without signing\"")
        }
        #expect(outcome.report.findings(.rrsigMissing).contains { $0.type == .txt })
        // The NSEC at www no longer lists every type there.
        #expect(outcome.has(.nsecBitmapMismatch, owner: "www.example."))
        #expect(outcome.agrees)
    }

    @Test func removedNSECBreaksTheChain() throws {
        let outcome = try MutationTests.mutate { text, _ in
            text.remove(at: try #require(text.index(owner: "mail.example.", type: "NSEC")))
        }
        #expect(outcome.has(.nsecChainBroken, owner: "mail.example."))
        #expect(outcome.agrees)
    }

    @Test func reorderedNSECChainIsReported() throws {
        // Swapping two next-name fields puts the chain out of canonical order.
        let outcome = try MutationTests.mutate { text, _ in
            let mail = try #require(text.index(owner: "mail.example.", type: "NSEC"))
            let ns1 = try #require(text.index(owner: "ns1.example.", type: "NSEC"))
            let mailNext = ZoneText.fields(text.lines[mail])[4]
            let ns1Next = ZoneText.fields(text.lines[ns1])[4]
            text.replaceField(4, at: mail, with: ns1Next)
            text.replaceField(4, at: ns1, with: mailNext)
        }
        #expect(outcome.has(.nsecChainBroken, owner: "mail.example."))
        #expect(outcome.has(.nsecChainBroken, owner: "ns1.example."))
        // The finding names where the NSEC points and where it should.
        let mail = outcome.report.findings(.nsecChainBroken).first { $0.owner == (try? DomainName("mail.example.")) }
        #expect(mail?.message == "NSEC at mail.example. points to ns2.example.; the next name in canonical order is ns1.example.")
        #expect(outcome.agrees)
    }

    /// Names compare without regard to case (RFC 4343) and are signed lower-cased
    /// (RFC 4034 section 6.2): upper-casing every owner, and the names inside
    /// the RDATA of the types whose names are lowered, keeps the zone valid.
    /// (An NSEC's next name is signed as written, RFC 6840 section 5.1, so it stays.)
    @Test func upperCasedNamesStayValid() throws {
        let outcome = try MutationTests.mutate { text, _ in
            for index in text.lines.indices {
                let line = text.lines[index], fields = ZoneText.fields(line)
                guard fields.count >= 5, !line.hasPrefix(";") else { continue }
                // The rest of the line stays as written (a TXT string keeps its blanks).
                text.lines[index] = ["NS", "MX", "CNAME", "SOA"].contains(fields[3])
                    ? line.uppercased() : fields[0].uppercased() + line.dropFirst(fields[0].count)
            }
        }
        #expect(outcome.report.isValid, "\(outcome.report.findings.map(\.message))")
        #expect(outcome.report.summary.signaturesVerified == outcome.report.summary.signatures)
        #expect(outcome.agrees)
    }

    @Test func alteredNSECBitmapIsReported() throws {
        let outcome = try MutationTests.mutate { text, _ in
            let index = try #require(text.index(owner: "www.example.", type: "NSEC"))
            text.lines[index] += " TXT"
        }
        let mismatch = outcome.report.findings(.nsecBitmapMismatch)
        #expect(mismatch.count == 1)
        #expect(mismatch.first?.message.contains("lists TXT") == true)
        // The NSEC's own signature no longer verifies either.
        #expect(outcome.has(.rrsigInvalid, owner: "www.example."))
        #expect(outcome.agrees)
    }

    @Test func changedNSEC3PARAMSaltIsReported() throws {
        let outcome = try MutationTests.mutate(denial: .nsec3(iterations: 1, salt: "ABCD", optOut: false)) { text, _ in
            let index = try #require(text.index(owner: "example.", type: "NSEC3PARAM"))
            text.replaceField(7, at: index, with: "ABCE")
        }
        #expect(outcome.has(.nsec3ParamMismatch))
        #expect(outcome.agrees)
    }

    @Test func changedSaltOfOneNSEC3IsReported() throws {
        let outcome = try MutationTests.mutate(denial: .nsec3(iterations: 1, salt: "ABCD", optOut: false)) { text, _ in
            let index = try #require(text.indices(type: "NSEC3").first)
            text.replaceField(7, at: index, with: "ABCE")
        }
        #expect(outcome.report.findings(.nsec3ParamMismatch).count == 1)
        // The record left the chain: the name it stood for has no NSEC3 now.
        #expect(outcome.has(.nsec3ChainBroken))
        #expect(outcome.agrees)
    }

    @Test func swappedDNSKEYIsReported() throws {
        let outcome = try MutationTests.mutate { text, fixture in
            // Replace the ZSK with a fresh key of the same algorithm: its
            // signatures lose their key and the DNSKEY RRset's signature breaks.
            let other = try SignedZoneFixture.keygen(algorithm: "ECDSAP256SHA256", ksk: false, in: fixture.directory)
            let otherKey = try String(contentsOfFile: fixture.directory.appendingPathComponent("\(other).key").path, encoding: .utf8)
            // The .key line is "owner IN DNSKEY rdata ;comment" (no TTL).
            let keyLine = try #require(otherKey.split(separator: "\n").first { !$0.hasPrefix(";") })
            let keyFields = ZoneText.fields(String(keyLine.split(separator: ";")[0]))
            let rdata = try #require(keyFields.firstIndex(of: "DNSKEY")).advanced(by: 1)
            let zsk = try #require(text.lines.firstIndex { line in
                let f = ZoneText.fields(line)
                return f.count > 5 && f[3] == "DNSKEY" && f[4] == "256"
            })
            text.lines[zsk] = (["example.", "3600", "IN", "DNSKEY"] + keyFields[rdata...]).joined(separator: "\t")
        }
        #expect(outcome.has(.dnskeyUnsigned))
        #expect(outcome.has(.rrsigKeyMissing))
        #expect(outcome.agrees)
    }

    @Test func matchingDSAnchorsTheKeys() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        let anchors = try TestZoneReader.records(fromFile: fixture.kskDSPath)
        let report = DNSSECValidator(options: DNSSECOptions(validationTime: DNSSECTime.parse(MutationTests.time)!, trustAnchors: anchors))
            .validate(try fixture.zone())
        #expect(report.isValid, "\(report.findings.map(\.message))")
        guard case .anchored(let tags) = report.summary.trust else {
            Issue.record("trust \(report.summary.trust)")
            return
        }
        #expect(tags == [try #require(anchors.first?.ds?.keyTag)])
        #expect(report.findings(.anchorTakenAsGiven).isEmpty)
        #expect(try LDNSVerifyZone.verdict(fixture.signedPath, at: MutationTests.time, anchors: [fixture.kskDSPath]) == .valid)
    }

    @Test func nonMatchingDSIsReported() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        var ds = try #require(try TestZoneReader.records(fromFile: fixture.kskDSPath).first)
        ds.rdata[ds.rdata.count - 1] ^= 0xFF
        let badPath = try fixture.write(ds.presentation + "\n", as: "bad.ds")
        let report = DNSSECValidator(options: DNSSECOptions(validationTime: DNSSECTime.parse(MutationTests.time)!, trustAnchors: [ds]))
            .validate(try fixture.zone())
        #expect(report.findings(.noTrustAnchorMatch).count == 1)
        #expect(report.summary.trust == .broken)
        #expect(!report.isValid)
        let ldns = try LDNSVerifyZone.verdict(fixture.signedPath, at: MutationTests.time, anchors: [badPath])
        #expect(ldns != .valid)
    }

    @Test func expiredSignaturesAreReported() throws {
        let outcome = try MutationTests.mutate(at: "20360101000000") { _, _ in }
        #expect(outcome.report.findings(.rrsigExpired).count == outcome.report.summary.signatures)
        #expect(outcome.report.findings(.rrsigNotYetValid).isEmpty)
        #expect(outcome.report.summary.signaturesVerified == outcome.report.summary.signatures)
        #expect(outcome.agrees)
    }

    @Test func notYetValidSignaturesAreReported() throws {
        let outcome = try MutationTests.mutate(at: "20240101000000") { _, _ in }
        #expect(!outcome.report.findings(.rrsigNotYetValid).isEmpty)
        #expect(outcome.report.findings(.rrsigExpired).isEmpty)
        #expect(outcome.agrees)
    }

    @Test func expiringSignaturesAreAWarningNamingTheEarliest() throws {
        // 2034-12-28 is within 7 days of the 2035-01-01 expiration.
        let outcome = try MutationTests.mutate(at: "20341228000000") { _, _ in }
        let expiring = outcome.report.findings(.rrsigExpiring)
        #expect(expiring.count == 1)
        #expect(expiring.first?.message.contains("2035-01-01T00:00:00Z") == true)
        #expect(outcome.report.isValid)
        #expect(outcome.agrees)
    }

    /// ldns 1.8.3 is wrong here: it calls every signature that expires after
    /// 2038-01-19 "expiration date earlier than inception date". zoneaudit's
    /// serial arithmetic (RFC 4034 3.1.5) validates the zone.
    @Test func signaturesExpiringAfter2038ValidateWhereLDNSFails() throws {
        let outcome = try MutationTests.mutate(expiration: "20400101000000") { _, _ in }
        #expect(outcome.report.isValid, "\(outcome.report.findings.map(\.message))")
        #expect(outcome.report.summary.earliestExpiration == DNSSECTime.parse("20400101000000"))
        guard case .invalid(let message) = outcome.ldns else {
            Issue.record("ldns-verify-zone accepted the zone: \(outcome.ldns)")
            return
        }
        #expect(message.contains("expiration date earlier than inception date"))
    }

    @Test func signedGlueIsReported() throws {
        let outcome = try MutationTests.mutate { text, _ in
            // Give the glue a copy of another A record's RRSIG.
            let index = try #require(text.index(owner: "mail.example.", type: "RRSIG", covering: "A"))
            var fields = ZoneText.fields(text.lines[index])
            fields[0] = "ns.insecure.example."
            fields[6] = "3"
            text.append(fields.joined(separator: "\t"))
        }
        #expect(outcome.has(.delegationSigned, owner: "ns.insecure.example."))
        #expect(outcome.agrees)
    }

    @Test func wrongSignerIsReported() throws {
        let outcome = try MutationTests.mutate { text, _ in
            let index = try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "A"))
            text.replaceField(11, at: index, with: "other.example.")
        }
        #expect(outcome.has(.rrsigSigner, owner: "www.example."))
        #expect(outcome.agrees)
    }

    @Test func wrongLabelsCountIsReported() throws {
        let outcome = try MutationTests.mutate { text, _ in
            let index = try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "A"))
            text.replaceField(6, at: index, with: "1")
        }
        #expect(outcome.has(.rrsigLabels, owner: "www.example."))
        // Labels is signed data (and 1 makes it a wildcard expansion): the signature fails too.
        #expect(outcome.has(.rrsigInvalid, owner: "www.example."))
        #expect(outcome.agrees)
    }

    /// An RRSIG's own TTL is not signed: a mismatch is a warning only, and
    /// ldns-verify-zone does not look at it either.
    @Test func rrsigTTLMismatchIsAWarning() throws {
        let outcome = try MutationTests.mutate { text, _ in
            let index = try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "A"))
            text.replaceField(1, at: index, with: "60")
        }
        #expect(outcome.has(.rrsigTTL, owner: "www.example."))
        #expect(outcome.report.isValid)
        #expect(outcome.agrees)
    }
}
