import Testing
import ZoneModel
@testable import ZoneParser

@Suite("Entries")
struct EntryTests {
    @Test func ownersRelativeAbsoluteAndAt() {
        let result = parse("$TTL 60\n@ A 192.0.2.1\nwww A 192.0.2.2\nabs.other. A 192.0.2.3\n")
        #expect(!result.hasErrors)
        #expect(result.records.map(\.owner) == [name("example."), name("www.example."), name("abs.other.")])
    }

    @Test func blankOwnerInheritsThePreviousOwner() {
        let result = parse("$TTL 60\nwww A 192.0.2.1\n  AAAA ::1\n\tTXT x\n")
        #expect(result.records.map(\.owner) == Array(repeating: name("www.example."), count: 3))
    }

    @Test func blankOwnerWithNothingToInheritIsAnError() {
        let result = parse("$TTL 60\n  A 192.0.2.1\nb A 192.0.2.2\n")
        #expect(errorSites(result) == ["2:3 syntax.missing-owner"])
        #expect(result.records.map(\.owner) == [name("b.example.")])
    }

    @Test func blankOwnerAfterAnInvalidOwnerIsAnError() {
        // The bad owner must not let the next line fall back to an older owner.
        let result = parse("$TTL 60\ngood A 192.0.2.1\nbad..name A 192.0.2.2\n  A 192.0.2.3\n")
        #expect(errorSites(result) == ["3:1 syntax.bad-name", "4:3 syntax.missing-owner"])
        #expect(result.records.count == 1)
    }

    @Test func ttlAndClassInEitherOrder() {
        // ldns 1.8.3 rejects the first form; BIND accepts both.
        let result = parse("a IN 300 A 192.0.2.1\nb 300 IN A 192.0.2.1\nc 300 A 192.0.2.1\nd IN A 192.0.2.1\ne A 192.0.2.1\n")
        #expect(!result.hasErrors)
        #expect(result.records.map(\.ttl) == [300, 300, 300, 300, 300])
        #expect(result.records.allSatisfy { $0.rrClass == .in })
    }

    @Test func lowerCaseClassTypeAndGenericForms() {
        let result = parse("$TTL 1\na in a 192.0.2.1\nb CLASS1 TYPE1 192.0.2.1\nc IN A \\# 4 C0000201\n")
        #expect(!result.hasErrors)
        #expect(Set(result.records.map(\.rdata)) == [[192, 0, 2, 1]])
        #expect(result.records.map(\.type) == [.a, .a, .a])
    }

    @Test func secondTtlOrClassIsNotAType() {
        let result = parse("$TTL 1\na 1 2 A 192.0.2.1\nb IN CH A 192.0.2.1\nc FOO 192.0.2.1\n")
        #expect(errorSites(result) == ["2:5 syntax.unknown-type", "3:6 syntax.unknown-type", "4:3 syntax.unknown-type"])
        #expect(result.findings[0].message.contains("'2'"))
        #expect(result.findings[2].message.contains("unknown type 'FOO'"))
    }

    @Test func missingTypeAndMissingRData() {
        let result = parse("$TTL 1\na 300 IN\nb A\n")
        #expect(errorSites(result) == ["2:9 syntax.missing-type", "3:4 syntax.bad-rdata"])
    }

    @Test func badRDataPointsAtTheOffendingToken() {
        let result = parse("$TTL 1\nmx MX 10 mail\nbad MX ten mail\nmx2 MX 10 mail extra\n")
        #expect(errorSites(result) == ["3:8 syntax.bad-rdata", "4:16 syntax.bad-rdata"])
        #expect(result.records.count == 1)
        #expect(result.findings[0].message.contains("MX"))
    }

    @Test func metaTypesAreRejected() {
        let result = parse("$TTL 1\na 1 IN ANY \\# 0\nb IN AXFR x\nc OPT \\# 0\n")
        #expect(errorSites(result) == ["2:8 syntax.meta-type", "3:6 syntax.meta-type", "4:3 syntax.meta-type"])
        #expect(result.records.isEmpty)
    }

