import LDNS
import ZoneModel

/// The names the chain must cover, found in place, and their hashes.
extension NSEC3Check {
    /// The names of the zone (apex, authoritative names, delegation points,
    /// not names that only hold NSEC3 records) and, after them, the empty
    /// non-terminals above them (each name's from its parent up), each marked
    /// required or (for opt-out) optional.
    ///
    /// Canonical order puts a name after all its ancestors and every name
    /// between an ancestor and it below that ancestor, so a name's ancestors
    /// that the previous name does not share are exactly those no earlier
    /// name has: they are new empty non-terminals, and none is a name of the
    /// zone. An empty non-terminal is required when a required name lies below it.
    func chainNames(_ octets: RRsetOctets) -> [ChainName] {
        var names: [ChainName] = []
        var emptyNonTerminals: [ChainName] = []
        let originLabels = layout.zone.origin.labelCount
        // The empty non-terminals above the previous name, shallowest first:
        // their labels and index in `emptyNonTerminals`.
        var open: [(labels: Int, index: Int)] = []
        var previous: Int?
        for owner in layout.owners where ZoneLayout.isZoneName(owner.kind) {
            guard !layout.dataTypes(owner).isEmpty else { continue }
            let position = owner.range.lowerBound
            let wire = octets.owner(at: position)
            let insecure = owner.kind == .delegation && !layout.has(owner, .ds)
            names.append(ChainName(position: position, wireOffset: 0, owner: owner, required: !insecure, isInsecureDelegation: insecure))

            let labels = DomainName.labelCount(ofWire: wire)
            let shared = previous.map { DomainName.sharedLabelCount(wire, octets.owner(at: $0)) } ?? originLabels
            while let last = open.last, last.labels > shared { open.removeLast() }
            if !insecure {
                // Deepest first; one already required has its ancestors required too.
                for item in open.reversed() {
                    guard !emptyNonTerminals[item.index].required else { break }
                    emptyNonTerminals[item.index].required = true
                }
            }
            // New ancestors: more labels than the previous name shares, fewer
            // than this name has, below the origin; added from the parent up.
            let lowest = max(shared, originLabels) + 1
            if lowest < labels {
                let first = open.count
                var offset = 0
                for ancestorLabels in stride(from: labels - 1, through: lowest, by: -1) {
                    offset += 1 + Int(wire[offset])
                    open.insert((ancestorLabels, emptyNonTerminals.count), at: first)
                    emptyNonTerminals.append(ChainName(position: position, wireOffset: offset, owner: nil,
                                                       required: !insecure, isInsecureDelegation: false))
                }
            }
            previous = position
        }
        return names + emptyNonTerminals
    }

    /// H(name) for every name, through ldns, on `jobs` threads: the hashes
    /// back to back (`LDNSNSEC3Hash.hashLength` octets each), and which names ldns hashed.
    func hashNames(_ names: [ChainName], octets: RRsetOctets, parameters: Parameters) -> (hashes: [UInt8], hashed: [Bool]) {
        let length = LDNSNSEC3Hash.hashLength
        var hashed = [Bool](repeating: false, count: names.count)
        let hashes = [UInt8](unsafeUninitializedCapacity: names.count * length) { output, initialized in
            output.initialize(repeating: 0)
            hashed.withUnsafeMutableBufferPointer { hashed in
                let pieces = ParallelChunks.pieces(count: names.count, size: 1024)
                // Each piece writes only its own names' slots.
                ParallelChunks.forEach(count: pieces.count, jobs: jobs) { piece in
                    for index in pieces[piece] {
                        let name = names[index]
                        let wire = UnsafeBufferPointer(rebasing: octets.owner(at: name.position)[name.wireOffset...])
                        let slot = UnsafeMutableBufferPointer(rebasing: output[(index * length)..<((index + 1) * length)])
                        do {
                            try LDNSNSEC3Hash.hash(ofWire: wire, algorithm: parameters.hashAlgorithm,
                                                   iterations: parameters.iterations, salt: parameters.salt, into: slot)
                            hashed[index] = true
                        } catch {}
                    }
                }
            }
            initialized = names.count * length
        }
        return (hashes, hashed)
    }
}
