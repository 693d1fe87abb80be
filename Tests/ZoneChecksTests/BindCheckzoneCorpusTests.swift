import Testing
import ZoneModel
import ZoneParser
@testable import ZoneChecks

/// BIND's named-checkzone system-test cases (isc-bind9/SOURCE.md, section 1):
/// every row of EXPECTED-checkzone.tsv is answered by one entry below.
@Suite(.enabled(if: Corpus.isPresent, "needs the conformance data in ../shared/corpus"))
struct BindCheckzoneCorpusTests {
    /// BIND runs from here: `$INCLUDE "zones/inherit.db"` is relative to it.
    static let workingDirectory = "isc-bind9/bin/tests/system/checkzone"

    static let checkNames = "differs: BIND's check-names policy (-k fail, hostname rules) is not a zone-structure rule; zoneaudit does not implement it"
    static let parserAccepts = "differs: the parser (branch parser/rdata) accepts this RDATA; the syntax rule is the parser's, not a semantic check"

    static func cname(also: [ZoneCheckRule] = [], note: String? = nil) -> CorpusAnswer {
        .reject(.cnameAndOtherData, count: 1, also: also, note: note)
    }

    static func unknownType(_ type: String) -> CorpusAnswer {
        .parserRejects(
            "syntax.unknown-type",
            note: "same verdict, other reason: \(type) is not a type ldns 1.8.3 knows, so the parser rejects the record before the CNAME rule can see it")
    }

