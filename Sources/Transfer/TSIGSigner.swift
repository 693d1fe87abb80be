#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZoneModel

/// Signs DNS messages with TSIG (RFC 8945 section 4.3).
public enum TSIGSigner {
    /// The fudge zoneaudit puts in its requests: the clock skew the server may allow.
    public static let defaultFudge: UInt16 = 300

    /// The current time as TSIG counts it.
    public static func now() -> UInt64 { UInt64(max(0, time(nil))) }

    /// Signs a request: appends the TSIG record (ARCOUNT incremented) and
    /// returns the signed message and its MAC, which the response's digest covers.
    public static func signRequest(
        _ message: [UInt8], key: TSIGKey, time: UInt64 = now(), fudge: UInt16 = defaultFudge
    ) -> (message: [UInt8], mac: [UInt8]) {
        sign(message, key: key, priorMAC: nil, timersOnly: false, time: time, fudge: fudge)
    }

    /// Signs a message: the digest is the prior MAC (when given), the message
    /// and the TSIG variables (only the timers when `timersOnly`). Servers and
    /// test peers sign responses this way; `signRequest` is the request case.
    public static func sign(
        _ message: [UInt8], key: TSIGKey, priorMAC: [UInt8]?, unsignedBefore: [[UInt8]] = [],
        timersOnly: Bool, time: UInt64 = now(), fudge: UInt16 = defaultFudge, error: UInt16 = 0
    ) -> (message: [UInt8], mac: [UInt8]) {
        precondition(message.count >= DNSWire.headerSize, "a DNS message has a 12-octet header")
        var record = TSIGRecord(
            keyName: key.name, algorithm: key.algorithm.name, timeSigned: time, fudge: fudge,
            mac: [], originalID: DNSWire.uint16(message, 0), error: error, otherData: [])
        var digest = TSIGMAC(key: key)
        if let priorMAC { digest.updateWithLength(priorMAC) }
        for earlier in unsignedBefore { digest.update(earlier) }
        digest.update(message)
        digest.update(record.variables(timersOnly: timersOnly))
        record.mac = digest.finalize()
        var signed = message
        DNSWire.setUInt16(&signed, DNSWire.arcountOffset, DNSWire.uint16(message, DNSWire.arcountOffset) &+ 1)
        signed.append(contentsOf: record.wire)
        return (signed, record.mac)
    }
}
