import LDNS
import ZoneModel

/// Denial with NSEC3 (RFC 5155 sections 7.1 and 8.3): every NSEC3 uses the
/// NSEC3PARAM's hash, iterations and salt; every name of the zone, empty
/// non-terminals included, has an NSEC3 at the hash of its name (recomputed
/// through ldns); the records form one closed loop in hash order; bitmaps list
/// the types present; and names left out under opt-out are unsigned
/// delegations (or empty non-terminals above only such) whose covering NSEC3
/// has the opt-out flag.
struct NSEC3Check {
    let layout: ZoneLayout
    let jobs: Int

    /// Above this many iterations hashes are not recomputed: RFC 9276 section
    /// 3.2 lets validators treat such zones as insecure or bogus, and the work
    /// would grow with an attacker-chosen number.
    static let maximumIterations: UInt16 = 500

    struct Parameters: Hashable, Sendable {
        var hashAlgorithm: UInt8
        var iterations: UInt16
        var salt: [UInt8]

        var text: String {
            let salt = self.salt.isEmpty ? "-" : self.salt.map { String(format: "%02X", $0) }.joined()
            return "\(hashAlgorithm) \(iterations) \(salt)"
        }
    }

    private struct Entry {
        let record: Record
        let owner: DomainName
        let hash: [UInt8]
        let data: NSEC3Data
        let parameters: Parameters
    }

    /// A name the chain must (or under opt-out may) cover.
    private struct ChainName {
        let name: DomainName
        /// Nil for an empty non-terminal.
        let owner: ZoneLayout.Owner?
        var required: Bool
        let isInsecureDelegation: Bool
    }

