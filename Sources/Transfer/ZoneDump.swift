#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// A transfer saved as text: `;` header comments, then one record a line in
/// presentation form (fully qualified, the layout `ldns-read-zone` prints),
/// ending with the closing SOA as a transfer does. zoneaudit's parser reads
/// it back as an AXFR dump with the same records.
public enum ZoneDump {
    public static func text(of transfer: ZoneTransfer, transferredAt: Int = Int(time(nil))) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(transfer.records.count * 64 + 256)
        func line(_ text: String) {
            out.append(contentsOf: Array(text.utf8))
            out.append(0x0A)
        }
        line("; zoneaudit AXFR dump of \(transfer.origin) from \(transfer.server)")
        line("; transferred \(timestamp(transferredAt)), serial \(transfer.serial), \(transfer.records.count) records, "
             + "\(transfer.messageCount) message\(transfer.messageCount == 1 ? "" : "s"), \(transfer.byteCount) octets")
        line("; " + (transfer.tsigKeyName.map { "every message verified with TSIG key \($0)" } ?? "no TSIG"))
        for record in transfer.records {
            record.appendPresentation(to: &out)
            out.append(0x0A)
        }
        transfer.soa.appendPresentation(to: &out)
        out.append(0x0A)
        return out
    }

    /// Writes the dump atomically (temporary file, fsync, rename).
    public static func write(_ transfer: ZoneTransfer, to path: String) throws(ZoneDumpError) {
        try AtomicFileWriter.write(text(of: transfer), to: path)
    }

    /// RFC 3339 in UTC.
    static func timestamp(_ seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// A dump that could not be written; the target is left as it was.
public struct ZoneDumpError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}
