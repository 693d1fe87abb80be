import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// Behaviour that is not one mutation: unsigned zones, thread-count
/// independence, the finding cap, the algorithm rule, opt-out, NSEC3 limits.
@Suite(.enabled(if: ToolRunner.available("ldns-keygen", "ldns-signzone")))
struct ValidatorBehaviourTests {
    static let time = DNSSECTime.parse(SignedZoneFixture.validationTimeText)!

    static func validate(_ zone: Zone, anchors: [Record] = [], jobs: Int = 2, limit: Int = 200) -> DNSSECReport {
        DNSSECValidator(options: DNSSECOptions(
            validationTime: time, trustAnchors: anchors, jobs: jobs, findingLimitPerRule: limit)).validate(zone)
    }

    @Test func unsignedZoneIsANoteUnlessAnchorsExpectKeys() throws {
        let zone = try TestZoneReader.zone(fromText: SignedZoneFixture.unsignedZone, origin: SignedZoneFixture.origin)
        let plain = ValidatorBehaviourTests.validate(zone)
        #expect(plain.findings.map(\.rule) == [DNSSECRule.unsigned.id])
        #expect(plain.isValid)
        #expect(plain.summary.trust == .unsigned)

        let anchor = try TestZoneReader.records(
            fromText: "example. IN DS 12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")
        let anchored = ValidatorBehaviourTests.validate(zone, anchors: anchor)
        #expect(anchored.findings(.dnskeyMissing).count == 1)
        #expect(!anchored.isValid)
    }

    /// Several defects at once; every thread count gives the same report.
    @Test func resultsDoNotDependOnJobs() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ED25519", denial: .nsec3(iterations: 2, salt: "BEEF", optOut: false))
        defer { fixture.remove() }
        var text = ZoneText(fixture.signedText)
        text.flipSignatureCharacter(at: try #require(text.index(owner: "www.example.", type: "RRSIG", covering: "AAAA")))
        text.remove(at: try #require(text.index(owner: "mail.example.", type: "RRSIG", covering: "A")))
        text.append("extra.example.\t3600\tIN\tTXT\t\"unsigned\"")
        let zone = try fixture.zone(at: try fixture.write(text.text, as: "broken.zone"))
        let reference = ValidatorBehaviourTests.validate(zone, jobs: 1)
        #expect(!reference.isValid)
        #expect(reference.findings.count >= 4)
        for jobs in [2, 3, 8] {
            let other = ValidatorBehaviourTests.validate(zone, jobs: jobs)
            #expect(other.findings == reference.findings, "jobs \(jobs)")
            #expect(other.summary == reference.summary, "jobs \(jobs)")
        }
    }

    @Test func findingsBeyondTheLimitAreCounted() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        var text = ZoneText(fixture.signedText)
        for index in text.indices(type: "RRSIG") { text.flipSignatureCharacter(at: index) }
        let zone = try fixture.zone(at: try fixture.write(text.text, as: "all-bad.zone"))
        let report = ValidatorBehaviourTests.validate(zone, limit: 3)
        #expect(report.findings(.rrsigInvalid).count == 3)
        let truncated = report.findings(.findingsTruncated)
        #expect(truncated.contains { $0.message.contains("dnssec.rrsig-invalid") && $0.message.contains("\(report.summary.signatures) in all") })
        #expect(report.summary.signaturesBogus == report.summary.signatures)
    }

    /// RFC 4035 2.2 / RFC 6840 5.11: each algorithm of the DNSKEY RRset signs
    /// every RRset. ldns-verify-zone does not check this (it accepts the file).
    @Test(.enabled(if: ToolRunner.available("ldns-verify-zone")))
    func everyAlgorithmMustSignEveryRRset() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-algs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try SignedZoneFixture.unsignedZone.write(to: directory.appendingPathComponent("example.zone"), atomically: true, encoding: .utf8)
        var keys: [String] = []
        for algorithm in ["ECDSAP256SHA256", "ED25519"] {
            keys.append(try SignedZoneFixture.keygen(algorithm: algorithm, ksk: true, in: directory))
            keys.append(try SignedZoneFixture.keygen(algorithm: algorithm, ksk: false, in: directory))
        }
        try ToolRunner.check("ldns-signzone", ["-o", "example.", "-i", SignedZoneFixture.inception, "-e", SignedZoneFixture.expiration,
                                               "-f", "two.signed", "example.zone"] + keys, in: directory)
        var text = ZoneText(try String(contentsOfFile: directory.appendingPathComponent("two.signed").path, encoding: .utf8))
        let both = try TestZoneReader.zone(fromText: text.text, origin: SignedZoneFixture.origin)
        let bothReport = ValidatorBehaviourTests.validate(both)
        #expect(bothReport.isValid, "\(bothReport.findings.map(\.message))")
        #expect(bothReport.summary.algorithms == [13, 15])

