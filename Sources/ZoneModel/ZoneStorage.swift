/// A zone's sorted records with where each RRset and each owner starts,
/// frozen. `Zone` and every `RRsetList` hold this one reference instead of
/// the table's arrays: the checks hand the list to ten closures per owner
/// name of million-record zones, and each copy of the arrays was six retains.
final class ZoneStorage: Sendable {
    let table: RecordTable
    /// Index of each RRset's first entry, plus `table.count` at the end.
    let starts: [UInt32]
    /// Bit n set when RRset n has another owner than RRset n - 1: passes over
    /// names find each name's RRsets without comparing owners again.
    let ownerStarts: [UInt64]
    /// The owner index's slots, when the zone's builder made them (see
    /// `ZoneBuilder.build(indexingOwners:)`).
    let ownerSlots: OwnerSlots?

    init(table: RecordTable, starts: [UInt32], ownerStarts: [UInt64], ownerSlots: OwnerSlots? = nil) {
        self.table = table
        self.starts = starts
        self.ownerStarts = ownerStarts
        self.ownerSlots = ownerSlots
    }
}
