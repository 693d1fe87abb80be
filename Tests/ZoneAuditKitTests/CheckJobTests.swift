import Foundation
import Testing
import Reporters
import ZoneModel
@testable import ZoneAuditKit

@Suite struct CheckJobTests {
    @Test func brokenSampleFindsEveryPlantedError() throws {
        let fixture = try KitFixture()
        let result = try CheckJob(files: [fixture.path("zones/broken.example.zone")], read: ZoneReadOptions(), strict: false).run()
        #expect(result.status == .findings)
        let places = result.report.findings.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.rule)" }
        #expect(places.sorted() == [
            "10:1 zone.cname-and-other-data", "13:1 zone.glue-missing", "15:5 syntax.bad-ttl",
            "16:13 syntax.unknown-type", "8:18 syntax.bad-rdata", "9:18 syntax.unterminated-string",
        ])
        #expect(result.report.findings.allSatisfy { $0.zone?.presentation == "broken.example." })
    }

    @Test func cleanZoneIsClean() throws {
        let fixture = try KitFixture()
        let result = try CheckJob(files: [fixture.path("zones/example.com.zone")], read: ZoneReadOptions(), strict: true).run()
        #expect(result.status == .clean)
        #expect(result.report.findings.isEmpty)
        #expect(result.report.zones.first?.recordsAfter == 25)
    }

    @Test func strictCountsWarnings() throws {
        let fixture = try KitFixture()
        try fixture.write("""
            $ORIGIN warn.example.
            @    3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                 3600 IN NS  ns1
            ns1  3600 IN A   192.0.2.1
            www  300  IN A   192.0.2.2
            www  600  IN A   192.0.2.3

            """, to: "warn.zone")
        let lenient = try CheckJob(files: [fixture.path("warn.zone")], read: ZoneReadOptions(), strict: false).run()
        #expect(lenient.status == .clean)
        #expect(lenient.report.findings.map(\.rule) == ["zone.ttl-mismatch"])
        let strict = try CheckJob(files: [fixture.path("warn.zone")], read: ZoneReadOptions(), strict: true).run()
        #expect(strict.status == .findings)
    }

    @Test func unreadableFileIsAJobError() throws {
        let fixture = try KitFixture()
        #expect(throws: JobError.self) {
            try CheckJob(files: [fixture.path("zones/example.com.zone"), fixture.path("nope.zone")],
                         read: ZoneReadOptions(), strict: false).run()
        }
        #expect(throws: JobError.self) {
            try CheckJob(files: [fixture.path("zones")], read: ZoneReadOptions(), strict: false).run()
        }
    }

    /// After the error cap the rest of the file was not read: no semantic
    /// check may judge the half that was (glue defined later would be
    /// reported missing, and so on).
    @Test func errorCapSkipsSemanticChecks() throws {
        let fixture = try KitFixture()
        let result = try CheckJob(files: [fixture.path("zones/broken.example.zone")],
                                  read: ZoneReadOptions(maxErrors: 1), strict: false).run()
        #expect(result.status == .findings)
        #expect(Set(result.report.findings.map(\.rule)) == ["syntax.too-many-errors", "syntax.bad-rdata"])
    }

    @Test func printOfAZoneWithErrorsIsAJobError() throws {
        let fixture = try KitFixture()
        #expect(throws: JobError.self) {
            try PrintJob(file: fixture.path("zones/broken.example.zone"), read: ZoneReadOptions()).run()
        }
    }

    /// A zone file of another zone, read as this one, has no SOA at the
    /// apex: it is not taken for an empty version of the zone.
    @Test func zoneWithoutSOAAtTheApexIsNotComplete() throws {
        let fixture = try KitFixture()
        var options = ZoneReadOptions()
        options.origin = try DomainName("example.com.")
        do {
            _ = try ZoneReader.readComplete(fixture.path("zones/example.net.zone"), role: "zone", options: options)
            Issue.record("another zone was read as example.com.")
        } catch {
            #expect(error.message.contains("no SOA record at example.com."), "\(error.message)")
            #expect(error.message.contains("is it another zone?"), "\(error.message)")
        }
        #expect(throws: JobError.self) {
            try PrintJob(file: fixture.path("zones/example.net.zone"), read: options).run()
        }
    }
}
