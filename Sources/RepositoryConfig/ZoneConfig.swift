import Reporters
import ZoneModel
import ZonePolicy

/// One zone of the repository, with the defaults applied. Paths are as the
/// file gives them; the `...Path` accessors resolve them against `root`.
public struct ZoneConfig: Sendable {
    public var origin: DomainName
    /// The directory the paths are relative to.
    public var root: String
    /// Where the entry is in the configuration, for errors about it.
    public var line: Int

    /// The zone file as committed (relative to the root).
    public var file: String
    /// The approved baseline; its seal is `BASELINE.seal`.
    public var baseline: String?
    public var policy: PolicySource?
    /// The approvers' DNSKEYs (zone syntax).
    public var trustedKeys: String?
    /// Distinct trusted approvers a seal needs.
    public var approvals: Int
    /// DS or DNSKEY records that anchor the zone's keys.
    public var trustAnchors: String?
    public var anchorFromBaseline: Bool
    public var anchorFromParent: Bool
    /// Servers to transfer the zone from (`HOST[:PORT]`); the first is the primary.
    public var servers: [String]
    /// The parent zone's servers, to check the delegation with.
    public var parents: [String]
    /// TSIG key file (BIND syntax) for transfers.
    public var tsigKey: String?
    /// `$INCLUDE` may read below this directory (default: the repository root).
    public var includeRoot: String?
    public var includeSignatures: Bool
    public var failOn: Severity
    public var expiryWarningDays: Int
    /// Seconds to wait for a server.
    public var timeout: Int

    public init(origin: DomainName, root: String, line: Int = 0, file: String) {
        self.origin = origin
        self.root = root
        self.line = line
        self.file = file
        self.approvals = 1
        self.anchorFromBaseline = false
        self.anchorFromParent = false
        self.servers = []
        self.parents = []
        self.includeSignatures = false
        self.failOn = .high
        self.expiryWarningDays = 7
        self.timeout = 30
    }

    /// Where the policy comes from.
    public enum PolicySource: Sendable {
        case file(String)
        /// Written in the configuration itself.
        case inline(Policy)
    }

    public var filePath: String { resolve(file) }
    public var baselinePath: String? { baseline.map(resolve) }
    public var trustedKeysPath: String? { trustedKeys.map(resolve) }
    public var trustAnchorsPath: String? { trustAnchors.map(resolve) }
    public var tsigKeyPath: String? { tsigKey.map(resolve) }
    /// The `$INCLUDE` root: the configured one, else the repository root.
    public var includeRootPath: String { includeRoot.map(resolve) ?? (root.isEmpty ? "." : root) }

    /// The policy, loaded (a file) or as written (inline); nil when none is configured.
    public func loadPolicy() throws(PolicyError) -> Policy? {
        switch policy {
        case nil: return nil
        case let .inline(policy): return policy
        case let .file(path): return try Policy.load(contentsOf: resolve(path))
        }
    }

    /// Every file of the repository this zone's audit reads (besides the zone
    /// file's own `$INCLUDE`s): the gate watches them for changes.
    public var referencedFiles: [String] {
        var files = [file]
        if let baseline { files += [baseline, baseline + ".seal"] }
        if case let .file(path) = policy { files.append(path) }
        files += [trustedKeys, trustAnchors].compactMap { $0 }
        return files
    }

    /// A path from the configuration, resolved against the root.
    public func resolve(_ path: String) -> String { ConfigPaths.resolve(path, root: root) }

    func rooted(at directory: String) -> ZoneConfig {
        var copy = self
        copy.root = directory
        return copy
    }
}
