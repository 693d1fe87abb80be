import Testing
@testable import ZoneModel

/// The parser reads field lists from its own `RDataLayoutTable`; for every
/// type it must give what `RDataLayout` gives.
@Suite struct RDataLayoutTableTests {
    @Test func everyTypeHasTheLayoutsFields() {
        let table = RDataLayoutTable()
        for number in 0...Int(UInt16.max) {
            let type = RRType(UInt16(number))
            #expect(table.fields(for: type) == RDataLayout.fields(for: type), "type \(number)")
        }
    }
}
