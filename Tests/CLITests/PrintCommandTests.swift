import Foundation
import Testing

/// `zoneaudit print`: canonical, fully qualified, one record a line, and it
/// loads back into zoneaudit and ldns as the same records.
@Suite struct PrintCommandTests {
    /// A record line with its whitespace normalized and ldns's trailing
    /// `;{id = ...}` key comment dropped.
    static func normalized(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            var line = Substring(line)
            if let comment = line.range(of: ";{") { line = line[..<comment.lowerBound] }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !fields.isEmpty, !fields[0].hasPrefix(";") else { return nil }
            return fields.joined(separator: " ")
        }.sorted()
    }

    @Test(arguments: ["zones/example.com.zone", "zones/example.net.signed", "dumps/example.com.axfr"])
    func outputReparsesToTheSameRecords(file: String) throws {
        let box = try Sandbox()
        let first = try box.zoneaudit("print", file)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.split(separator: "\n").first?.contains("\tSOA\t") == true, "SOA first: \(first)")
        for line in first.stdout.split(separator: "\n") {
            let owner = line.split(separator: "\t").first ?? ""
            #expect(owner.hasSuffix("."), "not fully qualified: \(line)")
        }
        try box.write(first.stdout, to: "printed.zone")

        // zoneaudit reads its own output back to exactly the same text.
        let again = try box.zoneaudit("print", "printed.zone")
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout == first.stdout)
    }

    @Test(.enabled(if: ExternalTool.isInstalled("ldns-read-zone"), "needs ldns-read-zone (ldnsutils)"),
          arguments: ["zones/example.com.zone", "zones/example.net.signed", "dumps/example.com.axfr"])
    func ldnsReadsTheOutputToTheSameRecords(file: String) throws {
        let box = try Sandbox()
        let printed = try box.zoneaudit("print", file)
        #expect(printed.status == 0, "\(printed)")
        try box.write(printed.stdout, to: "printed.zone")
        let ldns = try ExternalTool.run("ldns-read-zone", [box.path("printed.zone")])
        #expect(ldns.status == 0, "\(ldns.output)")
        let zoneauditRecords = PrintCommandTests.normalized(printed.stdout)
        #expect(PrintCommandTests.normalized(ldns.output) == zoneauditRecords)
        #expect(zoneauditRecords.count > 20)
    }

    @Test func dumpPrintDropsTheClosingSOA() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("print", "dumps/example.com.axfr")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.components(separatedBy: "\tSOA\t").count == 2, "one SOA: \(result)")
    }

    @Test func zoneWithErrorsIsNotPrinted() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("print", "zones/broken.example.zone")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("zones/broken.example.zone:8:18: error:"), "\(result)")
    }

    @Test func outputFileIsWrittenWithoutLeftovers() throws {
        let box = try Sandbox()
        try box.write("", to: "out/keep")
        let result = try box.zoneaudit("print", "--output", "out/example.com.txt", "zones/example.com.zone")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try box.listing("out") == ["example.com.txt", "keep"])
        let direct = try box.zoneaudit("print", "zones/example.com.zone")
        #expect(try box.read("out/example.com.txt") == direct.stdout)
    }
}
