import LDNS
import ZoneModel

/// Denial with NSEC3 (RFC 5155 sections 7.1 and 8.3): every NSEC3 uses the
/// NSEC3PARAM's hash, iterations and salt; every name of the zone, empty
/// non-terminals included, has an NSEC3 at the hash of its name (recomputed
/// through ldns); the records form one closed loop in hash order; bitmaps list
/// the types present; and names left out under opt-out are unsigned
/// delegations (or empty non-terminals above only such) whose covering NSEC3
/// has the opt-out flag.
///
/// Records and names are read in place from the zone's table and hashes kept
/// in flat buffers: a million-name zone's chain would otherwise take several
/// arrays per record and per name. Records and names are made for findings only.
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

    /// One NSEC3 record that parses: where it is in the zone, its hash (the
    /// owner label decoded) in the read's hash buffer, its parameter set.
    struct Entry {
        let position: UInt32
        let index: UInt32
        var hashStart: UInt32
        let hashLength: UInt8
        var parameters: UInt32
        let optOut: Bool

        var hash: Range<Int> { Int(hashStart)..<(Int(hashStart) + Int(hashLength)) }
    }

    /// Every NSEC3 record that parses, in zone order.
    struct Entries {
        var entries: [Entry] = []
        /// The hashes of `entries`, back to back.
        var hashes: [UInt8] = []
        /// The parameter sets in the order they first appear, and how many records use each.
        var parameters: [Parameters] = []
        var counts: [Int] = []
        /// The number of each set in `parameters`: a crafted zone may give
        /// every record a salt of its own.
        private var numbers: [Parameters: Int] = [:]

        /// The number of `set`, given one if it is new; `records` more records use it.
        mutating func number(of set: Parameters, records: Int) -> Int {
            if let known = numbers[set] {
                counts[known] += records
                return known
            }
            numbers[set] = parameters.count
            parameters.append(set)
            counts.append(records)
            return parameters.count - 1
        }
    }

    /// A name the chain must (or under opt-out may) cover: a name of the
    /// zone, or an empty non-terminal above one (its rightmost labels).
    struct ChainName {
        /// The RRset position of the zone name this one is (or is above).
        let position: Int
        /// Where the name starts in that owner's wire form.
        let wireOffset: Int
        /// Nil for an empty non-terminal.
        let owner: ZoneLayout.Owner?
        var required: Bool
        let isInsecureDelegation: Bool
    }

    func run(findings: inout FindingCollector) -> DNSSECSummary.Denial {
        layout.list.withOctets { octets in run(octets, findings: &findings) }
    }

    private func run(_ octets: RRsetOctets, findings: inout FindingCollector) -> DNSSECSummary.Denial {
        let origin = layout.zone.origin
        let list = layout.list
        let read = readEntries(octets, findings: &findings)
        let recordCount = read.entries.count
        guard let parameters = activeParameters(read, findings: &findings) else {
            return .nsec3(records: recordCount, hashAlgorithm: 0, iterations: 0, salt: [], optOut: false, optedOutDelegations: 0)
        }
        // Records with other parameters are a stale or second chain (RFC 5155
        // lets a zone carry several during a parameter change); servers answer
        // from the NSEC3PARAM chain, so those are a warning, one per set.
        let active = read.parameters.firstIndex(of: parameters)
        var chain: [Entry] = []
        var others = [[Entry]](repeating: [], count: read.parameters.count)
        for entry in read.entries {
            if Int(entry.parameters) == active { chain.append(entry) } else { others[Int(entry.parameters)].append(entry) }
        }
        for (set, group) in others.enumerated() {
            guard let first = group.first else { continue }
            let owner = list.owner(at: Int(first.position))
            findings.add(.nsec3ParamMismatch,
                         "\(group.count) NSEC3 record(s), the first at \(owner), use parameters \(read.parameters[set].text), not NSEC3PARAM's \(parameters.text)",
                         owner: owner, type: .nsec3, records: group.prefix(10).map(record))
        }
        guard !chain.isEmpty else {
            findings.add(.nsec3ChainBroken,
                         "no NSEC3 record uses the parameters NSEC3PARAM announces (\(parameters.text)): there is no chain to answer from",
                         owner: origin, type: .nsec3param)
            return .nsec3(records: recordCount, hashAlgorithm: parameters.hashAlgorithm, iterations: parameters.iterations,
                          salt: parameters.salt, optOut: false, optedOutDelegations: 0)
        }
        let optOut = chain.contains { $0.optOut }
        func summary(_ optedOut: Int) -> DNSSECSummary.Denial {
            .nsec3(records: recordCount, hashAlgorithm: parameters.hashAlgorithm, iterations: parameters.iterations,
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

        read.hashes.withUnsafeBufferPointer { hashes in
            func hash(_ entry: Entry) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: hashes[entry.hash]) }
            // RFC 5155 section 7.1: in hash order, as unsigned octets.
            chain.sort { RDataCanonicalForm.octetOrder(hash($0), hash($1)) < 0 }
            checkLoop(chain, octets: octets, hashes: hashes, findings: &findings)
        }

        guard parameters.iterations <= NSEC3Check.maximumIterations else {
            findings.add(.nsec3IterationsExcessive,
                         "NSEC3 uses \(parameters.iterations) iterations (more than \(NSEC3Check.maximumIterations)); hashes were not recomputed",
                         owner: origin, type: .nsec3param)
            return summary(0)
        }
        let names = chainNames(octets)
        let (nameHashes, hashed) = hashNames(names, octets: octets, parameters: parameters)
        return nameHashes.withUnsafeBufferPointer { nameHashes in
            read.hashes.withUnsafeBufferPointer { hashes in
                func chainHash(_ entry: Entry) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: hashes[entry.hash]) }
                func nameHash(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: nameHashes[(index * LDNSNSEC3Hash.hashLength)...].prefix(LDNSNSEC3Hash.hashLength))
                }
                for index in names.indices where !hashed[index] {
                    findings.add(.nsec3HashMismatch, "ldns could not hash \(name(names[index], octets))", owner: name(names[index], octets))
                }
                // The names by hash, the first of equal hashes (in name order) first.
                let byHash = names.indices.filter { hashed[$0] }.sorted {
                    let order = RDataCanonicalForm.octetOrder(nameHash($0), nameHash($1))
                    return order < 0 || (order == 0 && $0 < $1)
                }

                var covered = [Bool](repeating: false, count: names.count)
                for entry in chain {
                    let hash = chainHash(entry)
                    let found = byHash.indices.partitionPoint { RDataCanonicalForm.octetOrder(nameHash(byHash[$0]), hash) < 0 }
                    guard found < byHash.count, RDataCanonicalForm.octetOrder(nameHash(byHash[found]), hash) == 0 else {
                        let owner = list.owner(at: Int(entry.position))
                        findings.add(.nsec3HashMismatch,
                                     "NSEC3 at \(owner) is the hash of no name in the zone (stale record, or altered owner or parameters)",
                                     owner: owner, type: .nsec3, records: [record(entry)])
                        continue
                    }
                    let index = byHash[found]
                    covered[index] = true
                    let name = names[index]
                    var expected = name.owner.map { layout.dataTypes($0) } ?? TypeSet()
                    // An NSEC record at the name belongs to an NSEC chain, not this one.
                    expected.remove(.nsec)
                    let rdata = octets.rdata(at: Int(entry.position), Int(entry.index))
                    var listed = NSEC3Fields(rdata)?.types(rdata) ?? TypeSet()
                    listed.remove(.nsec)
                    if listed != expected {
                        let owner = list.owner(at: Int(entry.position))
                        let what = name.owner == nil ? "empty non-terminal \(self.name(name, octets))" : "\(self.name(name, octets))"
                        findings.add(.nsec3BitmapMismatch,
                                     "NSEC3 at \(owner) for \(what) \(TypeSetDifference(listed: listed, present: expected))",
                                     owner: owner, type: .nsec3, records: [record(entry)])
                    }
                }

                var optedOutDelegations = 0
                for (index, chainName) in names.enumerated() where !covered[index] && hashed[index] {
                    let hash = nameHash(index)
                    func hashText() -> String { LDNSNSEC3Hash.encodeBase32Hex(Array(hash)) }
                    if chainName.required {
                        let name = self.name(chainName, octets)
                        let what = chainName.owner == nil ? "empty non-terminal \(name)" : "\(name)"
                        findings.add(.nsec3ChainBroken, "\(what) has no NSEC3 (expected at \(hashText()).\(origin))",
                                     owner: name, type: .nsec3)
                        continue
                    }
                    // The record whose span holds the hash: the last one ordered
                    // before it, wrapping around to the last record of the chain.
                    let after = chain.indices.partitionPoint { RDataCanonicalForm.octetOrder(chainHash(chain[$0]), hash) < 0 }
                    if chain[after == 0 ? chain.count - 1 : after - 1].optOut {
                        if chainName.isInsecureDelegation { optedOutDelegations += 1 }
                    } else {
                        let name = self.name(chainName, octets)
                        let what = chainName.isInsecureDelegation ? "unsigned delegation \(name)" : "empty non-terminal \(name)"
                        findings.add(.nsec3ChainBroken,
                                     "\(what) has no NSEC3 (\(hashText())) and the NSEC3 covering its hash has no opt-out flag",
                                     owner: name, type: .nsec3)
                    }
                }
                if optOut {
                    findings.add(.nsec3OptOut,
                                 "the NSEC3 chain uses opt-out: \(optedOutDelegations) unsigned delegation(s) have no NSEC3 of their own",
                                 owner: origin, type: .nsec3)
                }
                return summary(optedOutDelegations)
            }
        }
    }

    // MARK: The loop

    /// Each record's next hashed owner must be the following record's hash,
    /// the last pointing back to the first.
    private func checkLoop(_ chain: [Entry], octets: RRsetOctets, hashes: UnsafeBufferPointer<UInt8>, findings: inout FindingCollector) {
        let list = layout.list
        for (position, entry) in chain.enumerated() {
            let following = chain[(position + 1) % chain.count]
            let hash = UnsafeBufferPointer(rebasing: hashes[entry.hash])
            let followingHash = UnsafeBufferPointer(rebasing: hashes[following.hash])
            if position + 1 < chain.count && hash.elementsEqual(followingHash) {
                let owner = list.owner(at: Int(entry.position))
                findings.add(.nsec3ChainBroken, "two NSEC3 records at \(owner)",
                             owner: owner, type: .nsec3, records: [record(entry), record(following)])
                continue
            }
            let rdata = octets.rdata(at: Int(entry.position), Int(entry.index))
            guard let fields = NSEC3Fields(rdata) else { continue }
            let next = UnsafeBufferPointer(rebasing: rdata[fields.nextHashedOwner])
            if !next.elementsEqual(followingHash) {
                let owner = list.owner(at: Int(entry.position)), followingOwner = list.owner(at: Int(following.position))
                let detail = position + 1 == chain.count
                    ? "the last NSEC3 must point back to the first, \(followingOwner), to close the chain"
                    : "the next NSEC3 in hash order is \(followingOwner)"
                findings.add(.nsec3ChainBroken, "NSEC3 at \(owner) points to \(LDNSNSEC3Hash.encodeBase32Hex(Array(next))); \(detail)",
                             owner: owner, type: .nsec3, records: [record(entry)])
            }
        }
    }

    // MARK: Helpers

    /// The record behind `entry`, for a finding.
    func record(_ entry: Entry) -> Record {
        layout.list.record(at: Int(entry.position), Int(entry.index))
    }

    /// The chain name as a name, for a finding.
    private func name(_ chainName: ChainName, _ octets: RRsetOctets) -> DomainName {
        let wire = octets.owner(at: chainName.position)
        return DomainName.read(from: Array(wire[chainName.wireOffset...])[...])?.name ?? layout.list.owner(at: chainName.position)
    }
}
