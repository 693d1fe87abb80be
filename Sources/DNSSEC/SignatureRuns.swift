import ZoneModel

/// The RRSIGs at one owner in the order of the type they cover, so that each
/// type's signatures are one run, found by binary search. A zone's table
/// keeps the RRSIG RRset in canonical RDATA order, which begins with the
/// covered type, so that order is usually the table's own; an RRset given
/// out of it is put in it here. An owner with thousands of types and
/// thousands of signatures (a crafted zone) then costs no product of the two.
struct SignatureRuns {
    /// The RRSIG RRset's position, when the owner has one.
    let position: Int?
    let count: Int
    /// Record indices in covered-type order; nil when the table's order is that.
    private let order: [Int]?

    init(_ octets: RRsetOctets, at position: Int?) {
        self.position = position
        let count = position.map { octets.recordCount(at: $0) } ?? 0
        self.count = count
        guard let position, count > 1,
              (1..<count).contains(where: { octets.coveredType(at: position, $0 - 1).rawValue > octets.coveredType(at: position, $0).rawValue })
        else {
            order = nil
            return
        }
        order = (0..<count).sorted {
            (octets.coveredType(at: position, $0).rawValue, $0) < (octets.coveredType(at: position, $1).rawValue, $1)
        }
    }

    /// The record index of the signature at place `place` of the order.
    func index(_ place: Int) -> Int { order?[place] ?? place }

    func coveredType(at place: Int, _ octets: RRsetOctets) -> RRType {
        octets.coveredType(at: position!, index(place))
    }

    /// The places of the signatures over `type`.
    func covering(_ type: RRType, _ octets: RRsetOctets) -> Range<Int> {
        let start = (0..<count).partitionPoint { coveredType(at: $0, octets).rawValue < type.rawValue }
        return start..<(start..<count).partitionPoint { coveredType(at: $0, octets) == type }
    }
}
