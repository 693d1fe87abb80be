extension Finding {
    /// A stable identity for the finding: 64 lower-case hex digits (SHA-256).
    ///
    /// Two runs that see the same problem give the same fingerprint, so SARIF
    /// viewers (`partialFingerprints`) and the cron history (new, ongoing,
    /// resolved) can match findings across runs. What goes in, each field
    /// length-prefixed so that no two inputs run together:
    ///
    /// - a version tag (`zoneaudit-finding-v1`);
    /// - the rule id;
    /// - the zone and the owner, lower-cased wire form (absent is marked as such);
    /// - the type code (absent is marked);
    /// - the before and the after records, each as lower-cased owner, type,
    ///   class and RFC 4034 canonical RDATA, sorted, so that record order does
    ///   not matter. TTLs are left out: a TTL that keeps changing is the same
    ///   problem, not a new one each run;
    /// - only when the finding has neither an owner nor records (a file-level
    ///   syntax error, say): the message, since nothing else tells two such
    ///   findings apart.
    ///
    /// Source locations are left out on purpose: an edit elsewhere in the file
    /// moves line numbers without changing the problem.
    public var fingerprint: String {
        var input = FingerprintInput()
        input.field(Array("zoneaudit-finding-v1".utf8))
        input.field(Array(rule.rawValue.utf8))
        input.optionalField(zone?.lowercased.wire)
        input.optionalField(owner?.lowercased.wire)
        input.optionalField(type.map { type in
            var bytes: [UInt8] = []
            bytes.appendUInt16(type.rawValue)
            return bytes
        })
        input.records(before)
        input.records(after)
        if owner == nil && before.isEmpty && after.isEmpty {
            input.field(Array(message.utf8))
        }
        let digest = FingerprintDigest.sha256(input.bytes)
        let hexDigits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// The unambiguous byte string a fingerprint hashes.
private struct FingerprintInput {
    var bytes: [UInt8] = []

    mutating func field(_ value: [UInt8]) {
        bytes.appendUInt32(UInt32(truncatingIfNeeded: value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optionalField(_ value: [UInt8]?) {
        if let value {
            bytes.append(1)
            field(value)
        } else {
            bytes.append(0)
        }
    }

    mutating func records(_ records: [Record]) {
        let encoded = records.map { record -> [UInt8] in
            var out = record.owner.lowercased.wire
            out.appendUInt16(record.type.rawValue)
            out.appendUInt16(record.rrClass.rawValue)
            let rdata = record.canonicalRData
            out.appendUInt16(UInt16(truncatingIfNeeded: rdata.count))
            out.append(contentsOf: rdata)
            return out
        }.sorted { $0.lexicographicallyPrecedes($1) }
        bytes.appendUInt32(UInt32(truncatingIfNeeded: encoded.count))
        for record in encoded { field(record) }
    }
}

/// SHA-256 (FIPS 180-4), here because the model has no dependencies and a
/// fingerprint must not be forgeable the way a short non-cryptographic hash
/// is: zone content is attacker-controlled, and a crafted collision could make
/// a new finding pass for an old, accepted one.
package enum FingerprintDigest {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    package static func sha256(_ message: [UInt8]) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
        )
        // Whole blocks are read from the message in place; only the tail
        // and the padding (one or two blocks) are copied.
        let wholeBlocks = message.count / 64
        var tail = Array(message[(wholeBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        tail.appendUInt32(UInt32(truncatingIfNeeded: (UInt64(message.count) &* 8) >> 32))
        tail.appendUInt32(UInt32(truncatingIfNeeded: UInt64(message.count) &* 8))
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            message.withUnsafeBufferPointer { bytes in
                for block in 0..<wholeBlocks {
                    compress(UnsafeBufferPointer(rebasing: bytes[(block * 64)..<(block * 64 + 64)]), &state, schedule)
                }
            }
            tail.withUnsafeBufferPointer { bytes in
                for start in stride(from: 0, to: bytes.count, by: 64) {
                    compress(UnsafeBufferPointer(rebasing: bytes[start..<(start + 64)]), &state, schedule)
                }
            }
        }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            digest.appendUInt32(word)
        }
        return digest
    }

    /// One 64-octet block into the state (FIPS 180-4 section 6.2.2).
    private static func compress(
        _ block: UnsafeBufferPointer<UInt8>,
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ schedule: UnsafeMutableBufferPointer<UInt32>
    ) {
        for index in 0..<16 {
            let offset = index * 4
            schedule[index] = UInt32(block[offset]) << 24 | UInt32(block[offset + 1]) << 16
                | UInt32(block[offset + 2]) << 8 | UInt32(block[offset + 3])
        }
        for index in 16..<64 {
            let s0 = rotateRight(schedule[index - 15], 7) ^ rotateRight(schedule[index - 15], 18)
                ^ (schedule[index - 15] >> 3)
            let s1 = rotateRight(schedule[index - 2], 17) ^ rotateRight(schedule[index - 2], 19)
                ^ (schedule[index - 2] >> 10)
            schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = state
        for index in 0..<64 {
            let sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ roundConstants[index] &+ schedule[index]
            let sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ temp1
            d = c
            c = b
            b = a
            a = temp1 &+ temp2
        }
        state = (
            state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
            state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h
        )
    }

    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