    func run(findings: inout FindingCollector) -> DNSSECSummary.Denial {
        let origin = layout.zone.origin
        let (entries, parameterCounts, parameterOrder) = readEntries(findings: &findings)
        guard let parameters = activeParameters(counts: parameterCounts, order: parameterOrder, findings: &findings) else {
            return .nsec3(records: entries.count, hashAlgorithm: 0, iterations: 0, salt: [], optOut: false, optedOutDelegations: 0)
        }
        // Records with other parameters are a stale or second chain (RFC 5155
        // lets a zone carry several during a parameter change); servers answer
        // from the NSEC3PARAM chain, so those are a warning, one per set.
        var chain: [Entry] = []
        var others: [Parameters: [Entry]] = [:]
        for entry in entries {
            if entry.parameters == parameters { chain.append(entry) } else { others[entry.parameters, default: []].append(entry) }
        }
        for other in parameterOrder {
            guard let group = others[other], let first = group.first else { continue }
            findings.add(.nsec3ParamMismatch,
                         "\(group.count) NSEC3 record(s), the first at \(first.owner), use parameters \(other.text), not NSEC3PARAM's \(parameters.text)",
                         owner: first.owner, type: .nsec3, records: group.prefix(10).map(\.record))
        }
        guard !chain.isEmpty else {
            findings.add(.nsec3ChainBroken,
                         "no NSEC3 record uses the parameters NSEC3PARAM announces (\(parameters.text)): there is no chain to answer from",
                         owner: origin, type: .nsec3param)
            return .nsec3(records: entries.count, hashAlgorithm: parameters.hashAlgorithm, iterations: parameters.iterations,
                          salt: parameters.salt, optOut: false, optedOutDelegations: 0)
        }
        let optOut = chain.contains { $0.data.isOptOut }
        func summary(_ optedOut: Int) -> DNSSECSummary.Denial {
            .nsec3(records: entries.count, hashAlgorithm: parameters.hashAlgorithm, iterations: parameters.iterations,
                   salt: parameters.salt, optOut: optOut, optedOutDelegations: optedOut)
        }
        guard LDNSNSEC3Hash.supports(hashAlgorithm: parameters.hashAlgorithm) else {
            findings.add(.nsec3HashUnsupported,
                         "NSEC3 hash algorithm \(parameters.hashAlgorithm) is not SHA-1 (1); the NSEC3 chain was not checked",
                         owner: origin, type: .nsec3param)
            return summary(0)
        }
        if parameters.iterations > 0 || !parameters.salt.isEmpty {
            findings.add(.nsec3ParametersDiscouraged,
                         "NSEC3 uses \(parameters.iterations) extra iteration(s) and a \(parameters.salt.count)-octet salt; RFC 9276 advises 0 and none",
                         owner: origin, type: .nsec3param)
        }

        chain.sort { $0.hash.lexicographicallyPrecedes($1.hash) }
        checkLoop(chain, findings: &findings)

        guard parameters.iterations <= NSEC3Check.maximumIterations else {
            findings.add(.nsec3IterationsExcessive,
                         "NSEC3 uses \(parameters.iterations) iterations (more than \(NSEC3Check.maximumIterations)); hashes were not recomputed",
                         owner: origin, type: .nsec3param)
            return summary(0)
        }
        let names = chainNames()
        let hashes = hashNames(names, parameters: parameters)
        var nameByHash: [[UInt8]: Int] = [:]
        nameByHash.reserveCapacity(names.count)
        for (index, hash) in hashes.enumerated() {
            guard let hash else {
                findings.add(.nsec3HashMismatch, "ldns could not hash \(names[index].name)", owner: names[index].name)
                continue
            }
            if nameByHash[hash] == nil { nameByHash[hash] = index }
        }

        var covered = [Bool](repeating: false, count: names.count)
        for entry in chain {
            guard let index = nameByHash[entry.hash] else {
                findings.add(.nsec3HashMismatch,
                             "NSEC3 at \(entry.owner) is the hash of no name in the zone (stale record, or altered owner or parameters)",
                             owner: entry.owner, type: .nsec3, records: [entry.record])
                continue
            }
            covered[index] = true
            let name = names[index]
            var expected = name.owner.map { layout.dataTypes($0) } ?? TypeSet()
            // An NSEC record at the name belongs to an NSEC chain, not this one.
            expected.remove(.nsec)
            var listed = TypeSet(entry.data.types)
            listed.remove(.nsec)
            if listed != expected {
                let what = name.owner == nil ? "empty non-terminal \(name.name)" : "\(name.name)"
                findings.add(.nsec3BitmapMismatch,
                             "NSEC3 at \(entry.owner) for \(what) \(TypeSetDifference(listed: listed, present: expected))",
                             owner: entry.owner, type: .nsec3, records: [entry.record])
            }
        }

        var optedOutDelegations = 0
        for (index, name) in names.enumerated() where !covered[index] {
            guard let hash = hashes[index] else { continue }
            let hashText = LDNSNSEC3Hash.encodeBase32Hex(hash)
            if name.required {
                let what = name.owner == nil ? "empty non-terminal \(name.name)" : "\(name.name)"
                findings.add(.nsec3ChainBroken, "\(what) has no NSEC3 (expected at \(hashText).\(origin))",
                             owner: name.name, type: .nsec3)
            } else if let cover = covering(hash, in: chain), cover.data.isOptOut {
                if name.isInsecureDelegation { optedOutDelegations += 1 }
            } else {
                let what = name.isInsecureDelegation ? "unsigned delegation \(name.name)" : "empty non-terminal \(name.name)"
                findings.add(.nsec3ChainBroken,
                             "\(what) has no NSEC3 (\(hashText)) and the NSEC3 covering its hash has no opt-out flag",
                             owner: name.name, type: .nsec3)
            }
        }
        if optOut {
            findings.add(.nsec3OptOut,
                         "the NSEC3 chain uses opt-out: \(optedOutDelegations) unsigned delegation(s) have no NSEC3 of their own",
                         owner: origin, type: .nsec3)
        }
        return summary(optedOutDelegations)
    }

    /// The NSEC3 records of one part of the owners, read on one thread.
    private struct EntryPart {
        var entries: [Entry] = []
        var findings: FindingCollector
        var counts: [Parameters: Int] = [:]
        /// The parameter sets in the order they first appear.
        var order: [Parameters] = []
    }

