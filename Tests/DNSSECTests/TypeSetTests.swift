@testable import DNSSEC
import Testing
import ZoneModel

/// The bitmap type set the denial checks compare with.
struct TypeSetTests {
    @Test func holdsLowAndHighTypes() {
        var set = TypeSet([.a, .rrsig, .nsec, .caa, .dlv, RRType(65000)])
        #expect(set.types == [.a, .rrsig, .nsec, .caa, .dlv, RRType(65000)])
        #expect(set == TypeSet([RRType(65000), .dlv, .caa, .nsec, .rrsig, .a, .a]))
        set.remove(.dlv)
        set.remove(.a)
        #expect(set.types == [.rrsig, .nsec, .caa, RRType(65000)])
        #expect(set != TypeSet([.rrsig, .nsec, .caa]))
        #expect(TypeSet().isEmpty && !set.isEmpty)
        #expect(TypeSet([RRType(255)]).types == [RRType(255)])
        #expect(TypeSet([RRType(0), RRType(63), RRType(64), RRType(191), RRType(192)]).types.map(\.rawValue) == [0, 63, 64, 191, 192])
    }

    /// High types in any order, repeated or not, come out sorted and once,
    /// as a bitmap lists them.
    @Test func highTypesInAnyOrder() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let values = (0..<Int(generator.next() % 300)).map { _ in UInt16(256 + generator.next() % 2000) }
            let set = TypeSet(values.map { RRType($0) })
            #expect(set.types.map(\.rawValue) == Set(values).sorted())
            #expect(set == TypeSet(Set(values).sorted().reversed().map { RRType($0) }))
        }
        // Thousands of TYPEnnn at one name, as a zone's table gives them.
        let ascending = (256...60_000).map { RRType(UInt16($0)) }
        #expect(TypeSet(ascending).types == ascending)
    }
}
