/// Bounds on a live exchange, so a slow, endless or hostile server cannot
/// hang zoneaudit or exhaust its memory.
public struct TransferLimits: Sendable, Hashable {
    /// How long connecting, and each single read or write, may take.
    public var timeout: Duration
    /// The most records a transfer may carry (the closing SOA not counted).
    public var maxRecords: Int
    /// The most octets a transfer may carry (messages with their length prefixes).
    public var maxBytes: Int
    /// An optional bound on the whole exchange, against a server that trickles.
    public var maxDuration: Duration?

    public init(timeout: Duration = .seconds(30), maxRecords: Int = 10_000_000,
                maxBytes: Int = 1 << 30, maxDuration: Duration? = nil) {
        self.timeout = timeout
        self.maxRecords = maxRecords
        self.maxBytes = maxBytes
        self.maxDuration = maxDuration
    }

    public static let `default` = TransferLimits()
}
