import LDNS
import ZoneModel

/// The apex DNSKEY RRset, each key parsed once (through ldns into an OpenSSL
/// key) and indexed by key tag and algorithm for RRSIG lookup.
struct KeyRing: Sendable {
    struct Entry: Sendable {
        let record: Record
        let data: DNSKEYData
        let keyTag: UInt16
        /// The parsed key; nil when the algorithm is not supported or the key is malformed.
        let verifier: LDNSVerificationKey?
        /// A zone key (RFC 4034 2.1.1: flags bit 7) with protocol 3: may sign zone data.
        let isZoneKey: Bool
    }

    let entries: [Entry]
    /// Zone keys only, by key tag and algorithm.
    private let byTagAndAlgorithm: [UInt32: [Int]]
    /// Algorithms of the zone keys that are not revoked: each must sign every
    /// RRset (RFC 4035 section 2.2).
    let requiredAlgorithms: [UInt8]
    /// Algorithms among the zone keys that zoneaudit cannot verify.
    let unsupportedAlgorithms: [UInt8]

    /// Parses the apex DNSKEY RRset; malformed keys are reported to `findings`.
    init(dnskeys: RRset?, findings: inout FindingCollector) {
        var entries: [Entry] = []
        var index: [UInt32: [Int]] = [:]
        var required = Set<UInt8>()
        var unsupported = Set<UInt8>()
        for record in dnskeys?.records ?? [] {
            guard let data = record.dnskey else {
                findings.add(.dnskeyMalformed, "DNSKEY RDATA at \(record.owner) is too short to parse",
                             owner: record.owner, type: .dnskey, records: [record])
                continue
            }
            let tag = LDNSVerificationKey.keyTag(dnskeyRData: record.rdata)
            let isZoneKey = data.isZoneKey && data.protocolValue == 3
            if data.protocolValue != 3 {
                findings.add(.dnskeyMalformed,
                             "DNSKEY \(tag) has protocol \(data.protocolValue), not 3 (RFC 4034 2.1.2); it cannot be used",
                             owner: record.owner, type: .dnskey, records: [record])
            }
            var verifier: LDNSVerificationKey?
            if LDNSVerificationKey.supports(algorithm: data.algorithm) {
                do {
                    verifier = try LDNSVerificationKey(algorithm: data.algorithm, publicKey: data.publicKey)
                } catch {
                    findings.add(.dnskeyMalformed,
                                 "DNSKEY \(tag) (\(DNSSECAlgorithm.mnemonic(data.algorithm))): \(error.message)",
                                 owner: record.owner, type: .dnskey, records: [record])
                }
            } else if isZoneKey {
                unsupported.insert(data.algorithm)
            }
            if isZoneKey && !data.isRevoked { required.insert(data.algorithm) }
            if isZoneKey { index[KeyRing.lookupKey(tag, data.algorithm), default: []].append(entries.count) }
            entries.append(Entry(record: record, data: data, keyTag: tag, verifier: verifier, isZoneKey: isZoneKey))
        }
        self.entries = entries
        self.byTagAndAlgorithm = index
        self.requiredAlgorithms = required.sorted()
        self.unsupportedAlgorithms = unsupported.sorted()
    }

    private static func lookupKey(_ tag: UInt16, _ algorithm: UInt8) -> UInt32 {
        UInt32(tag) << 8 | UInt32(algorithm)
    }

    /// Zone keys an RRSIG with this key tag and algorithm may have been made with
    /// (several when key tags collide).
    func candidates(keyTag: UInt16, algorithm: UInt8) -> [Int] {
        byTagAndAlgorithm[KeyRing.lookupKey(keyTag, algorithm)] ?? []
    }

    var isEmpty: Bool { entries.isEmpty }
}
