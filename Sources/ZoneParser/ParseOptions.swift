import ZoneModel

/// What kind of text a zone file holds.
public enum ZoneTextFormat: String, Sendable, CaseIterable {
    /// Decide from the content (see `ZoneFileParser` for the rule).
    case auto
    /// An RFC 1035 master file (BIND dialect: `$GENERATE` included).
    case masterFile
    /// The text output of a zone transfer (`dig`, `kdig`, `drill`): the SOA
    /// opens and closes the transfer.
    case axfrDump
}

/// How to read a zone file. Every limit bounds what untrusted input can cost.
public struct ParseOptions: Sendable {
    /// The origin for relative names and `@` until a `$ORIGIN` changes it. When
    /// nil, relative names before any `$ORIGIN` are errors, and the result's
    /// origin is the owner of the first SOA.
    public var origin: DomainName?
    /// A TTL to use as if the file began with `$TTL`. When nil, BIND's rules
    /// apply: `$TTL`, else the previous record's TTL, else the SOA minimum.
    public var defaultTTL: UInt32?
    /// The class of records that do not name one, until one does.
    public var defaultClass: RRClass
    /// `$INCLUDE` may only read files below this directory. Nil: the directory
    /// of the top file (for in-memory input, `$INCLUDE` is then refused).
    public var includeRoot: String?
    /// Relative `$INCLUDE` paths are resolved against this directory (BIND
    /// resolves against its working directory). Nil: against the directory of
    /// the including file, as NSD and Knot do.
    public var includeBase: String?
    /// The run stops after this many errors with `syntax.too-many-errors`.
    public var maxErrors: Int
    /// Warnings kept at most; further ones are counted in one summary finding.
    public var maxWarnings: Int
    /// Nesting depth of `$INCLUDE` (the top file is depth 0).
    public var maxIncludeDepth: Int
    /// Records one `$GENERATE` directive may produce.
    public var maxGenerate: Int
    /// Records the whole run may produce (all files together).
    public var maxRecords: Int
    /// Bytes one file may hold.
    public var maxFileBytes: Int
    /// Bytes of token text one entry (a line, or lines joined by parentheses) may hold.
    public var maxEntryBytes: Int
    public var format: ZoneTextFormat
    /// Threads a large file is parsed on (in regions, joined in file order;
    /// the result never depends on it). 0: one per online core.
    public var jobs: Int

    public init(
        origin: DomainName? = nil,
        defaultTTL: UInt32? = nil,
        defaultClass: RRClass = .in,
        includeRoot: String? = nil,
        includeBase: String? = nil,
        maxErrors: Int = 100,
        maxWarnings: Int = 1000,
        maxIncludeDepth: Int = 16,
        maxGenerate: Int = 65536,
        maxRecords: Int = 50_000_000,
        maxFileBytes: Int = 4 << 30,
        maxEntryBytes: Int = 1 << 20,
        format: ZoneTextFormat = .auto,
        jobs: Int = 0
    ) {
        self.origin = origin
        self.defaultTTL = defaultTTL
        self.defaultClass = defaultClass
        self.includeRoot = includeRoot
        self.includeBase = includeBase
        self.maxErrors = maxErrors
        self.maxWarnings = maxWarnings
        self.maxIncludeDepth = maxIncludeDepth
        self.maxGenerate = maxGenerate
        self.maxRecords = maxRecords
        self.maxFileBytes = maxFileBytes
        self.maxEntryBytes = maxEntryBytes
        self.format = format
        self.jobs = jobs
    }
}
