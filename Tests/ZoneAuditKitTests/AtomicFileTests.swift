import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import ZoneAuditKit

@Suite struct AtomicFileTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "zoneaudit-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func replacesContentAndLeavesNoTemporaryFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.json"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.json"])
    }

    @Test func refusesToOverwriteWhenAsked() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/baseline.zone"
        try AtomicFile.write("approved", to: path, overwrite: false)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("evil", to: path, overwrite: false) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "approved")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["baseline.zone"])
    }

    @Test func setsTheRequestedMode() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/key.private"
        try AtomicFile.write("secret", to: path, mode: 0o600)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func reportsAMissingDirectory() {
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: "/nonexistent-zoneaudit-dir/file")
        }
    }
}

@Suite struct AtomicFileDeviceTests {
    /// Renaming over a device or FIFO would replace the node itself (as root,
    /// `--output /dev/null` did); such files are written in place instead.
    /// A FIFO in a temporary directory stands in for the device.
    @Test func writesIntoAFIFOWithoutReplacingIt() throws {
        let directory = NSTemporaryDirectory() + "zoneaudit-fifo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/report.pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        try AtomicFile.write("through the pipe", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer[0..<max(count, 0)], as: UTF8.self) == "through the pipe")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["report.pipe"])
    }
}
