import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// For every sample and corpus zone that `ldns-read-zone` (1.8.3) reads, the
/// records zoneaudit reads from the file equal, as a set of wire forms, the
/// records zoneaudit reads back from ldns's print-out.
@Suite("Differential: ldns-read-zone")
struct LDNSDifferentialTests {
    static let ldns = "/usr/bin/ldns-read-zone"

    /// Zone files to compare: the samples, the fixtures and the corpus zones.
    static func candidates() -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        func add(directory: String, where accept: (String) -> Bool = { _ in true }) {
            guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return }
            for name in names.sorted() where accept(name) {
                let path = directory + "/" + name
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
            }
        }
        add(directory: packageRoot + "/Samples/zones")
        files.append(fixtures + "/axfr/example.zone")
        guard Corpus.isPresent else { return files }
        let corpus = Corpus.root
        add(directory: corpus + "/knot/tests/knot/semantic_check_data")
        add(directory: corpus + "/knot/tests-extra/tests/dnssec/validate/data")
        add(directory: corpus + "/isc-bind10/tests/lettuce/configurations/nsec")
        add(directory: corpus + "/isc-bind10/src/lib/testutils/testdata")
        add(directory: corpus + "/rfc-vectors") { $0.hasSuffix(".zone") }
        add(directory: corpus + "/isc-bind9/bin/tests/system/checkzone/zones") { $0.hasPrefix("good") }
        add(directory: corpus + "/isc-bind9/tests/dns/testdata/master")
        add(directory: corpus + "/nlnetlabs-ldns/test/25-ZONEMD.tpkg")
        for name in ["08-zonereader.tpkg/08-zonereader.inputzone", "10-ldns-compare-zones.tpkg/10-ldns-compare-zones.zone1",
                     "10-ldns-compare-zones.tpkg/10-ldns-compare-zones.zone2", "14-read-zone.tpkg/14-read-zone.db",
                     "26-loc-centimetre.tpkg/26-loc-centimetre.db", "27-tab-between-cstrings.tpkg/27-tab-between-cstrings.db",
                     "28-tab-instead-of-space.tpkg/28-tab-instead-of-space.db", "29-generic-rdata-tab.tpkg/29-generic-rdata-tab.db"] {
            files.append(corpus + "/nlnetlabs-ldns/test/" + name)
        }
        if let rows = try? Corpus.manifest("nlnetlabs-nsd/EXPECTED.tsv") {
            for row in rows where row[2] == "accept" { files.append(corpus + "/nlnetlabs-nsd/" + row[0]) }
        }
        files.append(corpus + "/nlnetlabs-simdzone/tests/zones/xbounds.zone")
        files.append(corpus + "/dnspython/tests/example")
        return files
    }

    /// Why a file is left out of the comparison, or nil to compare it. ldns
    /// 1.8.3 has no `$INCLUDE` and no `$GENERATE`, and refuses the class
    /// before the TTL (`www IN 300 A`): on such files ldns is the one that is
    /// wrong, and the BIND comparisons (GenerateTests, IncludeTests,
    /// EntryTests) cover them instead.
    static func exclusion(_ text: String) -> String? {
        let upper = text.uppercased()
        if upper.contains("$INCLUDE") { return "$INCLUDE (ldns 1.8.3 does not implement it)" }
        if upper.contains("$GENERATE") { return "$GENERATE (a BIND extension ldns lacks)" }
        for line in upper.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(4)
            if let index = fields.firstIndex(where: { ["IN", "CH", "HS", "CS"].contains($0) }), index + 1 < fields.endIndex,
               fields[index + 1].first?.isNumber == true, !line.hasPrefix(";") {
                return "class before TTL (ldns 1.8.3 refuses `IN 300`)"
            }
        }
        return nil
    }

    /// Files where ldns 1.8.3 and zoneaudit read different records, and why
    /// (paths relative to the corpus).
    static let explained: [String: String] = [
        "isc-bind9/tests/dns/testdata/master/master15.data":
            "a TXT of 65513 octets: ldns keeps it; BIND and zoneaudit refuse RDATA that cannot fit in a DNS message (65512 octets at most)",
        "isc-bind9/tests/dns/testdata/master/master16.data":
            "ldns 1.8.3 prints only the first 60 KB of the 65512-octet TXT (its print buffer), so its print-out holds a shorter record",
        "isc-bind9/tests/dns/testdata/master/master3.data":
            "the first record has no owner: BIND refuses it (DNS_R_NOOWNER, the corpus's answer), as zoneaudit does; ldns takes the origin",
        "nlnetlabs-ldns/test/08-zonereader.tpkg/08-zonereader.inputzone":
            "line 3882 `A \\# 0`: ldns keeps an A record without an address; BIND, Knot and zoneaudit refuse generic RDATA that is not a valid A",
        "nlnetlabs-nsd/tpkg/svcb.tdir/svcb.test-vectors-wf.zone":
            "RFC 9460 D.2's escaped alpn value (`f\\\\oo\\,bar`): ldns 1.8.3 prints it in a form that reads back as separate ids `foo` and `bar`",
        "nlnetlabs-nsd/tpkg/svcb.tdir/svcb.success-cases.zone":
            "ldns prints an empty ech value as a bare `ech`, which RFC 9460 section 14.3 and the RDATA encoder do not accept",
        "nlnetlabs-nsd/tpkg/svcb.tdir/svcb.success-cases.zone.cmp": "as svcb.success-cases.zone: ldns's bare `ech`",
        "knot/tests/knot/semantic_check_data/soa.multiple": "two different SOA records: ldns keeps only the first, zoneaudit reads both (ZoneChecks reports the second)",
        "knot/tests/knot/semantic_check_data/soa.relative":
            "no origin anywhere and `@ SOA`: ldns takes the first record's owner as the origin; BIND needs the origin from its caller (read here relative to the root)",
        "isc-bind9/bin/tests/system/checkzone/zones/good-rpz-prefix.db": "`$TTL 0`: ldns takes 0 for no TTL and prints 3600; BIND and zoneaudit keep 0",
        "nlnetlabs-ldns/test/25-ZONEMD.tpkg/repeated-ZONEMD-scheme-and-algorithm":
            "no $TTL: ldns gives a blank-owner line the previous record's TTL and other lines 3600; the comparison uses the 3600 default, so the blank-owner ZONEMD differs (BIND and zoneaudit give every TTL-less record the previous record's TTL)",
    ]

    @Test func sameRecordsAsLDNS() throws {
        guard FileManager.default.isExecutableFile(atPath: LDNSDifferentialTests.ldns) else {
            Issue.record("ldns-read-zone is not installed (make deps)")
            return
        }
        var compared = 0, excluded = 0, unreadable = 0, records = 0, explained = 0
        for file in LDNSDifferentialTests.candidates() {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if LDNSDifferentialTests.exclusion(text) != nil {
                excluded += 1
                continue
            }
            guard let output = run(LDNSDifferentialTests.ldns, [file]), output.status == 0 else {
                // ldns cannot read it (a type or syntax ldns 1.8.3 lacks): nothing to compare.
                unreadable += 1
                continue
            }
            // ldns's defaults, so the rest can be compared: the origin is the
            // first SOA's owner (read relative to the root), else the root; a
            // record with no TTL and no $TTL gets 3600 (BIND and zoneaudit give
            // it the previous record's TTL: a documented difference, left out
            // of this comparison by using ldns's default here).
            let probe = ZoneFileParser.parse(path: file, options: ParseOptions(origin: .root, format: .masterFile))
            let soaOwner = probe.records.first { $0.type == .soa }?.owner
            let hasTTLDirective = text.split(separator: "\n").contains { $0.uppercased().hasPrefix("$TTL") }
            let options = ParseOptions(origin: soaOwner ?? .root, defaultTTL: hasTTLDirective ? nil : 3600, format: .masterFile)
            let ours = ZoneFileParser.parse(path: file, options: options)
            let theirs = ZoneFileParser.parse(bytes: Array(output.output.utf8), name: "ldns-read-zone " + file,
                                              options: ParseOptions(origin: .root, format: .masterFile))
            let ourSet = Set(ours.records.map(key)), theirSet = Set(theirs.records.map(key))
            let relative = file.hasPrefix(Corpus.root) ? String(file.dropFirst(Corpus.root.count + 1)) : file
            if let reason = LDNSDifferentialTests.explained[relative] {
                #expect(ourSet != theirSet || theirs.hasErrors, "\(relative) now agrees with ldns: remove \"\(reason)\"")
                explained += 1
                continue
            }
            #expect(!theirs.hasErrors, "\(file): ldns's print-out does not parse: \(PeerCorpusTests.describe(theirs.errors))")
            #expect(ourSet == theirSet, """
                \(file): only zoneaudit: \(ourSet.subtracting(theirSet).sorted().prefix(3)); \
                only ldns: \(theirSet.subtracting(ourSet).sorted().prefix(3)); \
                zoneaudit errors: \(PeerCorpusTests.describe(ours.errors))
                """)
            compared += 1
            records += theirSet.count
        }
        print("differential ldns-read-zone: \(compared) files equal (\(records) distinct records), \(explained) explained differences, \(excluded) excluded ($INCLUDE/$GENERATE/class before TTL), \(unreadable) unreadable by ldns 1.8.3")
        // Without ../shared only the project's own samples are compared.
        #expect(compared > (Corpus.isPresent ? 50 : 2))
    }
}