    @Test func errorsAreCollectedAndParsingResumes() {
        let text = """
        $TTL 60
        a A 192.0.2.1
        b A 192.0.2.300
        c 1x A 192.0.2.3
        d TXT "unterminated
        e A 192.0.2.5
        f A ( 192.0.2.6
          ) )
        g A 192.0.2.7

        """
        let result = parse(text)
        #expect(errorSites(result) == [
            "3:5 syntax.bad-rdata", "4:3 syntax.bad-ttl", "5:7 syntax.unterminated-string",
            "8:5 syntax.unbalanced-parentheses",
        ])
        #expect(result.records.map(\.owner) == ["a", "e", "g"].map { name("\($0).example.") })
        #expect(result.findings.allSatisfy { $0.location?.file == "test.zone" })
    }

    @Test func errorCapStopsTheRun() {
        let text = "$TTL 1\n" + (1...20).map { "h\($0) A bad\n" }.joined() + "last A 192.0.2.1\n"
        let result = parse(text) { $0.maxErrors = 5 }
        #expect(errorSites(result).count == 6)
        #expect(result.findings.last?.rule == "syntax.too-many-errors")
        #expect(result.findings.last?.location?.line == 6)
        #expect(result.stoppedEarly)
        #expect(result.records.isEmpty)
    }

    @Test func warningCapSummarises() {
        let text = "a 4294967295 IN A 192.0.2.1\n" + (1...10).map { "h\($0) 4294967295 A 192.0.2.1\n" }.joined()
        let result = parse(text) { $0.maxWarnings = 3 }
        #expect(rules(result) == ["syntax.ttl-too-large", "syntax.ttl-too-large", "syntax.ttl-too-large", "syntax.too-many-warnings"])
        #expect(result.findings.last?.message.contains("8 more warnings") == true)
        #expect(result.records.count == 11)
    }

    @Test func recordCapStopsTheRun() {
        let text = "$TTL 1\n" + (1...10).map { "h\($0) A 192.0.2.1\n" }.joined()
        let result = parse(text) { $0.maxRecords = 4 }
        #expect(result.records.count == 4)
        #expect(errorSites(result) == ["6:1 syntax.too-many-records"])
        #expect(result.stoppedEarly)
    }

    @Test func fileSizeCap() {
        let result = parse("$TTL 1\na A 192.0.2.1\n") { $0.maxFileBytes = 10 }
        #expect(rules(result) == ["syntax.read-error"])
        #expect(result.records.isEmpty)
    }

    @Test func relativeNamesNeedAnOrigin() {
        let result = parse("$TTL 1\nwww A 192.0.2.1\nabs. A 192.0.2.1\n", origin: nil)
        #expect(errorSites(result) == ["2:1 syntax.bad-name"])
        #expect(result.findings[0].message.contains("origin"))
        #expect(result.records.count == 1)
    }

    @Test func recordLocationIsTheOwnerOrFirstToken() {
        let result = parse("$TTL 1\n  \nwww  A 192.0.2.1\n\t AAAA ::1\n")
        #expect(result.records.map { "\($0.location!.line):\($0.location!.column)" } == ["3:1", "4:3"])
    }

    @Test func consecutiveOwnersShareStorage() {
        let result = parse("$TTL 1\nwww A 192.0.2.1\nwww AAAA ::1\n")
        let first = result.records[0].owner.wire, second = result.records[1].owner.wire
        let same = first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(same)
    }

    @Test func ownerCacheForgetsAcrossOrigins() {
        let result = parse("$TTL 1\nwww A 192.0.2.1\n$ORIGIN other.\nwww A 192.0.2.1\n")
        #expect(result.records.map(\.owner) == [name("www.example."), name("www.other.")])
    }

    @Test func tsigInAMasterFileIsAnError() {
        let result = parse("$TTL 1\nk 0 ANY TSIG hmac-sha256. 1 300 0 0 NOERROR 0\n")
        #expect(rules(result) == ["syntax.meta-type"])
    }

    @Test func chunkSizeDoesNotChangeTheResult() {
        let text = """
        $ORIGIN example.
        $TTL 3600
        @ IN SOA ns hostmaster ( 2024010101 ; serial
                 7200 3600 1209600 300 )
          NS ns
        ns A 192.0.2.1
        txt TXT "a \\"quoted\\" string" "\\065\\066"
        bad A 1.2.3
        w\\046x AAAA 2001:db8::1

        """
        let reference = parse(text, origin: nil)
        for size in [1, 2, 3, 4, 7, 16, 100] {
            let chunked = parse(text, origin: nil, chunkSize: size)
            #expect(chunked.records == reference.records, "chunk size \(size)")
            #expect(chunked.findings == reference.findings, "chunk size \(size)")
        }
        #expect(reference.records.count == 5)
        #expect(errorSites(reference) == ["8:7 syntax.bad-rdata"])
    }
}