        let ed25519 = try #require(text.lines.firstIndex { line in
            let f = ZoneText.fields(line)
            return f.count > 5 && f[0] == "www.example." && f[3] == "RRSIG" && f[4] == "A" && f[5] == "15"
        })
        text.remove(at: ed25519)
        let path = directory.appendingPathComponent("one-missing.signed").path
        try text.text.write(toFile: path, atomically: true, encoding: .utf8)
        let report = ValidatorBehaviourTests.validate(try TestZoneReader.zone(fromFile: path, origin: SignedZoneFixture.origin))
        let missing = report.findings(.algorithmMissing)
        #expect(missing.count == 1)
        #expect(missing.first?.owner == (try DomainName("www.example.")) && missing.first?.type == .a)
        #expect(missing.first?.message.contains("ED25519") == true)
        #expect(!report.isValid)
        #expect(try LDNSVerifyZone.verdict(path, at: SignedZoneFixture.validationTimeText) == .valid)
    }

    /// Opt-out (RFC 5155 7.1): an unsigned delegation may lack an NSEC3 when
    /// the NSEC3 covering its hash has the opt-out flag, and not otherwise.
    /// Done on the in-memory zone: unlinking a record re-points its
    /// predecessor, whose signature then fails (expected, not examined here).
    @Test(arguments: [true, false])
    func unsignedDelegationMayBeSkippedOnlyUnderOptOut(optOut: Bool) throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256", denial: .nsec3(iterations: 0, salt: "", optOut: optOut))
        defer { fixture.remove() }
        var records = try TestZoneReader.records(fromFile: fixture.signedPath)
        let insecure = try DomainName("insecure.example.")
        try ValidatorBehaviourTests.unlinkNSEC3(of: insecure, from: &records)

        let report = ValidatorBehaviourTests.validate(try TestZoneReader.zone(from: records, origin: SignedZoneFixture.origin))
        let broken = report.findings(.nsec3ChainBroken)
        if optOut {
            #expect(broken.isEmpty, "\(broken.map(\.message))")
            guard case let .nsec3(_, _, _, _, flag, skipped) = report.summary.denial else {
                Issue.record("denial \(report.summary.denial)")
                return
            }
            #expect(flag && skipped == 1)
            #expect(report.findings(.nsec3OptOut).first?.message.contains("1 unsigned delegation") == true)
        } else {
            #expect(broken.count == 1)
            #expect(broken.first?.owner == insecure)
            #expect(broken.first?.message.contains("no opt-out flag") == true)
        }
    }

    /// Removes the NSEC3 at the hash of `name` (no salt, no extra
    /// iterations) and re-points its predecessor past it.
    static func unlinkNSEC3(of name: DomainName, from records: inout [Record]) throws {
        let hash = try LDNSNSEC3Hash.hash(of: name, algorithm: 1, iterations: 0, salt: [])
        let owner = try DomainName(LDNSNSEC3Hash.encodeBase32Hex(hash) + ".example.")
        let removed = try #require(records.first { $0.owner == owner && $0.type == .nsec3 })
        let next = try #require(removed.nsec3?.nextHashedOwner)
        records.removeAll { $0.owner == owner }
        // Re-point the predecessor (the record whose next hash was `hash`).
        let predecessor = try #require(records.firstIndex { $0.nsec3?.nextHashedOwner == hash })
        var data = try #require(records[predecessor].nsec3)
        data.nextHashedOwner = next
        records[predecessor].rdata = ValidatorBehaviourTests.nsec3RData(data)
    }

    /// Empty non-terminals (RFC 5155 section 7.1) are found wherever names
    /// share ancestors or not, each once: the signed zone validates, and an
    /// empty non-terminal's NSEC3 is missed where a signed name lies below it,
    /// and under opt-out not where only an unsigned delegation does.
    @Test(arguments: [true, false])
    func emptyNonTerminalsAreCoveredAndMarked(optOut: Bool) throws {
        let zone = SignedZoneFixture.unsignedZone + """
        d.b.c.example.\t3600\tIN\tA\t192.0.2.98
        x.c.example.\t3600\tIN\tA\t192.0.2.97
        e.f.g.h.example.\t3600\tIN\tA\t192.0.2.96
        deleg.i.j.example.\t3600\tIN\tNS\tns.other.net.
        a.m.n.example.\t3600\tIN\tNS\tns.other.net.
        z.m.n.example.\t3600\tIN\tA\t192.0.2.95

        """
        let fixture = try SignedZoneFixture.make(
            algorithm: "ECDSAP256SHA256", denial: .nsec3(iterations: 0, salt: "", optOut: optOut), zoneText: zone)
        defer { fixture.remove() }
        let signed = try TestZoneReader.records(fromFile: fixture.signedPath)
        let whole = ValidatorBehaviourTests.validate(try TestZoneReader.zone(from: signed, origin: SignedZoneFixture.origin))
        #expect(whole.isValid, "\(whole.findings.map(\.message))")

        // m.n.example. is first seen above an unsigned delegation, then above a signed name.
        for name in ["c.example.", "g.h.example.", "h.example.", "m.n.example.", "n.example."] {
            var records = signed
            try ValidatorBehaviourTests.unlinkNSEC3(of: try DomainName(name), from: &records)
            let report = ValidatorBehaviourTests.validate(try TestZoneReader.zone(from: records, origin: SignedZoneFixture.origin))
            let broken = report.findings(.nsec3ChainBroken).filter { $0.owner == (try? DomainName(name)) }
            #expect(broken.map(\.message).count == 1, "\(name)")
            #expect(broken.first?.message.hasPrefix("empty non-terminal \(name) has no NSEC3 (expected at ") == true, "\(name)")
        }
        // Above an unsigned delegation only: optional under opt-out.
        let insecureAbove = try DomainName("i.j.example.")
        var records = signed
        guard (try? ValidatorBehaviourTests.unlinkNSEC3(of: insecureAbove, from: &records)) != nil else {
            // ldns-signzone left it out itself, under opt-out; the zone validated above.
            #expect(optOut)
            return
        }
        let report = ValidatorBehaviourTests.validate(try TestZoneReader.zone(from: records, origin: SignedZoneFixture.origin))
        let broken = report.findings(.nsec3ChainBroken).filter { $0.owner == insecureAbove }
        #expect(broken.count == (optOut ? 0 : 1))
        if !optOut {
            #expect(broken.first?.message.hasPrefix("empty non-terminal i.j.example. has no NSEC3 (") == true)
        }
    }

    /// RRSIG RRsets given out of covered-type order (a zone made from RRsets,
    /// not read from a file) are checked as the same RRsets in order: every
    /// signature over its RRset, an orphan still an orphan.
    @Test func signaturesOutOfCoveredTypeOrderAreCheckedTheSame() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        var records = try TestZoneReader.records(fromFile: fixture.signedPath)
        // An orphan (covering TXT where there is none) and a broken signature over www's A.
        let wwwA = try #require(records.firstIndex { $0.type == .rrsig && $0.owner == (try? DomainName("www.example.")) && $0.coveredType == .a })
        var orphan = records[wwwA]
        orphan.rdata[0] = 0
        orphan.rdata[1] = UInt8(RRType.txt.rawValue)
        records.append(orphan)
        records[wwwA].rdata[records[wwwA].rdata.count - 1] ^= 0x01
        let ordered = try TestZoneReader.zone(from: records, origin: SignedZoneFixture.origin)
        let list = ordered.rrsets
        let shuffled = list.indices.map { position -> RRset in
            var rrset = list[position]
            if rrset.type == .rrsig { rrset.records.reverse() }
            return rrset
        }
        #expect(shuffled.contains { $0.type == .rrsig && $0.records.count > 2 })
        let unordered = Zone(origin: SignedZoneFixture.origin, sortedRRsets: shuffled)
        let expected = ValidatorBehaviourTests.validate(ordered)
        let report = ValidatorBehaviourTests.validate(unordered)
        #expect(expected.findings(.rrsigOrphan).count == 1 && expected.findings(.rrsigInvalid).count == 1, "\(expected.findings.map(\.message))")
        #expect(Set(report.findings.map(\.message)) == Set(expected.findings.map(\.message)))
        #expect(report.summary == expected.summary)
    }

    static func nsec3RData(_ data: NSEC3Data) -> [UInt8] {
        var rdata: [UInt8] = [data.hashAlgorithm, data.flags]
        rdata.appendUInt16(data.iterations)
        rdata.append(UInt8(data.salt.count))
        rdata += data.salt
        rdata.append(UInt8(data.nextHashedOwner.count))
        rdata += data.nextHashedOwner
        rdata += TypeBitmap.encode(data.types)
        return rdata
    }

    /// Hashing work is bounded: above 500 iterations the chain's hashes are
    /// not recomputed, and the zone is reported.
    @Test func excessiveNSEC3IterationsAreReportedNotHashed() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256", denial: .nsec3(iterations: 501, salt: "", optOut: false))
        defer { fixture.remove() }
        let report = ValidatorBehaviourTests.validate(try fixture.zone())
        #expect(report.findings(.nsec3IterationsExcessive).count == 1)
        #expect(report.findings(.nsec3HashMismatch).isEmpty)
        #expect(!report.isValid)
    }

    @Test func signatureLifetimeShorterThanTheZoneTimersIsAWarning() throws {
        // Expire 2035-01-01; SOA expire 1209600 s (14 days) + largest TTL 3600 s.
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        let zone = try fixture.zone()
        let near = DNSSECValidator(options: DNSSECOptions(validationTime: DNSSECTime.parse("20341220000000")!, expiryWarningDays: 1))
            .validate(zone)
        let short = near.findings(.signatureLifetimeShort)
        #expect(short.count == 1)
        #expect(short.first?.severity == .medium)
        #expect(near.isValid)
        #expect(near.findings(.rrsigExpiring).isEmpty)
        let far = ValidatorBehaviourTests.validate(zone)
        #expect(far.findings(.signatureLifetimeShort).isEmpty)
    }

    @Test func dnskeyAnchorWorksLikeADS() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "RSASHA256")
        defer { fixture.remove() }
        let zone = try fixture.zone()
        let ksk = try #require(zone.rrset(SignedZoneFixture.origin, .dnskey)?.records.first { $0.dnskey?.isSecureEntryPoint == true })
        let report = ValidatorBehaviourTests.validate(zone, anchors: [ksk])
        #expect(report.isValid)
        if case .anchored = report.summary.trust {} else { Issue.record("trust \(report.summary.trust)") }
        #expect(report.summary.keys.filter(\.anchored).count == 1)

        // A ZSK as the only anchor: it does not sign the DNSKEY RRset.
        let zsk = try #require(zone.rrset(SignedZoneFixture.origin, .dnskey)?.records.first { $0.dnskey?.isSecureEntryPoint == false })
        let zskOnly = ValidatorBehaviourTests.validate(zone, anchors: [zsk])
        #expect(zskOnly.findings(.dnskeyUnsigned).count == 1)
        #expect(!zskOnly.isValid)
    }

    @Test func anchorForAnotherNameIsUnusable() throws {
        let fixture = try SignedZoneFixture.make(algorithm: "ECDSAP256SHA256")
        defer { fixture.remove() }
        var ds = try #require(try TestZoneReader.records(fromFile: fixture.kskDSPath).first)
        ds.owner = try DomainName("other.")
        let report = ValidatorBehaviourTests.validate(try fixture.zone(), anchors: [ds])
        #expect(report.findings(.anchorUnusable).count == 1)
        #expect(report.findings(.noTrustAnchorMatch).count == 1)
    }
}
