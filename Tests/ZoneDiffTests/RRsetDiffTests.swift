import Testing
import ZoneDiff
import ZoneModel

/// The content diff: added, removed, changed, TTL-changed, and what is not a change.
@Suite struct RRsetDiffTests {
    @Test func identicalZonesDiffToNothing() throws {
        let result = try Fixture.diff(bumpSerial: false) { _ in }
        #expect(result.changes.isEmpty)
        #expect(result.findings.isEmpty)
        #expect(result.baselineRRsetCount == result.currentRRsetCount)
        #expect(result.baselineRRsetCount == 17)
    }

    @Test func serialIncrementAloneIsRoutine() throws {
        let result = try Fixture.diff { _ in }
        #expect(result.changes.count == 1)
        #expect(result.changes[0].type == .soa)
        #expect(result.changes[0].isRoutineSerialChange)
        #expect(result.findings.isEmpty)
    }

    @Test func addedRRsetIsRecordAdded() throws {
        let result = try Fixture.diff { $0.append("blog 3600 IN A 192.0.2.80") }
        #expect(result.findings.rules == ["record.added"])
        let finding = try result.findings.only("record.added")
        #expect(finding.severity == .high)
        #expect(finding.authorized == false)
        #expect(finding.owner == (try DomainName("blog.example.com.")))
        #expect(finding.type == .a)
        #expect(finding.before.isEmpty)
        #expect(finding.after.map(\.address) == [[192, 0, 2, 80]])
        #expect(finding.location == SourceLocation(file: "current.zone", line: 21, column: 1))
        #expect(finding.techniques == ["T1584.002"])
        #expect(finding.zone == (try DomainName("example.com.")))
        #expect(finding.message == "blog.example.com. A added: 192.0.2.80")
        let change = try #require(result.changes.first { $0.kind == .added })
        #expect(change.isNewOwner)
    }

    @Test func removedRRsetIsRecordRemovedAtTheBaselineLocation() throws {
        let result = try Fixture.diff { try $0.remove("www 3600 IN AAAA 2001:db8::10") }
        #expect(result.findings.rules == ["record.removed"])
        let finding = try result.findings.only("record.removed")
        #expect(finding.severity == .high)
        #expect(finding.after.isEmpty)
        #expect(finding.before.count == 1)
        #expect(finding.location == SourceLocation(file: "baseline.zone", line: 9, column: 1))
        #expect(finding.message == "www.example.com. AAAA removed (was 2001:db8::10)")
        #expect(result.changes.first?.isRemovedOwner == false)
    }

    @Test func changedDataIsRecordChanged() throws {
        let result = try Fixture.diff { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 203.0.113.66") }
        #expect(result.findings.rules == ["record.changed"])
        let finding = try result.findings.only("record.changed")
        #expect(finding.severity == .high)
        #expect(finding.before.map(\.address) == [[192, 0, 2, 10]])
        #expect(finding.after.map(\.address) == [[203, 0, 113, 66]])
        #expect(finding.location == SourceLocation(file: "current.zone", line: 8, column: 1))
        #expect(finding.message == "www.example.com. A changed: 192.0.2.10 -> 203.0.113.66")
    }

    @Test func addingARecordToAnRRsetChangesIt() throws {
        let result = try Fixture.diff { $0.append("www 3600 IN A 192.0.2.11") }
        #expect(result.findings.rules == ["record.changed"])
        #expect(try result.findings.only("record.changed").after.count == 2)
    }

    @Test func ttlOnlyChangeIsNotRemovePlusAdd() throws {
        let result = try Fixture.diff { try $0.replace("www 3600 IN A 192.0.2.10", with: "www 1800 IN A 192.0.2.10") }
        #expect(result.findings.rules == ["record.ttl-changed"])
        let finding = try result.findings.only("record.ttl-changed")
        #expect(finding.severity == .low)
        #expect(finding.message == "www.example.com. A TTL changed from 3600 to 1800")
        #expect(result.changes.filter { !$0.isRoutineSerialChange }.map(\.kind) == [.ttlChanged])
    }

    @Test func caseOfEmbeddedNamesIsNotAChange() throws {
        let result = try Fixture.diff { lines in
            try lines.replace("api 3600 IN CNAME www.example.com.", with: "api 3600 IN CNAME WWW.Example.COM.")
            try lines.replace("@ 3600 IN MX 10 mail.example.com.", with: "@ 3600 IN MX 10 MAIL.example.com.")
        }
        #expect(result.findings.isEmpty)
    }

    @Test func signaturesAreLeftOutByDefault() throws {
        let resign: (inout [String]) throws -> Void = { lines in
            try lines.replace(
                "www 3600 IN RRSIG A 13 3 3600 1735689600 1733011200 12345 example.com. c2lnbmF0dXJlMw==",
                with: "www 3600 IN RRSIG A 13 3 3600 1738368000 1735689600 12345 example.com. bmV3c2lnbmF0dXJl")
            try lines.replace(
                "@ 3600 IN NSEC api.example.com. A NS SOA MX TXT CAA RRSIG NSEC DNSKEY NSEC3PARAM",
                with: "@ 3600 IN NSEC api.example.com. A NS SOA MX TXT CAA RRSIG NSEC DNSKEY")
        }
        let quiet = try Fixture.diff(signed: true, resign)
        #expect(quiet.findings.isEmpty)
        #expect(quiet.baselineRRsetCount == 19)

        let loud = try Fixture.diff(signed: true, options: DiffOptions(includeSignatures: true), resign)
        #expect(loud.findings.rules == ["record.changed", "record.changed"])
        #expect(Set(loud.findings.compactMap(\.type)) == [.rrsig, .nsec])
        #expect(loud.baselineRRsetCount == 22)
    }

    @Test func dnssecParametersAlwaysCount() throws {
        let result = try Fixture.diff(signed: true) {
            try $0.replace("@ 0 IN NSEC3PARAM 1 0 0 -", with: "@ 0 IN NSEC3PARAM 1 0 10 AABBCCDD")
        }
        #expect(result.findings.rules == ["record.changed"])
        #expect(try result.findings.only("record.changed").type == .nsec3param)
    }

    @Test func changesComeInCanonicalOrder() throws {
        let result = try Fixture.diff { lines in
            lines.append("zzz 3600 IN A 192.0.2.99")
            lines.append("aaa 3600 IN A 192.0.2.98")
            try lines.replace("www 3600 IN A 192.0.2.10", with: "www 3600 IN A 192.0.2.12")
        }
        let keys = result.changes.map { RRsetKey(owner: $0.owner, type: $0.type) }
        #expect(keys == keys.sorted())
        #expect(result.changes.count == 4)
    }

    @Test func messagesRenderCommonTypesReadably() throws {
        let origin = try DomainName("example.com.")
        func value(_ line: String) throws -> String {
            RecordSummary.value(try TestRecords.record(line, origin: origin))
        }
        #expect(try value("a 1 IN AAAA 2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1")
        #expect(try value("a 1 IN AAAA ::1") == "::1")
        #expect(try value("a 1 IN MX 5 mx.example.net.") == "5 mx.example.net.")
        #expect(try value("a 1 IN TXT \"hello\" \"world\"") == "\"hello\" \"world\"")
        #expect(try value("a 1 IN CAA 0 issue \"ca.example\"") == "0 issue \"ca.example\"")
        #expect(try value("a 1 IN SRV 1 2 443 t.example.net.") == "1 2 443 t.example.net.")
        #expect(try value(Fixture.ksk).hasSuffix("(KSK, alg 13)"))
    }
}
