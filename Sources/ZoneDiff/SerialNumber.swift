/// RFC 1982 serial number arithmetic for 32-bit SOA serials.
public enum SerialNumber {
    public enum Order: Sendable, Equatable {
        case equal, increased, decreased
        /// The two serials are exactly 2^31 apart: RFC 1982 leaves it undefined.
        case undefined
    }

    /// How `new` relates to `old`.
    public static func compare(old: UInt32, new: UInt32) -> Order {
        if old == new { return .equal }
        let forward = new &- old
        if forward == 1 << 31 { return .undefined }
        return forward < 1 << 31 ? .increased : .decreased
    }
}
