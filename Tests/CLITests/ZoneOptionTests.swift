import Foundation
import Testing

/// `--zone NAME` on the commands that take a zone: everything else comes
/// from the sample repository's zoneaudit.yml.
@Suite struct ZoneOptionTests {
    @Test(arguments: [
        ["check", "--zone", "example.com."],
        ["print", "--zone", "example.com"],
        ["diff", "--zone", "example.com."],
        ["audit", "--zone", "example.com."],
        ["audit", "--zone", "example.net."],
        ["dnssec", "verify", "--zone", "example.net."],
        ["baseline", "verify", "--zone", "example.net."],
    ])
    func commandsTakeTheirInputsFromTheConfiguration(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.zoneaudit(arguments: arguments)
        #expect(result.status == 0, "\(result)")
    }

    @Test func theConfiguredFilesAreTheOnesRead() throws {
        let sandbox = try Sandbox()
        try sandbox.edit("zones/example.com.zone", replacing: "www ", with: "evil            IN  A     203.0.113.66\nwww ")
        let diff = try sandbox.zoneaudit("diff", "--zone", "example.com.", "--format", "json")
        #expect(diff.status == 1, "\(diff)")
        #expect(diff.stdout.contains("evil.example.com."), "\(diff)")
        let audit = try sandbox.zoneaudit("audit", "--zone", "example.com.")
        #expect(audit.status == 1, "\(audit)")
        // The command line wins over the configuration.
        let explicit = try sandbox.zoneaudit("diff", "--zone", "example.com.", "baselines/example.com.zone", "baselines/example.com.zone")
        #expect(explicit.status == 0, "\(explicit)")
    }

    @Test func sealWritesTheConfiguredBaseline() throws {
        let sandbox = try Sandbox()
        try sandbox.edit("zones/example.com.zone", replacing: "www ", with: "new             IN  A     203.0.113.99\nwww ")
        #expect(try sandbox.zoneaudit("audit", "--zone", "example.com.").status == 1)
        let seal = try sandbox.zoneaudit("baseline", "seal", "--zone", "example.com.", "--force",
                                         "--key", "keys/Ktest-approver.example.+015+57455")
        #expect(seal.status == 0, "\(seal)")
        #expect(try sandbox.read("baselines/example.com.zone").contains("new.example.com."))
        #expect(try sandbox.zoneaudit("audit", "--zone", "example.com.").status == 0)
    }

    @Test func anUnknownZoneOrAMissingConfigurationIsAnError() throws {
        let sandbox = try Sandbox()
        let unknown = try sandbox.zoneaudit("check", "--zone", "example.org.")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no zone example.org. in the configuration (configured: example.com., example.net.)"), "\(unknown)")
        try sandbox.remove("zoneaudit.yml")
        let missing = try sandbox.zoneaudit("check", "--zone", "example.com.", "--config", "nowhere.yml")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.yml"), "\(missing)")
        let none = try sandbox.zoneaudit("check")
        #expect(none.status == 2, "\(none)")
    }
}
