import Foundation
import Testing

/// Usage errors are "the job could not be done": exit 2, as zoneaudit(1)
/// says, never ArgumentParser's 64; and nothing on standard output.
@Suite struct UsageErrorTests {
    static let cases: [[String]] = [
        ["check", "--bogus", "zones/example.com.zone"],                 // unknown option
        ["frobnicate"],                                                   // unknown subcommand
        ["check"],                                                        // missing argument
        ["check", "--max-errors"],                                        // option without its value
        ["check", "--max-errors", "0", "zones/example.com.zone"],         // value out of range (validate)
        ["check", "--format", "xml", "zones/example.com.zone"],           // bad --format
        ["diff", "--fail-on", "severe", "zones/example.com.zone", "served/example.com.zone"],
        ["dnssec", "verify", "--at", "yesterday", "zones/example.net.signed"],
        ["baseline", "seal", "zones/example.com.zone"],                   // no --key
        ["baseline", "seal", "--key", "keys/Ktest-approver.example.+015+57455", "--validity", "1x", "zones/example.com.zone"],
        ["baseline", "verify", "baseline.zone"],                          // no --trusted-keys
    ]

    @Test(arguments: cases)
    func exitsTwoWithUsageOnStandardError(arguments: [String]) throws {
        let box = try Sandbox()
        let result = try box.zoneaudit(arguments: arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.hasPrefix("zoneaudit: "), "\(result)")
    }

    @Test func badFormatNamesTheAllowedValues() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("check", "--format", "xml", "zones/example.com.zone")
        #expect(result.status == 2)
        #expect(result.stderr.contains("'xml'"), "\(result)")
        #expect(result.stderr.contains("'sarif'"), "\(result)")
    }

    @Test func helpAndVersionExitZero() throws {
        let box = try Sandbox()
        let help = try box.zoneaudit("--help")
        #expect(help.status == 0, "\(help)")
        for command in ["check", "print", "diff", "audit", "dnssec", "baseline"] {
            #expect(help.stdout.contains(command), "--help lists \(command)")
        }
        let version = try box.zoneaudit("--version")
        #expect(version.status == 0, "\(version)")
        #expect(!version.stdout.isEmpty)
        let subcommandHelp = try box.zoneaudit("audit", "--help")
        #expect(subcommandHelp.status == 0, "\(subcommandHelp)")
        #expect(subcommandHelp.stdout.contains("--unsealed"))
    }
}