    /// Keyed by the file name in zones/.
    static let answers: [String: CorpusAnswer] = {
        var answers: [String: CorpusAnswer] = [
            "good-cdnskey.db": .accept(),
            "good-cds-unsigned.db": .accept(),
            "good-cds.db": .accept(),
            "good-dns-sd-reverse.db": .accept(),
            "good-gc-msdcs.db": .accept(),
            "good-generate-modifier.db": .accept(.noIPv6NameServer),
            "good-nsap.db": .accept(),
            "good-nsec3-nopadhash.db": .accept(),
            "good-occulted-ns-by-dname.db": .reject(
                .belowDNAME, count: 1,
                note: "differs: foo.example NS sits below the apex DNAME. RFC 6672 section 2.3 says no records may exist below a DNAME; kzonecheck rejects the same ('child record exists under DNAME'). BIND's loader tolerates occluded data; like BIND, zoneaudit does not ask for glue for the occluded NS set."),
            "good-occulted-ns-by-ns.db": .accept(.occludedData),
            "good-rpz-prefix.db": .accept(),
            "good-spf-exception.db": .accept(),
            "good-svcb.db": .accept(),
            "good1.db": .reject(
                .dnameAndNS, count: 1,
                note: "differs: ns-and-dname has NS and DNAME below the apex, which RFC 6672 section 2.3 forbids; kzonecheck rejects the same ('NS record exists beside DNAME'), named-checkzone does not check it"),
            "bad-caa-rr.db": .parserRejects("syntax.unknown-directive"),
            "bad-cdnskey.db": .accept(note: "DNSSEC: CDS/CDNSKEY against DNSKEY consistency needs DNSKEY digests: the DNSSEC module's check, not ZoneChecks'"),
            "bad-cds.db": .accept(note: "DNSSEC: CDS/CDNSKEY against DNSKEY consistency needs DNSKEY digests: the DNSSEC module's check, not ZoneChecks'"),
            "bad-cname-and-a6.db": cname(
                also: [.glueMissing],
                note: "also: the apex NS 'ns' has only an A6 record, which is not an address record for BIND either (A6 is historic, RFC 6563)"),
            "bad-cname-and-aaaa.db": cname(also: [.noIPv6NameServer]),
            "bad-cname-and-spf.db": cname(also: [.spfWithoutTXT]),
            "bad-cname-and-brid.db": unknownType("BRID"),
            "bad-cname-and-dsync.db": unknownType("DSYNC"),
            "bad-cname-and-hhit.db": unknownType("HHIT"),
            "bad-cname-and-resinfo.db": unknownType("RESINFO"),
            "bad-cname-and-wallet.db": unknownType("WALLET"),
            "bad-cname-and-sink.db": .parserRejects(
                "syntax.bad-rdata",
                note: "same verdict, other reason: the parser follows ldns 1.8.3's SINK layout (two octets, then base64), which reads 'SINK 8 0 2 l4ik' as bad base64; BIND's layout has three octets"),
            "bad-dhcid.db": .parserRejects("syntax.bad-rdata"),
            "bad-dns-sd-reverse.db": .accept(note: checkNames),
            "bad-ds-2.db": .reject(.dsNotAtDelegation, count: 1),
            "bad-ds.db": .reject(.dsAtApex, count: 1),
            "bad-eid.db": .parserRejects("syntax.bad-rdata"),
            "bad-generate-garbage.db": .parserRejects("syntax.bad-generate"),
            "bad-generate-missing-brace.db": .parserRejects("syntax.bad-generate"),
            "bad-generate-range.db": .parserRejects("syntax.bad-generate"),
            "bad-generate-tkey.db": .parserRejects("syntax.meta-type"),
            "bad-include-directory.db": .parserRejects("syntax.include-unreadable"),
            "bad-nsap-empty.db": .parserRejects("syntax.bad-rdata"),
            "bad-nsap-odd-nibble.db": .parserRejects("syntax.bad-rdata"),
            "bad-nsec3-length.db": .accept(note: parserAccepts + " (an NSEC3 next hashed owner BIND finds out of range)"),
            "bad-nsec3-padded.db": .accept(note: parserAccepts + " (base32hex with '=' padding in NSEC3)"),
            "bad-nsec3owner-padded.db": .accept(note: checkNames),
            "bad-rpz-prefix.db": .accept(note: "differs: RPZ owner-name rules are BIND policy, outside zone checks"),
            "bad-svcb-mandatory.db": .parserRejects("syntax.bad-rdata"),
            "bad-svcb-servername.db": .accept(note: checkNames),
            "bad-svcb.db": .parserRejects("syntax.bad-rdata"),
            "bad-tkey.db": .parserRejects("syntax.meta-type"),
            "bad-unspec.db": .parserRejects("syntax.bad-rdata"),
            "bad1.db": .parserRejects("syntax.bad-rdata"),
            "bad2.db": .parserRejects("syntax.bad-generate"),
            "bad3.db": .parserRejects("syntax.bad-generate"),
            "bad4.db": .parserRejects("syntax.bad-generate"),
            "badttl.db": .parserRejects("syntax.bad-ttl"),
            "ns-address-below-dname.db": .reject(.targetBelowDNAME, count: 1, also: [.belowDNAME]),
            "delegating-ns-address-below-dname.db": .reject(
                .targetBelowDNAME, count: 1, also: [.belowDNAME],
                note: "differs: ns.sub2.example.com A lies below the DNAME at sub2, so it is never served (RFC 6672 section 2.3: no records below a DNAME) and kzonecheck rejects it too; named-checkzone only warns that the delegation's name server is below a DNAME, and zoneaudit reports that as zone.target-below-dname"),
            "generate-overflow.db": .accept(),
            "spf.db": .accept(.spfWithoutTXT),
            "nowarn.inherited.owner.db": .accept().notReporting("syntax.inherited-owner"),
            "warn.inherit.origin.db": .accept(
                note: "same verdict; BIND also warns 'inherited.owner' when the first record of an $INCLUDEd file inherits the owner after '$ORIGIN @': the parser does not warn there (its warning covers only a record right after $ORIGIN)"),
            "warn.inherited.owner.db": .accept().reporting("syntax.inherited-owner"),
            "inherit.db": .parserRejects(
                "syntax.missing-owner",
                note: "an $INCLUDE fragment, not a case: it opens with a blank owner only the including file can supply, so alone it is refused; the three *inherit* zones exercise it"),
            "er.db": .accept(),
            "er-missing.db": .accept(note: "BIND's answer without -R fail (accept); the RFC 9567 report-channel requirement of -R fail is BIND policy, not implemented"),
            "warn.no-a.server.db": .accept(.noIPv4NameServer),
            "warn.no-a.server.glue.db": .accept(.noIPv4NameServer),
            "warn.no-aaaa.server.db": .accept(.noIPv6NameServer),
            "warn.no-aaaa.server.glue.db": .accept(.noIPv6NameServer),
            "crashzone.db": .parserRejects(
                "syntax.bad-rdata",
                note: "differs: a crash regression with garbled RRSIGs; the parser rejects the expiration '00100227180048' (year 10) where BIND wraps it; no crash either way"),
        ]
        for index in 1...6 {
            answers["bad-_dns-svcb\(index).db"] = .accept(note: "differs: RFC 9461 rules for _dns SVCB records (alpn, dohpath) are record-content policy, not implemented")
            answers["bad-svcb-alpn\(index).db"] = .parserRejects("syntax.bad-rdata")
        }
        for type in ["a", "afsdb", "amtrelay", "apl", "atma", "avc", "caa", "cdnskey", "cds", "cert", "csync",
                     "dhcid", "dlv", "dname", "doa", "eid", "eui48", "eui64", "gpos", "hinfo", "hip", "https",
                     "ipseckey", "isdn", "key", "kx", "l32", "l64", "loc", "lp", "md", "mg", "minfo", "mx",
                     "naptr", "nid", "nimloc", "ninfo", "ns-soa", "nsap-ptr", "nsap", "openpgpkey", "ptr", "px",
                     "rkey", "rp", "rt", "smimea", "srv", "sshfp", "svcb", "ta", "talink", "tlsa", "txt",
                     "type54", "type69", "uri", "wks", "x25", "zonemd"] {
            answers["bad-cname-and-\(type).db"] = cname()
        }
        for kind in ["no-leading-zero", "three-digits", "too-short", "trailing-garbage"] {
            answers["bad-eui48-\(kind).db"] = .parserRejects("syntax.bad-rdata")
            answers["bad-eui64-\(kind).db"] = .parserRejects("syntax.bad-rdata")
        }
        for type in ["key-alg", "nsec3rsasha1", "rsasha1", "cds-sha1", "digest-sha1", "ds-alg"] {
            answers["warn.deprecated.\(type).db"] = .accept(
                note: "same verdict; the deprecation warnings (SHA-1 digests, RSASHA1 keys) are the DNSSEC module's to give")
        }
        return answers
    }()

