import Foundation
import Testing
import ZoneModel
@_spi(Fuzzing) @testable import ZoneParser

/// Parses `text` (origin `example.` unless given) in memory.
func parse(
    _ text: String, origin: String? = "example.", name: String = "test.zone",
    configure: (inout ParseOptions) -> Void = { _ in }, chunkSize: Int = ByteInput.defaultChunkSize
) -> ParseResult {
    var options = ParseOptions()
    options.origin = origin.map { try! DomainName($0) }
    configure(&options)
    return ZoneFileParser.parse(bytes: Array(text.utf8), name: name, options: options, chunkSize: chunkSize)
}

/// One record written in full (`owner ttl class type rdata`), parsed alone.
func rr(_ text: String) -> Record {
    let result = parse(text + "\n", origin: nil)
    precondition(result.records.count == 1 && !result.hasErrors, "bad test record \(text): \(result.findings)")
    return result.records[0]
}

/// `file:line:column rule` of every error, for exact-position assertions.
func errorSites(_ result: ParseResult) -> [String] {
    result.findings.filter { $0.level == .error }.map { finding in
        "\(finding.location.map { "\($0.line):\($0.column)" } ?? "-") \(finding.rule)"
    }
}

func rules(_ result: ParseResult) -> [String] { result.findings.map(\.rule.rawValue) }

func name(_ text: String) -> DomainName { try! DomainName(text) }

/// A record rendered `owner ttl class type <hex rdata>`, to compare sets.
func key(_ record: Record) -> String {
    "\(record.owner.lowercased) \(record.ttl) \(record.rrClass.rawValue) \(record.type.rawValue) \(hex(record.rdata))"
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("zoneparser-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }
}

/// Runs a program and returns its standard output (nil when it cannot run).
func run(_ executable: String, _ arguments: [String], directory: String? = nil) -> (status: Int32, output: String)? {
    guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The package root, from this file's path.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

let fixtures = packageRoot + "/Tests/ZoneParserTests/Fixtures"
