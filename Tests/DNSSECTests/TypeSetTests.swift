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
}
