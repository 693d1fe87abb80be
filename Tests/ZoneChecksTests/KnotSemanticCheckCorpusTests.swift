import Testing
import ZoneModel
import ZoneParser
@testable import ZoneChecks

/// Knot's `kzonecheck` semantic-check cases (knot/SOURCE.md, section 2): every
/// row of EXPECTED-semantic-check.tsv is answered by one entry below.
@Suite(.enabled(if: Corpus.isPresent, "needs the conformance data in ../shared/corpus"))
struct KnotSemanticCheckCorpusTests {
    static let directory = "knot/tests/knot/semantic_check_data"

    /// kzonecheck gives records without a TTL its DEFAULT_TTL (3600) instead of
    /// failing, so the corpus is read the same way.
    static func options(origin: DomainName?) -> ParseOptions {
        ParseOptions(origin: origin, defaultTTL: 3600)
    }

    static func dnssec(_ what: String) -> CorpusAnswer {
        .accept(note: "DNSSEC: '\(what)' comes from Knot's DNSSEC checks; ZoneChecks runs none (the DNSSEC module validates). Asserted: no non-DNSSEC error, as the same file passes kzonecheck -d off.")
    }

    /// Keyed by `file|origin|mode`; `SOA` stands for "origin from the SOA owner".
    static let answers: [String: CorpusAnswer] = [
        "soa.missing|SOA|auto": .parserRejects(
            "syntax.no-origin",
            note: "no SOA and no origin: the zone cannot be built (the loader reports syntax.no-origin); kzonecheck fails too"),
        "soa.duplicate|SOA|auto": .accept(builder: ["zone.duplicate-record"]),
        "soa.nonfirst|SOA|auto": .accept(),
        "soa.relative|SOA|auto": .parserRejects(
            "syntax.bad-name",
            note: "differs: '@' before any $ORIGIN and no origin given. kzonecheck makes an origin from the file name (soa.relative.); zoneaudit never guesses an origin from a file name (named-checkzone requires one too), so the owner is an error. With --origin soa.relative. the zone is accepted (soaRelativeIsAcceptedWithAnOrigin)."),
        "soa.missing|example.com.|auto": .reject(.soaMissing, count: 1),
        "soa.multiple|example.com.|auto": .reject(.soaMultiple, count: 1),
        "cname_extra_01.zone|example.com.|auto": .reject(
            .cnameAndOtherData, count: 1, also: [.targetNoAddress],
            note: "also warns that MX mail.example.com has no address (named-checkzone warns the same)"),
        "cname_extra_02.signed|example.com.|auto": .reject(.cnameAndOtherData, count: 1),
        "cname_multiple.zone|example.com.|auto": .reject(.cnameMultiple, count: 1),
        "dname_children.zone|example.com.|auto": .reject(.belowDNAME, count: 1),
        "dname_multiple.zone|example.com.|auto": .reject(.dnameMultiple, count: 1),
        "dname_extra_ns.zone|example.com.|auto": .reject(.dnameAndNS, count: 1),
        "ds_apex.zone|example.com.|auto": .reject(.dsAtApex, count: 1),
        "deleg_apex.zone|example.com.|auto": .parserRejects(
            "syntax.unknown-type",
            note: "same verdict, other reason: DELEG (draft-ietf-deleg) has no IANA type code and ldns 1.8.3 does not know it, so the parser rejects the record; there is no zone.deleg-at-apex rule"),
        "ns_apex.missing|example.com.|auto": .reject(.apexNSMissing, count: 1),
        "glue_apex_both.missing|example.com.|auto": .reject(.glueMissing, count: 2),
        "glue_apex_one.missing|example.com.|auto": .reject(.glueMissing, count: 1),
        "glue_besides.missing|example.com.|auto": .reject(.glueMissing, count: 1),
        "glue_deleg.missing|example.com.|auto": .reject(.glueMissing, count: 1),
        "glue_in_apex.missing|example.com.|auto": .reject(.glueMissing, count: 1),
        "different_signer_name.signed|example.com.|auto": dnssec("no valid signature for a record"),
        "no_rrsig.signed|example.com.|auto": dnssec("no valid signature for a record"),
        "no_rrsig_with_delegation.signed|example.com.|auto": dnssec("no valid signature for a record"),
        "nsec_broken_chain_01.signed|example.com.|auto": dnssec("inconsistent NSEC(3) chain"),
        "nsec_broken_chain_02.signed|example.com.|auto": dnssec("inconsistent NSEC(3) chain"),
        "nsec_missing.signed|example.com.|auto": dnssec("missing NSEC(3) record"),
        "nsec_multiple.signed|example.com.|auto": dnssec("missing NSEC(3) record"),
        "nsec_wrong_bitmap_01.signed|example.com.|auto": dnssec("wrong NSEC(3) bitmap"),
        "nsec_wrong_bitmap_02.signed|example.com.|auto": dnssec("wrong NSEC(3) bitmap"),
        "nsec3_missing.signed|example.com.|auto": dnssec("missing NSEC(3) record"),
        "nsec3_optout_ent.invalid|example.com.|auto": dnssec("missing NSEC(3) record"),
        "nsec3_wrong_bitmap_01.signed|example.com.|auto": dnssec("wrong NSEC(3) bitmap"),
        "nsec3_wrong_bitmap_02.signed|example.com.|auto": dnssec("wrong NSEC(3) bitmap"),
        "nsec3_ds.signed|example.com.|auto": dnssec("missing NSEC(3) record"),
        "nsec3_optout.signed|example.com.|auto": dnssec("wrong NSEC3 opt-out"),
        "nsec3_chain_01.signed|example.com.|auto": dnssec("inconsistent NSEC(3) chain"),
        "nsec3_chain_02.signed|example.com.|auto": dnssec("inconsistent NSEC(3) chain"),
        "nsec3_chain_03.signed|example.com.|auto": dnssec("inconsistent NSEC(3) chain"),
        "nsec3_param_invalid.signed|example.com.|auto": dnssec("missing NSEC(3) record / invalid flags in NSEC3PARAM (a DNSSEC-level check in Knot's table)"),
        "rrsig_signed.signed|example.com.|auto": dnssec("no valid signature for a record"),
        "rrsig_rdata_ttl.signed|example.com.|auto": dnssec("no valid signature for a record"),
        "duplicate.signature|example.com.|auto": dnssec("no valid signature for a record"),
        "missing.signed|example.com.|auto": dnssec("missing NSEC(3) record"),
        "dnskey_param_error.signed|example.com.|auto": dnssec("invalid DNSKEY"),
        "dnskey_keytags.many|example.com.|auto": dnssec("many DNSKEYs with equal keytag"),
        "invalid_ds.signed|example.com.|auto": .reject(
            .dsDigestUnknown, count: 2,
            note: "Knot's check_ds runs without DNSSEC mode too (OPTIONAL level): digest types 0 and 127 are unassigned"),
        "cdnskey.invalid|example.com.|auto": dnssecWithMX("CDS not match CDNSKEY"),
        "cdnskey.invalid.param|example.com.|auto": dnssecWithMX("CDS not match CDNSKEY"),
        "cdnskey.nocds|example.com.|auto": dnssecWithMX("missing CDS"),
        "cdnskey.nocdnskey|example.com.|auto": dnssecWithMX("missing CDNSKEY"),
        "cdnskey.nodnskey|example.com.|auto": dnssecWithMX("CDNSKEY not match DNSKEY"),
        "cdnskey.orphan.cds|example.com.|auto": dnssecWithMX("CDS not match CDNSKEY"),
        "cdnskey.orphan.cdnskey|example.com.|auto": dnssecWithMX("CDNSKEY without corresponding CDS"),
        "cdnskey.delete.invalid.cds|example.com.|auto": dnssecWithMX("invalid CDNSKEY/CDS for DNSSEC delete algorithm"),
        "cdnskey.delete.invalid.cdnskey|example.com.|auto": dnssecWithMX("invalid CDNSKEY/CDS for DNSSEC delete algorithm"),
        "delegation.signed|example.com.|auto": dnssec("wrong NSEC(3) bitmap"),
        "nsec_nonauth.invalid|example.com.|auto": .accept(
            .occludedData,
            note: "differs: Knot's DNSSEC validation rejects the NSEC below the delegation point ('superfluous NSEC(3)'); zoneaudit names the same record as zone.occluded-data, a warning: an occluded record is never served. Whether a signed zone's NSEC chain is right is the DNSSEC module's call."),
        "soa.duplicate|example.com.|auto": .accept(builder: ["zone.duplicate-record"]),
        "rrsig_ttl.signed|example.com.|auto": .accept(),
        "no_error_delegation_bitmap.signed|example.com.|auto": .accept(),
        "no_error_nsec3_optout.signed|example.com.|auto": .accept(),
        "glue_wildcard.valid|example.com.|auto": .accept(
            .noIPv6NameServer,
            note: "accepted; the advisory warning (AAAA records, name server dns1 IPv4 only) is named-checkzone's, Knot has no such check"),
        "glue_no_foreign.valid|example.com.|auto": .accept(),
        "glue_in_deleg.valid|example.com.|auto": .accept(),
        "cdnskey.cds|example.com.|auto": .accept(.targetNoAddress),
        "cdnskey.delete.both|example.com.|auto": .accept(.targetNoAddress),
        "dname_apex_nsec3.signed|example.com.|auto": .accept(),
        "dnskey_keytags.more|example.com.|auto": .accept(),
        "nsec3_optout_ent.valid|example.com.|auto": .accept(),
        "nsec3_optout_ent.all|example.com.|auto": .accept(),
        "no_rrsig.signed|example.com.|off": .accept(),
        "no_rrsig_with_delegation.signed|example.com.|off": .accept(),
        "nsec_broken_chain_01.signed|example.com.|off": .accept(),
        "nsec_broken_chain_02.signed|example.com.|off": .accept(),
        "nsec_missing.signed|example.com.|off": .accept(),
        "nsec_multiple.signed|example.com.|off": .accept(),
        "nsec_wrong_bitmap_01.signed|example.com.|off": .accept(),
        "nsec_wrong_bitmap_02.signed|example.com.|off": .accept(),
        "nsec3_missing.signed|example.com.|off": .accept(),
        "nsec3_wrong_bitmap_01.signed|example.com.|off": .accept(),
        "nsec3_wrong_bitmap_02.signed|example.com.|off": .accept(),
        "nsec3_ds.signed|example.com.|off": .accept(),
        "nsec3_optout.signed|example.com.|off": .accept(),
        "nsec3_chain_01.signed|example.com.|off": .accept(),
        "nsec3_chain_02.signed|example.com.|off": .accept(),
        "nsec3_chain_03.signed|example.com.|off": .accept(),
        "nsec3_param_invalid.signed|example.com.|off": .accept(),
        "rrsig_signed.signed|example.com.|off": .accept(),
        "rrsig_rdata_ttl.signed|example.com.|off": .accept(),
        "duplicate.signature|example.com.|off": .accept(),
        "missing.signed|example.com.|off": .accept(),
        "dnskey_param_error.signed|example.com.|off": .accept(),
        "dnskey_keytags.many|example.com.|off": .accept(),
        "cdnskey.invalid|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.invalid.param|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.nocds|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.nocdnskey|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.nodnskey|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.orphan.cds|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.orphan.cdnskey|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.delete.invalid.cds|example.com.|off": .accept(.targetNoAddress),
        "cdnskey.delete.invalid.cdnskey|example.com.|off": .accept(.targetNoAddress),
        "delegation.signed|example.com.|off": .accept(),
    ]

