import CLDNS

/// Owns an `ldns_buffer`, freed in deinit.
final class LDNSBuffer {
    let pointer: UnsafeMutablePointer<ldns_buffer>

    init(capacity: Int = 512) {
        // ldns_buffer_new returns NULL only when malloc fails.
        guard let pointer = ldns_buffer_new(capacity) else { preconditionFailure("ldns_buffer_new: out of memory") }
        self.pointer = pointer
    }

    deinit { ldns_buffer_free(pointer) }

    /// The octets written so far (from the start to the current position).
    var bytes: [UInt8] {
        let count = ldns_buffer_position(pointer)
        guard count > 0, let start = ldns_buffer_begin(pointer) else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }
}
