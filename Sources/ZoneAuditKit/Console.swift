#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output and standard error as file descriptors: no shared
/// `FILE *` state, so writing is safe from any task.
public enum Console {
    public static func output(_ text: String) { write(text, to: 1) }
    public static func output(bytes: [UInt8]) { write(bytes, to: 1) }
    public static func error(_ text: String) { write(text, to: 2) }

    /// True when standard output is a terminal (colour only then).
    public static var outputIsTerminal: Bool { isatty(1) == 1 }

    private static func write(_ text: String, to descriptor: Int32) {
        write(Array(text.utf8), to: descriptor)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += result
            }
        }
    }
}
