/// The bytes of a document being rendered. Reporters append to one buffer
/// instead of concatenating Strings, so output grows in amortized O(1) per
/// byte however many findings there are.
struct OutputBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text as it is. Only for text the reporter itself wrote or has
    /// already escaped.
    mutating func write(_ text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func write<T: BinaryInteger>(number value: T) {
        write(String(value))
    }

    mutating func write(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func write(slice: Slice<UnsafeBufferPointer<UInt8>>) {
        bytes.append(contentsOf: slice)
    }

    mutating func newline() {
        bytes.append(0x0A)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying native strings.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
