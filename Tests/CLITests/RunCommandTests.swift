import Foundation
import Testing

/// `zoneaudit run` as cron runs it, on a copy of the sample repository (its
/// zones have no servers, so the zone files are audited; the live cycle
/// against NSD is in TransferTests/LiveRunTests).
@Suite struct RunCommandTests {
    static func lines(_ result: CLIResult) -> [String] {
        result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func aCleanRepositoryRunsCleanAndWritesEveryReport() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.zoneaudit("run")
        #expect(result.status == 0, "\(result)")
        #expect(Self.lines(result) == [
            "example.com. ok serial 2026112901: 0 new, 0 ongoing, 0 resolved",
            "example.net. ok serial 2026112901: 0 new, 0 ongoing, 0 resolved",
        ], "\(result)")
        #expect(try sandbox.listing("reports").sorted() == [
            "example.com.json", "example.com.txt", "example.net.json", "example.net.txt", "summary.json",
        ])
        #expect(sandbox.exists(".zoneaudit/history.sqlite"))
    }

    @Test func aTamperedZoneIsNewThenOngoing() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.zoneaudit("run").status == 0)
        try sandbox.edit("zones/example.com.zone", replacing: "www ", with: "evil            IN  A     203.0.113.66\nwww ")
        let first = try sandbox.zoneaudit("run")
        #expect(first.status == 1, "\(first)")
        let line = try #require(Self.lines(first).first)
        #expect(line.hasPrefix("example.com. FAIL serial 2026112901: ") && line.contains(" new, 0 ongoing"), "\(line)")
        #expect(!line.contains(": 0 new"), "\(line)")
        let second = try sandbox.zoneaudit("run")
        #expect(second.status == 1)
        let again = try #require(Self.lines(second).first)
        #expect(again.contains(": 0 new, ") && !again.contains(" 0 ongoing"), "\(again)")
        let report = try sandbox.read("reports/example.com.json")
        #expect(report.contains("\"state\": \"ongoing\""), "\(report.prefix(2000))")
    }

    /// A run killed with SIGKILL half-way (inside the second zone's transfer)
    /// leaves no stale lock and a consistent history: the next run starts,
    /// and the finding the killed run recorded is ongoing.
    @Test func aRunKilledHalfWayLeavesHistoryAndLockUsable() throws {
        let sandbox = try Sandbox()
        try sandbox.edit("zones/example.com.zone", replacing: "www ", with: "evil            IN  A     203.0.113.66\nwww ")
        #expect(try sandbox.zoneaudit("run").status == 1)

        // example.net. now comes from a server that accepts the connection and never answers.
        let blackHole = try BlackHoleServer()
        try sandbox.edit("zoneaudit.yml", replacing: "    anchor-from-baseline: true\n",
                         with: "    anchor-from-baseline: true\n    servers: [\"127.0.0.1:\(blackHole.port)\"]\n    timeout: 60\n")
        try sandbox.remove("reports/example.com.json")
        let process = Process()
        process.executableURL = try ZoneauditBinary.location.get()
        process.arguments = ["run"]
        process.currentDirectoryURL = sandbox.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // example.com. is done (its report written) once the file appears; the
        // run is then waiting on the black hole.
        for _ in 0..<600 where !sandbox.exists("reports/example.com.json") { usleep(50_000) }
        #expect(sandbox.exists("reports/example.com.json"))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let next = try sandbox.zoneaudit("run", "--zone", "example.com.")
        #expect(next.status == 1, "\(next)")
        let line = try #require(Self.lines(next).first)
        #expect(line.contains(": 0 new, ") && !line.contains(" 0 ongoing"), "\(line)")
        #expect(!sandbox.exists("reports/summary.json.tmp"))
    }

    @Test func shardsSplitTheZonesBetweenThem() throws {
        let sandbox = try Sandbox()
        let zero = try sandbox.zoneaudit("run", "--shard", "0/2", "--report-dir", "r0", "--state", "s0.sqlite")
        let one = try sandbox.zoneaudit("run", "--shard", "1/2", "--report-dir", "r1", "--state", "s1.sqlite")
        #expect(zero.status == 0 && one.status == 0, "\(zero)\(one)")
        let audited = (Self.lines(zero) + Self.lines(one)).map { String($0.prefix { $0 != " " }) }
        #expect(audited.sorted() == ["example.com.", "example.net."], "\(zero)\(one)")
        let bad = try sandbox.zoneaudit("run", "--shard", "2/2")
        #expect(bad.status == 2, "\(bad)")
    }

    @Test func aZoneWhoseBaselineIsMissingIsNotAuditedAndExits2() throws {
        let sandbox = try Sandbox()
        try sandbox.remove("baselines/example.net.zone")
        let result = try sandbox.zoneaudit("run")
        #expect(result.status == 2, "\(result)")
        #expect(Self.lines(result).contains { $0.hasPrefix("example.net. NOT AUDITED: cannot read") }, "\(result)")
        #expect(Self.lines(result).contains { $0.hasPrefix("example.com. ok") }, "\(result)")
    }

    @Test func aBadConfigurationIsAnErrorWithItsLine() throws {
        let sandbox = try Sandbox()
        try sandbox.edit("zoneaudit.yml", replacing: "  fail-on: high", with: "  fail-on: urgent")
        let result = try sandbox.zoneaudit("run")
        #expect(result.status == 2)
        #expect(result.stderr.contains("zoneaudit.yml:11:12: error: unknown severity 'urgent'"), "\(result)")
        #expect(!sandbox.exists("reports"))
    }
}

/// A TCP listener on 127.0.0.1 that never accepts: a client's connection
/// completes (the kernel's backlog) and its query is never answered.
final class BlackHoleServer {
    let port: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            close(descriptor)
            throw CocoaError(.fileWriteUnknown)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }
}
