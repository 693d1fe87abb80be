import Foundation
import Testing
@testable import Transfer
import ZoneModel

@Suite struct TSIGKeyFileTests {
    static let secret = "LmJhc2U2NCBzZWNyZXQgZm9yIHRlc3RzIG9ubHkuLi4="

    func parse(_ text: String) throws(TSIGKeyFileError) -> [TSIGKey] {
        try TSIGKeyFile.parse(Array(text.utf8), file: "test.key")
    }

    @Test func readsTheFormTsigKeygenWrites() throws {
        let keys = try parse("""
        key "transfer.example." {
        \talgorithm hmac-sha256;
        \tsecret "\(Self.secret)";
        };
        """)
        #expect(keys.count == 1)
        #expect(keys[0].name == (try DomainName("transfer.example.")))
        #expect(keys[0].algorithm == .hmacSHA256)
        #expect(keys[0].secret == Base64.decode(Array(Self.secret.utf8)))
    }

    @Test func readsEveryAlgorithmCommentsAndUnquotedNames() throws {
        let keys = try parse("""
        # a comment
        // another
        /* a block
           comment */
        key one { algorithm hmac-sha1; secret "\(Self.secret)"; };
        key "two" { algorithm "HMAC-SHA384."; secret "\(Self.secret)"; };
        key three. { secret "\(Self.secret)"; algorithm hmac-sha512; };
        """)
        #expect(keys.map(\.algorithm) == [.hmacSHA1, .hmacSHA384, .hmacSHA512])
        #expect(keys.map(\.name.presentation) == ["one.", "two.", "three."])
    }

    @Test(arguments: [
        ("key \"k\" {\n algorithm hmac-md5;\n secret \"\(secret)\";\n};", 2, 12, "unsupported algorithm"),
        ("key \"k\" {\n algorithm hmac-sha256;\n};", 1, 1, "has no secret"),
        ("key \"k\" {\n secret \"\(secret)\";\n};", 1, 1, "has no algorithm"),
        ("key \"k\" {\n algorithm hmac-sha256;\n secret \"not base64!\";\n};", 3, 9, "not valid base64"),
        ("key \"k\" {\n algorithm hmac-sha256\n secret \"\(secret)\";\n};", 3, 2, "expected ';' after algorithm"),
        ("options { };", 1, 1, "expected 'key'"),
        ("key \"k\" {\n algorithm hmac-sha256;\n secret \"\(secret)\";\n}", 4, 2, "end of file"),
        ("key \"k\" {\n colour blue;\n};", 2, 2, "unknown key option"),
        ("key \"k\" {\n secret \"abc\n", 2, 9, "unterminated quoted string"),
        ("/* never closed", 1, 1, "unterminated /* comment"),
        ("key \"k\" { algorithm hmac-sha256; secret \"\(secret)\"; };\nkey \"k\" { algorithm hmac-sha256; secret \"\(secret)\"; };", 2, 1, "defined twice"),
    ])
    func reportsErrorsWithFileLineAndColumn(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
            #expect(error.description.hasPrefix("test.key:\(line):\(column): "))
            #expect(!error.description.contains(Self.secret))
        }
    }

    @Test func neverPrintsTheSecret() throws {
        let key = try parse("key k { algorithm hmac-sha256; secret \"\(Self.secret)\"; };")[0]
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, key.debugDescription, "\(key)", String(reflecting: key), dumped] {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(!text.contains(Base64.encode(key.secret)))
        }
        // A secret misplaced where a keyword belongs is not echoed either.
        do {
            _ = try parse("key k { algorithm hmac-sha256 \(Self.secret); };")
            Issue.record("accepted")
        } catch {
            #expect(!error.description.contains(Self.secret), "\(error)")
        }
    }

    @Test func loadsFromAFileAndPicksAKeyByName() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("two.key").path
        try """
        key a. { algorithm hmac-sha256; secret "\(Self.secret)"; };
        key b. { algorithm hmac-sha512; secret "\(Self.secret)"; };
        """.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try TSIGKeyFile.load(path: path, keyName: DomainName("b.")).algorithm == .hmacSHA512)
        #expect(throws: TSIGKeyFileError.self) { try TSIGKeyFile.load(path: path) }
        #expect(throws: TSIGKeyFileError.self) { try TSIGKeyFile.load(path: path, keyName: DomainName("c.")) }
        do {
            _ = try TSIGKeyFile.load(path: directory.appendingPathComponent("missing.key").path)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.description.contains("missing.key: cannot open"))
        }
    }

    @Test func base64DecodesStrictly() {
        #expect(Base64.decode(Array("aGVsbG8=".utf8)) == Array("hello".utf8))
        #expect(Base64.decode(Array("aGVs bG8h".utf8)) == Array("hello!".utf8))
        #expect(Base64.decode(Array("aGVsbG8".utf8)) == Array("hello".utf8))
        #expect(Base64.decode(Array("aGVsbG8=x".utf8)) == nil)
        #expect(Base64.decode(Array("a".utf8)) == nil)
        #expect(Base64.decode(Array("aGVs*G8=".utf8)) == nil)
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8($0 * 37 & 0xFF) }
            #expect(Base64.decode(Array(Base64.encode(bytes).utf8)) == bytes)
        }
    }
}
