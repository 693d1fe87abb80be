import CLDNS
import ZoneModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the two halves of a key pair live: BIND's key-file format,
/// `Kname.+alg+tag.key` (the DNSKEY in zone syntax) and `.private`
/// (`Private-key-format: v1.x`), as `ldns-keygen` and `dnssec-keygen` write them.
public struct LDNSKeyFilePaths: Sendable, Hashable {
    public var publicKey: String
    public var privateKey: String

    /// Accepts the base name or either file's path.
    public init(_ path: String) {
        var base = path
        for suffix in [".private", ".key"] where base.hasSuffix(suffix) {
            base = String(base.dropLast(suffix.count))
            break
        }
        publicKey = base + ".key"
        privateKey = base + ".private"
    }
}

extension LDNSKeyPair {
    /// Key files are a few kilobytes; anything larger is not one.
    public static let maximumKeyFileSize = 64 * 1024

    /// Reads a key pair from its `.key` and `.private` files (`path` may name
    /// either, or the base name). The public file supplies owner and flags;
    /// the two halves must belong together.
    public static func read(from path: String) throws(LDNSKeyFileError) -> LDNSKeyPair {
        let paths = LDNSKeyFilePaths(path)
        let publicRecord = try readPublicKey(paths.publicKey)
        guard let publicData = publicRecord.dnskey else {
            throw .malformedPublicKey(path: paths.publicKey, reason: "bad DNSKEY RDATA")
        }
        let key = try readPrivateKey(paths.privateKey)
        let pair = try LDNSKeyPair(takingOwnershipOf: key, owner: publicRecord.owner, flags: publicData.flags)
        guard pair.algorithm.rawValue == publicData.algorithm,
              pair.dnskey.dnskey?.publicKey == publicData.publicKey else {
            throw .mismatchedPair(publicPath: paths.publicKey, privatePath: paths.privateKey)
        }
        return pair
    }

    /// The permission bits of a private key file (`st_mode & 0o777`).
    public static func permissions(ofFile path: String) throws(LDNSKeyFileError) -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotRead(path: path, reason: systemError()) }
        return UInt32(info.st_mode) & 0o777
    }

    /// Writes `<directory>/<fileBaseName>.key` (mode 0644) and `.private`
    /// (mode 0600) as ldns-keygen does, each atomically and never over an
    /// existing file. The private text goes from ldns's buffer to the file
    /// and is wiped; it never becomes a Swift string.
    @discardableResult
    public func write(toDirectory directory: String) throws(LDNSKeyFileError) -> LDNSKeyFilePaths {
        let name = owner.lowercased.presentation
        guard !name.contains("/") else { throw .unsafeOwnerName(name) }
        let base = directory.hasSuffix("/") ? directory + fileBaseName : directory + "/" + fileBaseName
        let paths = LDNSKeyFilePaths(base)

        guard let privateText = ldns_key2str(key) else {
            throw .ldns(LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_key2str"))
        }
        defer {
            explicit_bzero(privateText, strlen(privateText))
            free(privateText)
        }
        let publicText = try publicKeyFileText()

        try LDNSAtomicFile.publish(path: paths.privateKey, mode: 0o600) { descriptor in
            LDNSAtomicFile.writeAll(descriptor, UnsafeRawPointer(privateText), strlen(privateText))
        }
        do {
            try LDNSAtomicFile.publish(path: paths.publicKey, mode: 0o644) { descriptor in
                var bytes = Array(publicText.utf8)
                return bytes.withUnsafeMutableBytes { LDNSAtomicFile.writeAll(descriptor, $0.baseAddress!, $0.count) }
            }
        } catch {
            // Half a pair is no key: take the private file back.
            unlink(paths.privateKey)
            throw error
        }
        return paths
    }

    /// The `.key` file: a comment line, then the DNSKEY without a TTL (as
    /// ldns-keygen prints it, so BIND and ldns tools read it back).
    func publicKeyFileText() throws(LDNSKeyFileError) -> String {
        let record: LDNSRecord
        do {
            record = try LDNSRecord(dnskey)
        } catch {
            throw .ldns(error)
        }
        ldns_rr_set_question(record.rr, 1)
        var text = record.text
        if !text.hasSuffix("\n") { text += "\n" }
        return "; DNSKEY \(owner.lowercased) \(algorithm) key tag \(keyTag) (public half)\n" + text
    }

    static func readPublicKey(_ path: String) throws(LDNSKeyFileError) -> Record {
        let bytes = try readSmallFile(path)
        let entries = publicKeyEntries(String(decoding: bytes, as: UTF8.self))
        guard entries.count == 1, let entry = entries.first else {
            throw .malformedPublicKey(path: path, reason: "expected exactly one DNSKEY record, found \(entries.count) entries")
        }
        let parsed: Record
        do {
            parsed = try LDNSRecord(text: entry, defaultTTL: 3600).record()
        } catch {
            throw .malformedPublicKey(path: path, reason: error.message)
        }
        guard parsed.type == .dnskey else {
            throw .malformedPublicKey(path: path, reason: "record type is \(parsed.type), not DNSKEY")
        }
        return parsed
    }

    /// The record entries of a `.key` file: comments dropped, parenthesized
    /// continuations joined. DNSKEY RDATA has no quoted strings, so `;`
    /// always starts a comment.
    static func publicKeyEntries(_ text: String) -> [String] {
        var entries: [String] = []
        var current = ""
        var depth = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine.prefix { $0 != ";" }
            if line.hasSuffix("\r") { line = line.dropLast() }
            for character in line {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            }
            let cleaned = String(line.map { $0 == "(" || $0 == ")" ? " " : $0 })
            if !cleaned.allSatisfy({ $0 == " " || $0 == "\t" }) {
                current += current.isEmpty ? cleaned : " " + cleaned
            }
            if depth == 0, !current.isEmpty {
                entries.append(current)
                current = ""
            }
        }
        if !current.isEmpty { entries.append(current) }
        return entries
    }

    static func readPrivateKey(_ path: String) throws(LDNSKeyFileError) -> UnsafeMutablePointer<ldns_key> {
        _ = try fileSize(path)
        guard let file = fopen(path, "r") else { throw .cannotRead(path: path, reason: systemError()) }
        defer { fclose(file) }
        var key: UnsafeMutablePointer<ldns_key>?
        var line: Int32 = 0
        let status = ldns_key_new_frm_fp_l(&key, file, &line)
        guard status == LDNS_STATUS_OK, let key else {
            throw .malformedPrivateKey(path: path, status: LDNSError(status, operation: "ldns_key_new_frm_fp (line \(line))"))
        }
        return key
    }

    static func fileSize(_ path: String) throws(LDNSKeyFileError) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotRead(path: path, reason: systemError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead(path: path, reason: "not a regular file") }
        guard info.st_size <= maximumKeyFileSize else { throw .tooLarge(path: path, limit: maximumKeyFileSize) }
        return Int(info.st_size)
    }

    static func readSmallFile(_ path: String) throws(LDNSKeyFileError) -> [UInt8] {
        let size = try fileSize(path)
        guard let file = fopen(path, "r") else { throw .cannotRead(path: path, reason: systemError()) }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size + 1, file) }
        guard count <= size else { throw .tooLarge(path: path, limit: maximumKeyFileSize) }
        return Array(bytes[0..<count])
    }
}

func systemError() -> String {
    String(cString: strerror(errno))
}
