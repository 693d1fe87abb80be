import Foundation
import Testing

/// Validates documents against the official SARIF 2.1.0 JSON schema
/// (`Resources/sarif-schema-2.1.0.json`, from the OASIS sarif-spec
/// repository) with Python's `jsonschema`, the reference validator.
enum SARIFSchemaValidator {
    enum Outcome: Equatable {
        case valid
        case invalid(String)
    }

    /// Loads the schema and the document, validates with the draft the schema
    /// names (draft-04) and its format checker, and prints every error.
    /// Exit status: 0 valid, 1 invalid, 3 jsonschema missing.
    private static let script = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        sys.exit(3)
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    document = json.load(open(sys.argv[2], encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
    sys.exit(1 if errors else 0)
    """

    /// True when `python3` runs and imports `jsonschema`.
    static let isAvailable: Bool = {
        guard let result = try? run(["python3", "-c", "import jsonschema"]) else { return false }
        return result.status == 0
    }()

    static var schemaURL: URL? {
        Bundle.module.url(forResource: "sarif-schema-2.1.0", withExtension: "json", subdirectory: "Resources")
    }

    /// Writes `document` to a temporary file and validates it.
    static func validate(_ document: String) throws -> Outcome {
        let schema = try #require(schemaURL, "Resources/sarif-schema-2.1.0.json is missing")
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("zoneaudit-sarif-\(UUID().uuidString).sarif")
        try document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["python3", "-c", script, schema.path, file.path])
        switch result.status {
        case 0: return .valid
        case 1: return .invalid(result.output)
        default:
            Issue.record("the validator did not run (exit \(result.status)): \(result.output)")
            return .invalid(result.output)
        }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
