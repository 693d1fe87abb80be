#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// Reads TSIG keys from a file in BIND's syntax, as `tsig-keygen` writes it:
///
///     key "transfer.example." {
///         algorithm hmac-sha256;
///         secret "base64...";
///     };
///
/// Comments (`#`, `//`, `/* */`) are allowed. Keys come only from files, never
/// from the command line, so they stay out of process listings and shell history.
public enum TSIGKeyFile {
    /// Key files are a few hundred octets; anything much larger is not one.
    public static let maximumSize = 64 * 1024

    /// Loads the one key in `path`, or the key called `keyName` when the file holds several.
    public static func load(path: String, keyName: DomainName? = nil) throws(TSIGKeyFileError) -> TSIGKey {
        let keys = try parse(try readFile(path), file: path)
        if let keyName {
            guard let key = keys.first(where: { $0.name == keyName }) else {
                throw TSIGKeyFileError(file: path, line: 0, column: 0, message: "no key named \(keyName)")
            }
            return key
        }
        guard keys.count == 1 else {
            throw TSIGKeyFileError(
                file: path, line: 0, column: 0,
                message: keys.isEmpty ? "no key statement" : "\(keys.count) keys in the file; name the one to use")
        }
        return keys[0]
    }

    /// Parses every key statement. `file` names the source in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(TSIGKeyFileError) -> [TSIGKey] {
        var lexer = Lexer(bytes: bytes, file: file)
        var keys: [TSIGKey] = []
        while let token = try lexer.next() {
            guard token.kind == .word, token.text.lowercased() == "key" else {
                throw lexer.error(at: token, "expected 'key', found \(token.shown) (a key file holds key statements only)")
            }
            let key = try parseKey(&lexer, at: token)
            if keys.contains(where: { $0.name == key.name }) {
                throw lexer.error(at: token, "key \(key.name) is defined twice")
            }
            keys.append(key)
        }
        return keys
    }

    private static func parseKey(_ lexer: inout Lexer, at keyword: Token) throws(TSIGKeyFileError) -> TSIGKey {
        let nameToken = try lexer.expect("the key name after 'key'", at: keyword)
        guard nameToken.kind == .word || nameToken.kind == .string else {
            throw lexer.error(at: nameToken, "expected the key name, found \(nameToken.shown)")
        }
        let name: DomainName
        do {
            name = try DomainName(nameToken.text, origin: .root)
        } catch {
            throw lexer.error(at: nameToken, "bad key name: \(error)")
        }
        let open = try lexer.expect("'{'", at: nameToken)
        guard open.kind == .open else { throw lexer.error(at: open, "expected '{' after the key name, found \(open.shown)") }

        var algorithm: TSIGAlgorithm?
        var secret: [UInt8]?
        var last = open
        while true {
            let clause = try lexer.expect("'}' closing key \(name)", at: last)
            if clause.kind == .close { last = clause; break }
            guard clause.kind == .word else { throw lexer.error(at: clause, "expected 'algorithm' or 'secret', found \(clause.shown)") }
            switch clause.text.lowercased() {
            case "algorithm":
                guard algorithm == nil else { throw lexer.error(at: clause, "algorithm given twice") }
                let value = try lexer.expect("the algorithm name", at: clause)
                guard value.kind == .word || value.kind == .string else {
                    throw lexer.error(at: value, "expected the algorithm name, found \(value.shown)")
                }
                guard let parsed = TSIGAlgorithm(name: value.text) else {
                    let supported = TSIGAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")
                    throw lexer.error(at: value, "unsupported algorithm \(Token.echo(value.text.lowercased())) (supported: \(supported))")
                }
                algorithm = parsed
                last = value
            case "secret":
                guard secret == nil else { throw lexer.error(at: clause, "secret given twice") }
                let value = try lexer.expect("the secret", at: clause)
                guard value.kind == .string || value.kind == .word else {
                    throw lexer.error(at: value, "expected the secret in quotes, found \(value.shown)")
                }
                // The message never quotes the value: it is the secret.
                guard let decoded = Base64.decode(Array(value.text.utf8)) else {
                    throw lexer.error(at: value, "the secret is not valid base64")
                }
                guard !decoded.isEmpty else { throw lexer.error(at: value, "the secret is empty") }
                secret = decoded
                last = value
            default:
                throw lexer.error(at: clause, "unknown key option \(clause.shown) (expected 'algorithm' or 'secret')")
            }
            let semicolon = try lexer.expect("';'", at: last)
            guard semicolon.kind == .semicolon else {
                throw lexer.error(at: semicolon, "expected ';' after \(clause.text), found \(semicolon.shown)")
            }
            last = semicolon
        }
        let semicolon = try lexer.expect("';' after '}'", at: last)
        guard semicolon.kind == .semicolon else {
            throw lexer.error(at: semicolon, "expected ';' after '}', found \(semicolon.shown)")
        }
        guard let algorithm else { throw lexer.error(at: keyword, "key \(name) has no algorithm") }
        guard let secret else { throw lexer.error(at: keyword, "key \(name) has no secret") }
        return TSIGKey(name: name, algorithm: algorithm, secret: secret)
    }

    static func readFile(_ path: String) throws(TSIGKeyFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TSIGKeyFileError(file: path, line: 0, column: 0, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TSIGKeyFileError(file: path, line: 0, column: 0, message: "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maximumSize {
                throw TSIGKeyFileError(file: path, line: 0, column: 0, message: "larger than \(maximumSize) octets; not a key file")
            }
        }
        return bytes
    }

    struct Token {
        enum Kind { case word, string, open, close, semicolon }
        var kind: Kind
        var text: String
        var line: Int
        var column: Int

        /// How an error names the token. Strings and anything that could be a
        /// secret are not quoted back.
        var shown: String {
            switch kind {
            case .word: Token.echo(text)
            case .string: "a quoted string"
            case .open: "'{'"
            case .close: "'}'"
            case .semicolon: "';'"
            }
        }

        /// Short lower-case words (keywords, algorithm names) are shown; base64
        /// secrets have capitals, `+`, `/` or `=`, or are longer, and are not.
        static func echo(_ text: String) -> String {
            let plain = text.utf8.count <= 20 && text.utf8.allSatisfy { byte in
                byte &- 97 < 26 || byte &- 48 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_")
            }
            return plain ? "'\(text)'" : "a word that is not shown (it could be a secret)"
        }
    }

    struct Lexer {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
        }

        func error(at token: Token, _ message: String) -> TSIGKeyFileError {
            TSIGKeyFileError(file: file, line: token.line, column: token.column, message: message)
        }

        mutating func expect(_ what: String, at previous: Token) throws(TSIGKeyFileError) -> Token {
            guard let token = try next() else {
                throw TSIGKeyFileError(file: file, line: line, column: column, message: "end of file; expected \(what)")
            }
            return token
        }

        private mutating func advance() {
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        mutating func next() throws(TSIGKeyFileError) -> Token? {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    advance()
                } else if byte == UInt8(ascii: "#")
                    || (byte == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")) {
                    while index < bytes.count && bytes[index] != 0x0A { advance() }
                } else if byte == UInt8(ascii: "/") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*") {
                    let startLine = line, startColumn = column
                    advance()
                    advance()
                    while true {
                        guard index < bytes.count else {
                            throw TSIGKeyFileError(file: file, line: startLine, column: startColumn, message: "unterminated /* comment")
                        }
                        if bytes[index] == UInt8(ascii: "*") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") {
                            advance()
                            advance()
                            break
                        }
                        advance()
                    }
                } else {
                    break
                }
            }
            guard index < bytes.count else { return nil }
            let startLine = line, startColumn = column
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"):
                advance()
                return Token(kind: .open, text: "{", line: startLine, column: startColumn)
            case UInt8(ascii: "}"):
                advance()
                return Token(kind: .close, text: "}", line: startLine, column: startColumn)
            case UInt8(ascii: ";"):
                advance()
                return Token(kind: .semicolon, text: ";", line: startLine, column: startColumn)
            case UInt8(ascii: "\""):
                advance()
                let start = index
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    guard bytes[index] != 0x0A else {
                        throw TSIGKeyFileError(file: file, line: startLine, column: startColumn, message: "unterminated quoted string")
                    }
                    advance()
                }
                guard index < bytes.count else {
                    throw TSIGKeyFileError(file: file, line: startLine, column: startColumn, message: "unterminated quoted string")
                }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                advance()
                return Token(kind: .string, text: text, line: startLine, column: startColumn)
            default:
                let start = index
                while index < bytes.count {
                    let current = bytes[index]
                    if current <= 0x20 || current == UInt8(ascii: "{") || current == UInt8(ascii: "}")
                        || current == UInt8(ascii: ";") || current == UInt8(ascii: "\"") { break }
                    advance()
                }
                return Token(kind: .word, text: String(decoding: bytes[start..<index], as: UTF8.self),
                             line: startLine, column: startColumn)
            }
        }
    }
}

/// A TSIG key file that could not be used, with the place (`file:line:column`)
/// when the problem is in its text. Never carries the secret.
public struct TSIGKeyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
