import ZoneModel

/// What one file (the top file or an `$INCLUDE`d one) carries while it is
/// read. BIND keeps the same split: origin and the current owner belong to
/// the file; the TTL state belongs to the whole load (see `ParserRun`).
struct FileState {
    /// The file's name in locations: as the user gave it, or as `$INCLUDE` did.
    let name: String
    /// Where relative `$INCLUDE` paths start, when the options give no base.
    let directory: String?
    /// Nesting depth: 0 for the top file.
    let depth: Int
    var origin: DomainName?
    /// Changes whenever `origin` does, so the owner cache knows when to forget.
    var originGeneration: Int
    /// The wire form of the owner a blank-owner entry inherits, when
    /// `hasOwner`: none yet, or the last owner written was invalid
    /// (`ownerInvalid`). Rewritten in place for each new owner, so reading
    /// a zone makes no name object per owner.
    private(set) var ownerWire: [UInt8] = []
    private(set) var hasOwner = false
    var ownerInvalid = false
    /// A `$ORIGIN` (or an `$INCLUDE` with an origin) came since the last record:
    /// BIND warns when the next record inherits its owner.
    var originChanged = false
    /// The text of the last explicit owner, to reuse its `DomainName`.
    var ownerText: [UInt8] = []
    var ownerTextGeneration = -1

    init(name: String, directory: String?, depth: Int, origin: DomainName?, originGeneration: Int) {
        self.name = name
        self.directory = directory
        self.depth = depth
        self.origin = origin
        self.originGeneration = originGeneration
        ownerText.reserveCapacity(256)
        ownerWire.reserveCapacity(256)
    }

    /// The owner as a name, made on demand: for messages, `$INCLUDE`, and
    /// the regions of a parallel parse.
    var owner: DomainName? {
        get { hasOwner ? DomainName(uncheckedWire: ownerWire) : nil }
        set {
            hasOwner = newValue != nil
            ownerWire.removeAll(keepingCapacity: true)
            if let name = newValue { ownerWire.append(contentsOf: name.wire) }
        }
    }

    /// Makes the owner the name `text` spells (relative to the origin), in
    /// place; on an error the file has no owner.
    mutating func setOwner(presentation text: UnsafeBufferPointer<UInt8>) throws(NameError) {
        ownerWire.removeAll(keepingCapacity: true)
        hasOwner = false
        try appendNameWire(text, origin: origin, to: &ownerWire)
        hasOwner = true
    }
}
