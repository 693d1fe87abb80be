import LDNS
import ZoneModel

/// Reading the NSEC3 records in place, and choosing the parameters the chain is checked with.
extension NSEC3Check {
    /// Every NSEC3 record that parses, in zone order. Parts of the owners are
    /// read on `jobs` threads and joined in order.
    func readEntries(_ octets: RRsetOctets, findings: inout FindingCollector) -> Entries {
        let owners = layout.owners
        let pieces = ParallelChunks.pieces(count: owners.count, size: 4096)
        let origin = layout.zone.origin
        let limit = findings.limit
        let parts = ParallelChunks.collect(count: pieces.count, jobs: jobs) { piece in
            var part = Entries()
            var partFindings = FindingCollector(zone: origin, limit: limit)
            // Copies per thread: see `Zone.forAnotherThread`.
            let layout = layout.forAnotherThread()
            layout.zone.origin.lowercased.wire.withUnsafeBufferPointer { originWire in
                for owner in owners[pieces[piece]] {
                    guard let position = owner.range.first(where: { octets.type(at: $0) == .nsec3 }) else { continue }
                    read(position, octets: octets, list: layout.list, originWire: originWire, into: &part, findings: &partFindings)
                }
            }
            return (part, partFindings)
        }
        var all = Entries()
        for (part, partFindings) in parts {
            findings.merge(partFindings)
            // The part's parameter numbers, here.
            let numbers = part.parameters.enumerated().map { local, parameters in
                UInt32(all.number(of: parameters, records: part.counts[local]))
            }
            let base = UInt32(all.hashes.count)
            all.hashes.append(contentsOf: part.hashes)
            all.entries.reserveCapacity(all.entries.count + part.entries.count)
            for var entry in part.entries {
                entry.hashStart += base
                entry.parameters = numbers[Int(entry.parameters)]
                all.entries.append(entry)
            }
        }
        return all
    }

    /// Reads the records of the NSEC3 RRset at `position` into `part`.
    func read(
        _ position: Int, octets: RRsetOctets, list: RRsetList, originWire: UnsafeBufferPointer<UInt8>,
        into part: inout Entries, findings: inout FindingCollector
    ) {
        let owner = octets.owner(at: position)
        let labelLength = owner.isEmpty ? 0 : Int(owner[0])
        // One label directly below the origin: the hash in base32hex.
        let label: UnsafeBufferPointer<UInt8>? = labelLength > 0 && owner.count == 1 + labelLength + originWire.count
            && DomainName.equalIgnoringCase(UnsafeBufferPointer(rebasing: owner[(1 + labelLength)...]), originWire)
            ? UnsafeBufferPointer(rebasing: owner[1...labelLength]) : nil
        for index in 0..<octets.recordCount(at: position) {
            let rdata = octets.rdata(at: position, index)
            guard let fields = NSEC3Fields(rdata) else {
                let name = list.owner(at: position)
                findings.add(.nsec3Malformed, "the NSEC3 at \(name) cannot be parsed", owner: name, type: .nsec3,
                             records: [list.record(at: position, index)])
                continue
            }
            let hashStart = part.hashes.count
            let decoded = label.flatMap { label in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: label.count * 5 / 8 + 1) { output -> Int? in
                    guard let written = LDNSNSEC3Hash.decodeBase32Hex(label, into: output),
                          written == fields.nextHashedOwner.count else { return nil }
                    part.hashes.append(contentsOf: UnsafeBufferPointer(rebasing: output[0..<written]))
                    return written
                }
            }
            guard let decoded else {
                let name = list.owner(at: position)
                findings.add(.nsec3Malformed,
                             "NSEC3 owner \(name) is not one base32hex hash label directly below \(layout.zone.origin)",
                             owner: name, type: .nsec3, records: [list.record(at: position, index)])
                continue
            }
            let salt = UnsafeBufferPointer(rebasing: rdata[fields.salt])
            // Most records share one set: the previous record's is tried
            // before a set (and its salt array) is made for the lookup.
            let number: Int
            if let previous = part.entries.last.map({ Int($0.parameters) }),
               part.parameters[previous].hashAlgorithm == fields.hashAlgorithm,
               part.parameters[previous].iterations == fields.iterations,
               part.parameters[previous].salt.elementsEqual(salt) {
                number = previous
                part.counts[number] += 1
            } else {
                number = part.number(of: Parameters(hashAlgorithm: fields.hashAlgorithm, iterations: fields.iterations,
                                                    salt: Array(salt)), records: 1)
            }
            part.entries.append(Entry(position: UInt32(position), index: UInt32(index), hashStart: UInt32(hashStart),
                                      hashLength: UInt8(decoded), parameters: UInt32(number), optOut: fields.isOptOut))
        }
    }

    /// The NSEC3PARAM's parameters (the first with flags 0, RFC 5155 4.1.2), or
    /// failing that the parameters most NSEC3 records use.
    func activeParameters(_ read: Entries, findings: inout FindingCollector) -> Parameters? {
        let origin = layout.zone.origin
        let params = layout.zone.rrset(origin, .nsec3param)?.records ?? []
        if let usable = params.lazy.compactMap(\.nsec3param).first(where: { $0.flags == 0 }) {
            if params.count > 1 {
                findings.add(.nsec3ParamMismatch, "the apex has \(params.count) NSEC3PARAM records; the first with flags 0 is used",
                             owner: origin, type: .nsec3param, records: params)
            }
            return Parameters(hashAlgorithm: usable.hashAlgorithm, iterations: usable.iterations, salt: usable.salt)
        }
        // The most used; of equally used sets, the one seen first.
        guard let common = read.parameters.indices.max(by: { read.counts[$0] < read.counts[$1] }).map({ read.parameters[$0] }) else {
            return nil
        }
        findings.add(.nsec3ParamMissing,
                     params.isEmpty
                        ? "NSEC3 records exist but the apex has no NSEC3PARAM; checking the chain with the parameters most records use (\(common.text))"
                        : "no NSEC3PARAM at the apex has flags 0; checking the chain with the parameters most records use (\(common.text))",
                     owner: origin, type: .nsec3param, records: params)
        return common
    }
}
