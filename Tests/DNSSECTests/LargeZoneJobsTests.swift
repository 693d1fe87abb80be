import DNSSEC
import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// A zone large enough that the layout, the parse and the signature checks
/// split their work (over 4,096 RRsets, parsed in regions): the verdict,
/// findings and counts must be the same on one thread and on several, on a
/// valid zone and on one with a broken signature (and, with NSEC3, an NSEC3
/// owner that is no hash, far enough into the zone to be read by another
/// thread than the first).
@Suite("DNSSEC on a large zone, one thread and several")
struct LargeZoneJobsTests {
    static let time = DNSSECTime.parse(SignedZoneFixture.validationTimeText)!

    @Test("the same findings and summary whatever the number of threads", arguments: [false, true])
    func sameResultOnAnyNumberOfThreads(nsec3: Bool) throws {
        var text = SignedZoneFixture.unsignedZone
        for index in 0..<3000 {
            text += "h\(index).example.\t3600\tIN\tA\t10.\(index / 65536).\(index / 256 % 256).\(index % 256)\n"
            text += "h\(index).example.\t3600\tIN\tTXT\t\"\(String(repeating: "filler ", count: 1 + index % 9))\"\n"
        }
        let fixture = try SignedZoneFixture.make(
            algorithm: "ECDSAP256SHA256", denial: nsec3 ? .nsec3(iterations: 0, salt: "", optOut: false) : .nsec, zoneText: text)
        defer { fixture.remove() }

        // One RRSIG's signature altered: a symbol inside the base64, not the
        // last one before the padding (its low bits are padding, ignored).
        var lines = fixture.signedText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = try #require(lines.firstIndex { $0.hasPrefix("h2500.example.") && $0.contains("\tRRSIG\tA ") })
        var signature = Array(lines[target])
        let position = signature.count - 10
        signature[position] = signature[position] == "A" ? "B" : "A"
        lines[target] = String(signature)
        if nsec3 {
            // "z" is not a base32hex digit.
            let record = try #require(lines.indices.filter { lines[$0].contains("\tNSEC3\t") }.dropFirst(2500).first)
            lines[record] = "zz" + lines[record].dropFirst(2)
        }
        let broken = try fixture.write(lines.joined(separator: "\n"), as: "broken.signed")

        for path in [fixture.signedPath, broken] {
            var reports: [DNSSECReport] = []
            for jobs in [1, 2, 3] {
                let options = ParseOptions(origin: SignedZoneFixture.origin, jobs: jobs)
                var joined = 0
                let parsed = ZoneFileParser.parse(path: path, options: options, regionBytes: 64 << 10, joined: &joined)
                if jobs > 1 { #expect(joined > 3, "the file was parsed in regions") }
                let zone = try #require(ZoneLoader.build(parsed, options: options).zone)
                #expect(zone.rrsets.count > 4096)
                reports.append(DNSSECValidator(options: DNSSECOptions(validationTime: Self.time, jobs: jobs)).validate(zone))
            }
            #expect(reports[0].findings == reports[1].findings)
            #expect(reports[0].findings == reports[2].findings)
            #expect(reports[0].summary == reports[1].summary)
            #expect(reports[0].summary == reports[2].summary)
            #expect(reports[0].isValid == (path == fixture.signedPath))
            if nsec3 && path == broken {
                #expect(reports[0].findings.contains { $0.rule == "dnssec.nsec3-malformed" })
            }
        }
    }
}