    @Test func everyRowHasTheAnswerItExpects() throws {
        let root = try #require(Corpus.root)
        let rows = try Corpus.rows("isc-bind9/EXPECTED-checkzone.tsv")
        #expect(rows.count == 154)
        let base = "\(root)/\(Self.workingDirectory)"
        var tally = CorpusTally()
        for row in rows {
            let file = String(row[0].split(separator: "/").last ?? "")
            let answer = try #require(Self.answers[file], "no answer for \(file)")
            // A few rows leave the flags column out; the verdict is then column 3.
            let verdict = ["accept", "reject", "include-fragment"].contains(row[3]) ? row[3] : row[2]
            let originText = row[1] == "-" ? "example" : row[1]
            let options = ParseOptions(
                origin: try DomainName(originText.hasSuffix(".") ? originText : originText + "."),
                includeRoot: base, includeBase: base)
            let outcome = CorpusOutcome(path: "\(root)/isc-bind9/\(row[0])", options: options)
            answer.verify(outcome, label: file)
            // "accept / reject" (er-missing.db): accept without -R fail, the flags used here.
            let referenceRejects = verdict.hasPrefix("reject")
            if verdict != "include-fragment", outcome.rejected != referenceRejects || answer.rejects != referenceRejects {
                #expect(answer.note != nil, "\(file): verdict differs from named-checkzone without a note")
            }
            if file == "generate-overflow.db", let zone = outcome.zone {
                // $GENERATE 19-28/2147483645: the step overflows after the first name.
                #expect(zone.rrsets.filter { $0.type == .cname }.flatMap(\.records).count == 1)
            }
            if file == "spf.db" {
                #expect(outcome.checkFindings.filter { $0.rule == ZoneCheckRule.spfWithoutTXT.id }.map(\.owner)
                    == [try DomainName("y.example.")])
            }
            if verdict == "include-fragment" { continue }
            tally.record(label: file, referenceRejects: referenceRejects, answer: answer, outcome: outcome)
        }
        tally.report("isc-bind9 checkzone")
    }
}