    /// Every NSEC3 record, decoded, in zone order, with how many use each
    /// set of parameters (in order of first use). Parts of the owners are
    /// read on `jobs` threads and joined in order.
    private func readEntries(findings: inout FindingCollector)
        -> (entries: [Entry], counts: [Parameters: Int], order: [Parameters])
    {
        let owners = layout.owners
        let pieces = ParallelChunks.pieces(count: owners.count, size: 4096)
        let origin = layout.zone.origin
        let limit = findings.limit
        let parts = ParallelChunks.collect(count: pieces.count, jobs: jobs) { piece in
            var part = EntryPart(findings: FindingCollector(zone: origin, limit: limit))
            // Copies per thread: see `Zone.forAnotherThread`.
            let origin = origin.separateCopy
            let layout = layout.forAnotherThread()
            for owner in owners[pieces[piece]] {
                guard let rrset = layout.rrset(owner, .nsec3) else { continue }
                read(rrset, into: &part, origin: origin)
            }
            return part
        }
        var entries: [Entry] = []
        var counts: [Parameters: Int] = [:]
        var order: [Parameters] = []
        for part in parts {
            entries.append(contentsOf: part.entries)
            findings.merge(part.findings)
            for parameters in part.order where counts[parameters] == nil { order.append(parameters) }
            counts.merge(part.counts, uniquingKeysWith: +)
        }
        return (entries, counts, order)
    }

    /// Decodes the records of one NSEC3 RRset into `part`.
    private func read(_ rrset: RRset, into part: inout EntryPart, origin: DomainName) {
        let name = rrset.owner
        let wire = name.wire
        let labelLength = wire.isEmpty ? 0 : Int(wire[0])
        // One label directly below the origin: the hash in base32hex.
        let label: ArraySlice<UInt8>? = labelLength > 0 && wire.count == 1 + labelLength + origin.wire.count
            && name.isSubdomain(of: origin) ? wire[1...labelLength] : nil
        for record in rrset.records {
            guard let data = record.nsec3 else {
                part.findings.add(.nsec3Malformed, "the NSEC3 at \(name) cannot be parsed", owner: name, type: .nsec3, records: [record])
                continue
            }
            guard let label, let hash = LDNSNSEC3Hash.decodeBase32Hex(label), hash.count == data.nextHashedOwner.count else {
                part.findings.add(.nsec3Malformed,
                                  "NSEC3 owner \(name) is not one base32hex hash label directly below \(origin)",
                                  owner: name, type: .nsec3, records: [record])
                continue
            }
            let parameters = Parameters(hashAlgorithm: data.hashAlgorithm, iterations: data.iterations, salt: data.salt)
            if part.counts[parameters] == nil { part.order.append(parameters) }
            part.counts[parameters, default: 0] += 1
            part.entries.append(Entry(record: record, owner: name, hash: hash, data: data, parameters: parameters))
        }
    }

    /// The NSEC3PARAM's parameters (the first with flags 0, RFC 5155 4.1.2), or
    /// failing that the parameters most NSEC3 records use.
    private func activeParameters(
        counts: [Parameters: Int], order: [Parameters], findings: inout FindingCollector
    ) -> Parameters? {
        let origin = layout.zone.origin
        let params = layout.zone.rrset(origin, .nsec3param)?.records ?? []
        if let usable = params.lazy.compactMap(\.nsec3param).first(where: { $0.flags == 0 }) {
            if params.count > 1 {
                findings.add(.nsec3ParamMismatch, "the apex has \(params.count) NSEC3PARAM records; the first with flags 0 is used",
                             owner: origin, type: .nsec3param, records: params)
            }
            return Parameters(hashAlgorithm: usable.hashAlgorithm, iterations: usable.iterations, salt: usable.salt)
        }
        guard let common = order.max(by: { counts[$0, default: 0] < counts[$1, default: 0] }) else { return nil }
        findings.add(.nsec3ParamMissing,
                     params.isEmpty
                        ? "NSEC3 records exist but the apex has no NSEC3PARAM; checking the chain with the parameters most records use (\(common.text))"
                        : "no NSEC3PARAM at the apex has flags 0; checking the chain with the parameters most records use (\(common.text))",
                     owner: origin, type: .nsec3param, records: params)
        return common
    }

