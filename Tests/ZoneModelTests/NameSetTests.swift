import Testing
@testable import ZoneModel

/// `NameSet` holds names as octets behind a hash table: it answers for a
/// name in any case, on a name's own octets or on an ancestor's inside a
/// longer name's, keeps a name given twice once, and grows past its first
/// table without losing one.
@Suite struct NameSetTests {
    @Test func answersIgnoringCaseAndOnlyForMembers() throws {
        let set: NameSet = [try DomainName("Child1.Example."), try DomainName("child2.example."), try DomainName("example.")]
        #expect(set.count == 3 && !set.isEmpty)
        #expect(set.contains(try DomainName("child1.example.")))
        #expect(set.contains(try DomainName("CHILD2.EXAMPLE.")))
        #expect(set.contains(try DomainName("example.")))
        #expect(!set.contains(try DomainName("child3.example.")))
        #expect(!set.contains(try DomainName("child1.example.org.")))
        #expect(!set.contains(DomainName.root))
        #expect(!NameSet().contains(try DomainName("example.")) && NameSet().isEmpty)
    }

    @Test func answersForAnAncestorInsideALongerName() throws {
        let set: NameSet = [try DomainName("cut.example.")]
        let target = try DomainName("ns1.Cut.example.")
        target.wire.withUnsafeBufferPointer { wire in
            // ns1.cut.example. is not a member, cut.example. (from octet 4) is, example. is not.
            #expect(!set.contains(wire: wire))
            #expect(set.contains(wire: UnsafeBufferPointer(rebasing: wire[4...])))
            #expect(!set.contains(wire: UnsafeBufferPointer(rebasing: wire[8...])))
        }
    }

    @Test func keepsANameGivenTwiceOnce() throws {
        let set = NameSet([try DomainName("a.example."), try DomainName("A.EXAMPLE."), try DomainName("b.example.")])
        #expect(set.count == 2)
        #expect(set.names.count == 2)
        #expect(set.names.contains(try DomainName("a.example.")))
    }

    /// More names than the table first had room for (a hint of 1): every
    /// one is still found after the table doubled several times.
    @Test func growsWithoutLosingNames() throws {
        let names = try (0..<5_000).map { try DomainName("host\($0).zone\($0 % 7).example.") }
        let set = NameSet(capacity: 1) { add in
            for name in names { name.wire.withUnsafeBufferPointer(add) }
        }
        #expect(set.count == names.count)
        #expect(names.allSatisfy { set.contains($0) })
        #expect(!set.contains(try DomainName("host5000.zone2.example.")))
        #expect(Set(names) == set.names)
    }

    @Test func setsAreEqualWhenTheyHoldTheSameNames() throws {
        let one: NameSet = [try DomainName("a.example."), try DomainName("b.example.")]
        let other: NameSet = [try DomainName("B.example."), try DomainName("a.EXAMPLE.")]
        #expect(one == other)
        #expect(one != [try DomainName("a.example.")])
        #expect(one != [try DomainName("a.example."), try DomainName("c.example.")])
    }
}
