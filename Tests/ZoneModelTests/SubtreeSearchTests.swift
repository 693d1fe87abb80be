import Testing
@testable import ZoneModel

/// `RRsetList.positions(of:belowOwnerAt:searching:)` finds a name in an
/// owner's subtree exactly where the owner index does, or gives up (nil);
/// it never names other RRsets.
@Suite struct SubtreeSearchTests {
    /// Delegations with a growing number of names below them, glue written in
    /// another case than the NS targets, targets that are absent, outside the
    /// subtree, equal to the owner, or MX and SRV targets.
    static func zone() throws -> Zone {
        let origin = try DomainName("example.")
        var builder = ZoneBuilder(origin: origin)
        func add(_ owner: String, _ type: RRType, _ rdata: [UInt8]) throws {
            builder.append(Record(owner: try DomainName(owner, origin: origin), type: type, ttl: 300, rdata: rdata))
        }
        try add("@", .soa, try DomainName("ns.example.").wire + DomainName("h.example.").wire + [UInt8](repeating: 0, count: 20))
        for child in 0..<12 {
            for below in 0..<child {
                try add("H\(below).Child\(child)", .a, [192, 0, 2, UInt8(below)])
                try add("deep.h\(below).child\(child)", .txt, [1, 0x61])
            }
            for target in ["h0", "h5", "h11", "absent", "deep.h1"] {
                try add("child\(child)", .ns, try DomainName("\(target).child\(child)", origin: origin).wire)
            }
            try add("child\(child)", .ns, try DomainName("child\(child)", origin: origin).wire)
            try add("child\(child)", .ns, try DomainName("h0.child\((child + 1) % 12)", origin: origin).wire)
            try add("child\(child)", .mx, [0, 10] + DomainName("h1.child\(child)", origin: origin).wire)
            try add("child\(child)", .srv, [0, 0, 0, 0, 0, 53] + DomainName("H2.CHILD\(child)", origin: origin).wire)
        }
        return builder.build().zone
    }

    @Test(arguments: [1, 3, 8, 100])
    func agreesWithTheOwnerIndex(limit: Int) throws {
        let zone = try Self.zone()
        let rrsets = zone.rrsets
        let index = OwnerIndex(rrsets)
        var found = 0, belowOwner = 0
        for position in rrsets.indices {
            for record in 0..<rrsets.recordCount(at: position) {
                guard let target = rrsets.target(at: position, record) else { continue }
                let local = rrsets.withTargetWire(at: position, record) {
                    rrsets.positions(of: $0, belowOwnerAt: position, searching: limit)
                }
                let expected = index.positions(of: target)
                let owner = rrsets.owner(at: position)
                if target.isSubdomain(of: owner) && target != owner { belowOwner += 1 }
                guard let answer = local ?? nil else { continue }
                #expect(answer == expected, "\(owner) -> \(target)")
                found += 1
            }
        }
        // 84 targets lie below their owner; 46 of them exist (h0 below 11
        // delegations, h5 below 6, deep.h1 and h1 below 10, H2 below 9).
        // A search long enough finds them all; a short one leaves some to
        // the index (h0 is always the first owner of its subtree).
        #expect(belowOwner == 12 * 7)
        if limit >= 100 { #expect(found == 46) } else { #expect(found >= 11 && found < 46) }
    }

    @Test func aNameOutsideTheSubtreeOrTheOwnerItselfIsLeftToTheIndex() throws {
        let zone = try Self.zone()
        let rrsets = zone.rrsets
        let owner = try DomainName("child3.example.")
        let position = rrsets.firstPosition(notBefore: owner)
        for name in ["child3.example.", "h0.child4.example.", "example.", "absent.child3.example."] {
            let wire = try DomainName(name).wire
            let answer = wire.withUnsafeBufferPointer { rrsets.positions(of: $0, belowOwnerAt: position, searching: 100) }
            #expect(answer == nil, "\(name)")
        }
        let glue = try DomainName("h2.child3.example.").wire
        let answer = glue.withUnsafeBufferPointer { rrsets.positions(of: $0, belowOwnerAt: position, searching: 100) }
        #expect(answer == OwnerIndex(rrsets).positions(of: try DomainName("h2.child3.example.")))
    }
}
