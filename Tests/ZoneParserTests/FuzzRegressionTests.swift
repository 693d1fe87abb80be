import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// Inputs kept from fuzzing (Fixtures/fuzz-regressions/, see Tests/Fuzz/fuzz.sh):
/// each is read every way the fuzz target reads it and must not crash or hang.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = fixtures + "/fuzz-regressions"

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README" }.sorted()
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func replays(_ file: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FuzzRegressionTests.directory + "/" + file)))
        var options = ParseOptions(origin: name("fuzz.example."))
        options.maxErrors = 50
        options.maxGenerate = 256
        options.maxRecords = 10_000
        let master = ZoneFileParser.parse(bytes: bytes, name: file, options: options)
        _ = ZoneLoader.build(master, options: options)
        _ = master.records.map(\.presentation)
        options.origin = nil
        options.format = .axfrDump
        let dump = ZoneFileParser.parse(bytes: bytes, name: file, options: options)
        _ = ZoneLoader.build(dump, options: options)
        // Whatever the input, every finding points into it.
        for finding in master.findings + dump.findings where finding.location != nil {
            #expect(finding.location?.file == file)
        }
    }
}
