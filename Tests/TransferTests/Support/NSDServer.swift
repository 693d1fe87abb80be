import Foundation
import Testing
@testable import Transfer
import ZoneModel

/// A real NSD, started as an ordinary child process on 127.0.0.1 at a free
/// port with its own temporary configuration, zone files and TSIG keys, and
/// stopped by its PID when the value goes away (also when a test fails).
final class NSDServer: @unchecked Sendable {
    struct ZoneConfig {
        var name: String
        /// The zone file's text.
        var text: String
        /// Key names allowed to transfer the zone; `NOKEY` allows unsigned transfers.
        var provideXFR: [String]
    }

    /// `$ZONEAUDIT_NSD`, else `/usr/sbin/nsd`, else `nsd` on the PATH.
    static let binary: String? = {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["ZONEAUDIT_NSD"] { candidates.append(configured) }
        candidates.append("/usr/sbin/nsd")
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/nsd")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { binary != nil }
    static let missingMessage: Comment = "nsd is not installed (apt-get install nsd, or set ZONEAUDIT_NSD): live-server test skipped"

    let directory: URL
    private(set) var port: UInt16 = 0
    private var pid: pid_t = 0
    private var keys: [TSIGKey]
    private(set) var zones: [ZoneConfig]

    var address: ServerAddress { ServerAddress(host: .ipv4("127.0.0.1"), port: port) }

    init(zones: [ZoneConfig], keys: [TSIGKey]) throws {
        guard NSDServer.binary != nil else { throw NSDError("nsd is not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zoneaudit-nsd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.zones = zones
        self.keys = keys
        var lastError: (any Error)?
        // A free port can be taken between choosing it and NSD binding it; try a few.
        for _ in 0..<5 {
            port = try NSDServer.freePort()
            do {
                try start()
                return
            } catch {
                lastError = error
            }
        }
        throw lastError ?? NSDError("nsd did not start")
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Replaces the served zones and restarts NSD on the same port.
    func serve(_ zones: [ZoneConfig]) throws {
        stop()
        self.zones = zones
        try start()
    }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        // NSD exits within a moment of SIGTERM; SIGKILL after 5 s in case it does not.
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) == pid { pid = 0; return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        pid = 0
    }

    var log: String { (try? String(contentsOf: directory.appendingPathComponent("nsd.log"), encoding: .utf8)) ?? "" }

    private func start() throws {
        try writeConfiguration()
        let arguments = [NSDServer.binary!, "-d", "-c", directory.appendingPathComponent("nsd.conf").path]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner's threads may block or ignore signals; NSD must get
        // the default handling of SIGTERM and friends, or it never stops.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw NSDError("posix_spawn nsd: \(String(cString: strerror(status)))") }
        pid = child
        try waitUntilAnswering()
    }

    /// Polls a SOA query until NSD answers, or fails with its log when it exits.
    private func waitUntilAnswering() throws {
        guard let zone = zones.first else { return }
        let name = try DomainName(zone.name)
        for _ in 0..<200 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                pid = 0
                throw NSDError("nsd exited at start:\n\(log)")
            }
            if (try? DNSQueryClient.query(name, .soa, server: address, timeout: .milliseconds(500))) != nil { return }
            usleep(50_000)
        }
        stop()
        throw NSDError("nsd did not answer within 10 s:\n\(log)")
    }

    private func writeConfiguration() throws {
        let path = directory.path
        var config = """
        server:
            ip-address: 127.0.0.1
            port: \(port)
            zonesdir: "\(path)"
            pidfile: "\(path)/nsd.pid"
            xfrdfile: "\(path)/xfrd.state"
            zonelistfile: "\(path)/zone.list"
            database: ""
            username: ""
            chroot: ""
            logfile: "\(path)/nsd.log"
            verbosity: 1
            server-count: 1
            do-ip6: no
            reuseport: no
        remote-control:
            control-enable: no

        """
        for key in keys {
            config += """
            key:
                name: "\(key.name)"
                algorithm: \(key.algorithm.rawValue)
                secret: "\(Base64.encode(key.secret))"

            """
        }
        for (index, zone) in zones.enumerated() {
            let file = "zone\(index).zone"
            try zone.text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            config += """
            zone:
                name: "\(zone.name)"
                zonefile: "\(file)"

            """
            for key in zone.provideXFR { config += "    provide-xfr: 127.0.0.1 \(key)\n" }
        }
        try config.write(to: directory.appendingPathComponent("nsd.conf"), atomically: true, encoding: .utf8)
    }

    /// A port that was free on 127.0.0.1 a moment ago.
    static func freePort() throws -> UInt16 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw NSDError("socket failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw NSDError("bind failed") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw NSDError("getsockname failed") }
        return UInt16(bigEndian: address.sin_port)
    }
}

struct NSDError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
