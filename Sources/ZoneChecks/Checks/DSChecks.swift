import ZoneModel

/// DS belongs to the parent side of a delegation (RFC 4034 section 5,
/// RFC 4035 section 2.4), and its digest must fit its type (Knot `check_ds`).
enum DSChecks {
    static func placement(_ node: NameNode, _ run: inout CheckRun) {
        guard let position = node.rrsetPosition(.ds) else { return }
        switch node.position {
        case .apex:
            let ds = node.list[position]
            run.report(.dsAtApex, owner: node.name, type: .ds, records: ds.records, location: ds.location)
        case .authoritative:
            let ds = node.list[position]
            run.report(.dsNotAtDelegation, owner: node.name, type: .ds, records: ds.records, location: ds.location)
        case .delegation, .belowCut, .belowDNAME:
            // At a cut DS is right; below a cut or a DNAME the occlusion rules speak.
            break
        }
    }

    /// Digest octets per assigned digest type: SHA-1 (RFC 3658), SHA-256
    /// (RFC 4509), GOST R 34.11-94 (RFC 5933), SHA-384 (RFC 6605),
    /// GOST R 34.11-2012 (RFC 9558), SM3 (RFC 9563).
    static let digestLengths: [UInt8: Int] = [1: 20, 2: 32, 3: 32, 4: 48, 5: 32, 6: 32]

    static func digests(_ node: NameNode, _ run: inout CheckRun) {
        guard let position = node.rrsetPosition(.ds) else { return }
        switch node.position {
        case .apex, .authoritative, .delegation: break
        case .belowCut, .belowDNAME: return
        }
        for index in 0..<node.list.recordCount(at: position) {
            // The digest type and length decide; the record is built only for a finding.
            guard let (digestType, digestLength) = node.list.dsDigest(at: position, index) else { continue }
            if let expected = digestLengths[digestType], digestLength == expected { continue }
            let record = node.list.record(at: position, index)
            guard let data = record.ds else { continue }
            guard let expected = digestLengths[data.digestType] else {
                run.report(.dsDigestUnknown, owner: node.name, type: .ds, records: [record], location: record.location,
                           info: "keytag \(data.keyTag), digest type \(data.digestType)")
                continue
            }
            if data.digest.count != expected {
                run.report(.dsDigestLength, owner: node.name, type: .ds, records: [record], location: record.location,
                           info: "keytag \(data.keyTag), digest type \(data.digestType): \(data.digest.count) octets, expected \(expected)")
            }
        }
    }
}
