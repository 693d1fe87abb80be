import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

@Suite("$GENERATE")
struct GenerateTests {
    private func expand(_ template: String, _ value: UInt32) -> String? {
        var out: [UInt8] = []
        do { try GenerateTemplate.expand(Array(template.utf8)[...], value: value, into: &out) } catch { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func templateModifiersMatchBIND() {
        // Each expectation was checked against named-checkzone 9.18 -D.
        #expect(expand("host$", 7) == "host7")
        #expect(expand("a${0,3,d}", 2) == "a002")
        #expect(expand("b${1,4,x}", 10) == "b000b")
        #expect(expand("${0,2,X}", 255) == "FF")
        #expect(expand("${0,3,o}", 8) == "010")
        #expect(expand("n${0,0,n}", 10) == "na")
        #expect(expand("v${-5,6,N}", 10) == "v5.0.0.")
        #expect(expand("w${0,7,n}", 255) == "wf.f.0.0")
        #expect(expand("w${0,7,n}", 256) == "w0.0.1.0")
        #expect(expand("y${0,1,n}", 30) == "ye.1")
        #expect(expand("q${0,4,n}", 30) == "qe.1.")
        #expect(expand("r${-10,5,d}", 5) == "r-0005")
        #expect(expand("s${+1}", 5) == "s6")
        #expect(expand("x$$.y\\$z", 1) == "x$.y\\$z")
        #expect(expand("${-2000,0,n}", 1024) == "0.3.c.f.f.f.f.f")
        #expect(expand("$${1}$", 3) == "${1}3")
    }

    @Test func malformedModifiersAreRejected() {
        for bad in ["${1,0,dgarbage}", "${1000", "${}", "${a}", "${1,}", "${1,2,z}", "${1,2,d"] {
            #expect(expand(bad, 1) == nil, "\(bad)")
        }
        #expect(expand("foo${2147483647}", 1) == nil)
    }

    @Test func rangesAsBIND() {
        #expect(GenerateRange(Array("1-3".utf8)[...]) == GenerateRange(Array("1-3/1".utf8)[...]))
        #expect(GenerateRange(Array("0-10/5".utf8)[...])?.count == 3)
        for bad in ["9--10", "1-3/", "1-3/0", "3-1", "a-b", "1", "-1-3", "1-2147483648", "1-3/2x"] {
            #expect(GenerateRange(Array(bad.utf8)[...]) == nil, "\(bad)")
        }
        var seen: [UInt32] = []
        GenerateRange(Array("19-28/2147483645".utf8)[...])!.forEach { seen.append($0); return true }
        #expect(seen == [19])
    }

    @Test func generatesRecordsWithOptionalTTLAndClass() {
        let result = parse("$TTL 300\n$GENERATE 1-3 host$ A 10.0.0.$\n$GENERATE 1-2 t$ 60 IN MX \"10 mx$\"\n$GENERATE 1-1 u$ IN 70 TXT \"a b\"\n")
        #expect(!result.hasErrors)
        #expect(result.records.map { "\($0.owner) \($0.ttl) \($0.type)" } == [
            "host1.example. 300 A", "host2.example. 300 A", "host3.example. 300 A",
            "t1.example. 60 MX", "t2.example. 60 MX", "u1.example. 70 TXT",
        ])
        #expect(result.records[2].rdata == [10, 0, 0, 3])
        #expect(result.records[4].mx?.exchange == name("mx2.example."))
        #expect(result.records[5].rdata == [1, UInt8(ascii: "a"), 1, UInt8(ascii: "b")])
        #expect(result.records.allSatisfy { $0.location?.column == 15 })
    }

    @Test func generateErrorsAreReportedAtTheirToken() {
        let text = """
        $TTL 1
        $GENERATE 9--10 host$ A 192.0.2.$
        $GENERATE 0-7 host$ A 1.2.3.${1,0,dgarbage}
        $GENERATE 1-1 host$ TXT foo${2147483647}
        $GENERATE 0-7 tkey$ TKEY "x"
        $GENERATE 1-2 t$ MX 10 mx$
        $GENERATE 1-3 h$ A
        $GENERATE 250-260 h$ A 192.0.2.$
        $GENERATE 1-100000 big$ A 192.0.2.1

        """
        let result = parse(text)
        #expect(errorSites(result) == [
            "2:11 syntax.bad-generate", "3:23 syntax.bad-generate", "4:25 syntax.bad-generate",
            "5:21 syntax.meta-type", "6:24 syntax.bad-generate", "7:19 syntax.bad-generate",
            "8:24 syntax.bad-rdata", "9:11 syntax.generate-too-large",
        ])
        // 250..255 were made before 256 failed, as BIND does.
        #expect(result.records.count == 6)
    }

    @Test func maxGenerateIsAnOption() {
        let result = parse("$TTL 1\n$GENERATE 1-10 h$ A 192.0.2.$\n") { $0.maxGenerate = 9 }
        #expect(rules(result) == ["syntax.generate-too-large"])
        let allowed = parse("$TTL 1\n$GENERATE 1-10 h$ A 192.0.2.$\n") { $0.maxGenerate = 10 }
        #expect(allowed.records.count == 10)
    }

    @Test func sameRecordsAsBIND() throws {
        let zone = """
        $TTL 300
        @ IN SOA ns hostmaster 1 2 3 4 5
        @ NS ns
        ns A 192.0.2.1
        $GENERATE 1-3 host$ A 10.0.0.$
        $GENERATE 0-2/2 a${0,3,d} CNAME b${1,4,x}
        $GENERATE 10-11 n${0,0,n} TXT "v${-5,6,N}"
        $GENERATE 255-256 w${0,7,n} PTR x$$.y\\$z
        $GENERATE 1-2 t$ 60 IN MX "10 mx$"
        $GENERATE 1-2 u${0,3} SRV "1 2 3 t${0}"
        $GENERATE 1-2 v${2} AAAA ::$
        $GENERATE 1-2 x${0,3,o}${0,2,X}${0,0,x} A 1.1.1.1
        $GENERATE 30-31 y${0,1,n} A 1.1.1.1
        $GENERATE 5-6 r${-10,5,d} A 1.1.1.1
        $GENERATE 5-5 @ TXT $
        $GENERATE 1024-1026 ${-2000,0,n} AAAA 2001:db8::${0,4,x}

        """
        try compareWithBIND(zone, origin: "example.")
        let modifier = packageRoot + "/../shared/corpus/isc-bind9/bin/tests/system/checkzone/zones/good-generate-modifier.db"
        if FileManager.default.fileExists(atPath: modifier) {
            try compareWithBIND(String(contentsOfFile: modifier, encoding: .utf8), origin: "example.")
        }
    }

    /// Runs `named-checkzone -D` on `zone` and compares its record set with ours.
    private func compareWithBIND(_ zone: String, origin: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.write("zone.db", zone)
        guard let bind = run("/usr/bin/named-checkzone", ["-q", "-D", "-o", "-", origin, path]) else {
            Issue.record("named-checkzone is not installed (make deps)")
            return
        }
        try #require(bind.status == 0)
        let theirs = parse(bind.output, origin: nil)
        try #require(!theirs.hasErrors)
        let ours = ZoneFileParser.parse(path: path, options: ParseOptions(origin: name(origin)))
        #expect(!ours.hasErrors)
        // BIND drops what falls outside the zone; so does the zone builder.
        let inZone = ours.records.filter { $0.owner.isSubdomain(of: name(origin)) }
        #expect(Set(inZone.map(key)) == Set(theirs.records.map(key)))
        #expect(inZone.count == theirs.records.count)
    }
}
