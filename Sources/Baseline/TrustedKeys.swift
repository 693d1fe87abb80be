import ZoneModel

/// One approver key the verifier trusts: a DNSKEY from the trusted-keys
/// file and the comment that names whose it is.
public struct TrustedKey: Sendable, Hashable {
    public var dnskey: Record
    /// The comment naming the key's holder, as the trusted-keys file gives it.
    public var name: String?
    public var owner: DomainName { dnskey.owner }
    public let algorithm: UInt8
    /// RFC 4034 Appendix B key tag.
    public let keyTag: UInt16

    /// Returns nil unless `dnskey` is a DNSKEY with well-formed RDATA and
    /// protocol 3 (RFC 4034 section 2.1.2).
    public init?(dnskey: Record, name: String? = nil) {
        guard dnskey.type == .dnskey, let data = dnskey.dnskey, data.protocolValue == 3, !data.publicKey.isEmpty else {
            return nil
        }
        self.dnskey = dnskey
        self.name = name
        self.algorithm = data.algorithm
        self.keyTag = TrustedKey.keyTag(of: dnskey.rdata, algorithm: data.algorithm)
        self.isRevoked = data.isRevoked
    }

    /// RFC 5011 revoked keys are never trusted to seal.
    public let isRevoked: Bool

    /// Two entries are the same approver when owner and key material agree
    /// (the comment may differ).
    var identity: KeyIdentity { KeyIdentity(owner: dnskey.owner, rdata: dnskey.rdata) }

    /// "alice (key 12345, algorithm 13, alice.approvers.example.)".
    public var label: String {
        let who = name.map { "\($0) " } ?? ""
        return "\(who)(key \(keyTag), algorithm \(algorithm), \(owner))"
    }

    /// RFC 4034 Appendix B (algorithm 1 takes the modulus' low 16 bits).
    public static func keyTag(of rdata: [UInt8], algorithm: UInt8) -> UInt16 {
        if algorithm == 1 {
            guard rdata.count >= 4 else { return 0 }
            return UInt16(rdata[rdata.count - 3]) << 8 | UInt16(rdata[rdata.count - 2])
        }
        var accumulator: UInt32 = 0
        for (index, byte) in rdata.enumerated() {
            accumulator &+= index & 1 == 0 ? UInt32(byte) << 8 : UInt32(byte)
        }
        accumulator &+= (accumulator >> 16) & 0xFFFF
        return UInt16(truncatingIfNeeded: accumulator)
    }
}

/// Owner name and RDATA: identifies a key regardless of TTL and comment.
struct KeyIdentity: Hashable, Sendable {
    var owner: DomainName
    var rdata: [UInt8]
}

/// The approvers' public keys, read from the trusted-keys file: DNSKEY
/// records in zone syntax, each named by a comment, either on the comment
/// lines right above it or at the end of its line:
///
///     ; Alice Example <alice@example.com>, DNS team
///     alice.approvers.example. IN DNSKEY 256 3 13 mdsswUyr...
///     bob.approvers.example. IN DNSKEY 256 3 15 l02Woi0i... ; Bob Example
///
/// This file is the root of trust of the seal: whoever can edit it can
/// approve anything. Keep it apart from the baselines it vouches for.
public struct TrustedKeys: Sendable {
    public private(set) var keys: [TrustedKey]

    /// The keys, duplicates (same owner and key) kept once, revoked ones dropped.
    public init(_ keys: [TrustedKey]) {
        var seen = Set<KeyIdentity>()
        self.keys = keys.filter { !$0.isRevoked && seen.insert($0.identity).inserted }
    }

    /// Builds from the file's parsed records and its text (for the comments,
    /// found through each record's `location.line`).
    public init(records: [Record], text: String, path: String) throws(BaselineError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var keys: [TrustedKey] = []
        for record in records {
            let line = record.location.map { Int($0.line) }
            guard let key = TrustedKey(dnskey: record, name: line.flatMap { TrustedKeys.comment(forLine: $0, in: lines) }) else {
                let place = line.map { "line \($0): " } ?? ""
                throw .trustedKeys(path: path, reason: "\(place)\(record.owner) \(record.type) is not a usable DNSKEY record")
            }
            keys.append(key)
        }
        self.init(keys)
        guard !self.keys.isEmpty else { throw .trustedKeys(path: path, reason: "no usable DNSKEY records") }
    }

    /// Reads a trusted-keys file (at most 1 MiB) with the given parser.
    public static func read(path: String, using readRecords: RecordFileReader) throws(BaselineError) -> TrustedKeys {
        let bytes = try BaselineFile.read(path, limit: 1 << 20)
        let records: [Record]
        do {
            records = try readRecords(path, nil)
        } catch {
            throw .trustedKeys(path: path, reason: "\(error)")
        }
        return try TrustedKeys(records: records, text: String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Keys that could have made a signature with this tag, algorithm and signer.
    func candidates(keyTag: UInt16, algorithm: UInt8, signer: DomainName) -> [TrustedKey] {
        keys.filter { $0.keyTag == keyTag && $0.algorithm == algorithm && $0.owner == signer }
    }

    /// The block of comment-only lines directly above line `number`
    /// (1-based), else the comment at the end of that line. ldns's own
    /// `;{id = ...}` annotation on pasted `.key` lines names nobody and is skipped.
    static func comment(forLine number: Int, in lines: [String]) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var block: [String] = []
        var index = number - 2
        while index >= 0 {
            let trimmed = lines[index].trimmingWhitespace
            guard trimmed.hasPrefix(";") else { break }
            let text = String(trimmed.drop { $0 == ";" }).trimmingWhitespace
            if !text.isEmpty { block.insert(text, at: 0) }
            index -= 1
        }
        if !block.isEmpty { return block.joined(separator: " ") }
        guard let trailing = trailingComment(lines[number - 1]), !trailing.hasPrefix("{id =") else { return nil }
        return trailing
    }

    /// The text after the first `;` outside a quoted string, trimmed.
    static func trailingComment(_ line: String) -> String? {
        var quoted = false
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "\"" { quoted.toggle(); continue }
            if character == ";" && !quoted {
                let before = line[..<index].trimmingWhitespace
                guard !before.isEmpty else { return nil }
                let text = String(line[line.index(after: index)...].drop { $0 == ";" }).trimmingWhitespace
                return text.isEmpty ? nil : text
            }
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