    /// Each record's next hashed owner must be the following record's hash,
    /// the last pointing back to the first.
    private func checkLoop(_ chain: [Entry], findings: inout FindingCollector) {
        for (position, entry) in chain.enumerated() {
            let following = chain[(position + 1) % chain.count]
            if position + 1 < chain.count && following.hash == entry.hash {
                findings.add(.nsec3ChainBroken, "two NSEC3 records at \(entry.owner)",
                             owner: entry.owner, type: .nsec3, records: [entry.record, following.record])
                continue
            }
            if entry.data.nextHashedOwner != following.hash {
                let next = LDNSNSEC3Hash.encodeBase32Hex(entry.data.nextHashedOwner)
                let detail = position + 1 == chain.count
                    ? "the last NSEC3 must point back to the first, \(following.owner), to close the chain"
                    : "the next NSEC3 in hash order is \(following.owner)"
                findings.add(.nsec3ChainBroken, "NSEC3 at \(entry.owner) points to \(next); \(detail)",
                             owner: entry.owner, type: .nsec3, records: [entry.record])
            }
        }
    }

    /// The NSEC3 record whose span holds `hash`: the last one ordered before
    /// it, wrapping around to the last record of the chain.
    private func covering(_ hash: [UInt8], in chain: [Entry]) -> Entry? {
        guard !chain.isEmpty else { return nil }
        var low = 0, high = chain.count
        while low < high {
            let middle = (low + high) / 2
            if chain[middle].hash.lexicographicallyPrecedes(hash) { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? chain[chain.count - 1] : chain[low - 1]
    }

    /// The names of the zone (apex, authoritative names, delegation points,
    /// not names that only hold NSEC3 records) and the empty non-terminals
    /// above them, each marked required or (for opt-out) optional.
    private func chainNames() -> [ChainName] {
        var names: [ChainName] = []
        var position: [DomainName: Int] = [:]
        for owner in layout.owners where ZoneLayout.isZoneName(owner.kind) {
            guard !layout.dataTypes(owner).isEmpty else { continue }
            let name = layout.name(owner)
            let insecure = owner.kind == .delegation && !layout.has(owner, .ds)
            position[name] = names.count
            names.append(ChainName(name: name, owner: owner, required: !insecure, isInsecureDelegation: insecure))
        }
        let origin = layout.zone.origin
        let zoneNames = names.count
        for index in 0..<zoneNames {
            let required = names[index].required
            var ancestor = names[index].name.parent
            while let current = ancestor, current.isStrictSubdomain(of: origin) {
                if let existing = position[current] {
                    // Known already: its own ancestors were handled when it was
                    // added; only a newly required mark has to travel up.
                    guard required, names[existing].owner == nil, !names[existing].required else { break }
                    names[existing].required = true
                } else {
                    position[current] = names.count
                    names.append(ChainName(name: current, owner: nil, required: required, isInsecureDelegation: false))
                }
                ancestor = current.parent
            }
        }
        return names
    }

    /// H(name) for every name, through ldns, on `jobs` threads.
    private func hashNames(_ names: [ChainName], parameters: Parameters) -> [[UInt8]?] {
        let pieces = ParallelChunks.pieces(count: names.count, size: 1024)
        let parts = ParallelChunks.map(count: pieces.count, jobs: jobs, makeScratch: { () }) { piece, _ in
            pieces[piece].map { index in
                try? LDNSNSEC3Hash.hash(of: names[index].name, algorithm: parameters.hashAlgorithm,
                                        iterations: parameters.iterations, salt: parameters.salt)
            }
        }
        return parts.flatMap { $0 }
    }
}
