import Testing
@testable import ZoneModel

/// The allocation-free canonical RDATA order against the definition: the
/// canonical forms compared as octet strings.
@Suite("Canonical RDATA order")
struct RDataCanonicalOrderTests {
    static func reference(_ type: RRType, _ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        let left = RDataCanonicalForm.canonical(type: type, rdata: lhs)
        let right = RDataCanonicalForm.canonical(type: type, rdata: rhs)
        if left == right { return 0 }
        return left.lexicographicallyPrecedes(right) ? -1 : 1
    }

    static func fast(_ type: RRType, _ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        lhs.withUnsafeBufferPointer { l in rhs.withUnsafeBufferPointer { r in RDataCanonicalForm.order(type: type, l, r) } }
    }

    @Test("agrees with comparing canonical forms, on names in either case, fixed fields and malformed RDATA")
    func agreesWithTheDefinition() {
        var generator = SystemRandomNumberGenerator()
        let labels: [[UInt8]] = [Array("mail".utf8), Array("MAIL".utf8), Array("Mx".utf8), Array("a".utf8), Array("Z".utf8), [0x5B, 0x40, 0x60]]
        func name() -> [UInt8] {
            var wire: [UInt8] = []
            for _ in 0..<Int.random(in: 0...3, using: &generator) {
                let label = labels.randomElement(using: &generator)!
                wire.append(UInt8(label.count))
                wire.append(contentsOf: label)
            }
            return wire + [0]
        }
        func fixed(_ count: Int) -> [UInt8] { (0..<count).map { _ in [0x41, 0x61, 0x00, 0xFF, 0x5A][Int.random(in: 0..<5, using: &generator)] } }
        let makers: [(RRType, () -> [UInt8])] = [
            (.ns, { name() }),
            (.mx, { fixed(2) + name() }),
            (.srv, { fixed(6) + name() }),
            (.soa, { name() + name() + fixed(20) }),
            (.rrsig, { fixed(18) + name() + fixed(4) }),
            (.naptr, { fixed(4) + [1, 0x55] + [0] + [2, 0x45, 0x61] + name() }),
            (.a, { fixed(4) }),
            (.txt, { [3] + fixed(3) }),
        ]
        for (type, make) in makers {
            for _ in 0..<400 {
                var lhs = make(), rhs = make()
                // Now and then: malformed (cut short), or equal but for case.
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: lhs = Array(lhs.prefix(Int.random(in: 0...lhs.count, using: &generator)))
                case 1: rhs = lhs.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }
                default: break
                }
                #expect(Self.fast(type, lhs, rhs) == Self.reference(type, lhs, rhs), "\(type) \(lhs) \(rhs)")
            }
        }
    }
}