    /// The cdnskey.* zones name MX mail.example.com without giving it an address.
    static func dnssecWithMX(_ what: String) -> CorpusAnswer {
        var answer = dnssec(what)
        answer.zoneRules = [ZoneCheckRule.targetNoAddress.id.rawValue: Int?.none]
        return answer
    }

    @Test func everyRowHasTheAnswerItExpects() throws {
        let root = try #require(Corpus.root)
        let rows = try Corpus.rows("knot/EXPECTED-semantic-check.tsv")
        #expect(rows.count == 104)
        var tally = CorpusTally()
        for row in rows {
            let (file, originText, mode, exit) = (row[0], row[1], row[2], row[3])
            let originKey = originText.hasPrefix("(") ? "SOA" : originText
            let key = "\(file)|\(originKey)|\(mode)"
            // A row without an answer fails: no case is skipped silently.
            let answer = try #require(Self.answers[key], "no answer for \(key)")
            let origin = originKey == "SOA" ? nil : try DomainName(originText)
            let outcome = CorpusOutcome(path: "\(root)/\(Self.directory)/\(file)", options: Self.options(origin: origin))
            answer.verify(outcome, label: key)
            let referenceRejects = exit != "0"
            if outcome.rejected != referenceRejects || answer.rejects != referenceRejects {
                #expect(answer.note != nil, "\(key): verdict differs from kzonecheck without a note")
            }
            tally.record(label: key, referenceRejects: referenceRejects, answer: answer, outcome: outcome)
        }
        tally.report("knot semantic-check")
    }

    @Test func soaRelativeIsAcceptedWithAnOrigin() throws {
        let root = try #require(Corpus.root)
        let outcome = CorpusOutcome(
            path: "\(root)/\(Self.directory)/soa.relative",
            options: Self.options(origin: try DomainName("soa.relative.")))
        #expect(outcome.zone != nil)
        #expect(!outcome.rejected, Comment(rawValue: outcome.summary))
    }
}
