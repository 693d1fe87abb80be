import Foundation
import Reporters
import RepositoryConfig
import ZoneModel

/// `zoneaudit gate`: judges the zone changes between two revisions of a
/// zone repository, for a CI job on a pull or merge request.
///
/// Trust: the configuration, policies, trusted keys and trust anchors come
/// from the BASE revision (a change must not loosen its own policy or add
/// its own approver); the zone files, their `$INCLUDE`s, the baselines and
/// the seals come from HEAD. Both revisions are read from git objects, never
/// from the work tree.
public struct GateJob: Sendable {
    /// `--config`; nil: `zoneaudit.yml` found from `workingDirectory` up.
    public var configPath: String?
    public var workingDirectory: String
    /// `--base`; nil: the merge base of head with the default branch.
    public var base: String?
    public var head: String
    /// Zones to audit whatever changed; empty: the zones the change touches.
    public var zones: [DomainName]
    /// Nil: each zone's `fail-on` from the configuration.
    public var failOn: Severity?
    public var at: Date?
    /// The environment to read `GITHUB_ACTIONS` from.
    public var environment: [String: String]
    public var git: String

    public init(
        configPath: String? = nil, workingDirectory: String = FileManager.default.currentDirectoryPath,
        base: String? = nil, head: String = "HEAD", zones: [DomainName] = [], failOn: Severity? = nil, at: Date? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, git: String = GitRepository.defaultExecutable
    ) {
        self.configPath = configPath
        self.workingDirectory = workingDirectory
        self.base = base
        self.head = head
        self.zones = zones
        self.failOn = failOn
        self.at = at
        self.environment = environment
        self.git = git
    }

    public func run() throws(JobError) -> GateResult {
        // 1. Which repository, which revisions.
        let configFile = try locateConfig()
        let configDirectory = (configFile as NSString).deletingLastPathComponent
        let repository = try GitRepository(containing: configDirectory.isEmpty ? "." : configDirectory, executable: git)
        guard let configRelative = GateTree(root: repository.top, commit: "").relative(realPath(configFile)) else {
            throw JobError("\(configFile) is not inside the git work tree \(repository.top)")
        }
        let configDirectoryRelative = (configRelative as NSString).deletingLastPathComponent
        let headCommit = try repository.commit(head, option: "--head")
        let baseCommit: String
        if let base {
            baseCommit = try repository.commit(base, option: "--base")
        } else {
            guard let branch = repository.defaultBranch() else {
                throw JobError("cannot tell the default branch (no origin/HEAD, main or master): give the base revision with --base REV")
            }
            baseCommit = try repository.mergeBase(headCommit, branch)
        }

        // 2. Both revisions' files, in a private directory removed afterwards.
        let scratch = try GateJob.makeScratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let baseTree = try GateTree.extract(baseCommit, from: repository, into: scratch + "/base")
        let headTree = try GateTree.extract(headCommit, from: repository, into: scratch + "/head")

        // 3. The configuration: the base revision's.
        guard let baseConfigFile = baseTree.file(configRelative) else {
            throw JobError("the base revision \(baseCommit.prefix(12)) has no \(configRelative): the gate reads its configuration "
                           + "from the base revision, so the configuration must be merged before the gate can judge changes")
        }
        let baseConfig: RepositoryConfig
        do {
            baseConfig = try RepositoryConfig.load(contentsOf: baseConfigFile)
        } catch {
            throw JobError(display("the base revision's configuration is not valid: \(error)", trees: [baseTree]))
        }
        // Head's configuration only tells which zones the change would add,
        // and whether it would still load once merged.
        var findings: [Finding] = []
        var headConfig: RepositoryConfig?
        if let headConfigFile = headTree.file(configRelative) {
            do {
                headConfig = try RepositoryConfig.load(contentsOf: headConfigFile)
            } catch {
                findings.append(Finding(
                    rule: GateRule.configInvalid, severity: .high,
                    message: "after this change the configuration does not load: \(error.message)",
                    location: SourceLocation(file: configRelative, line: max(error.line, 1), column: max(error.column, 1))))
            }
        } else {
            findings.append(Finding(
                rule: GateRule.configInvalid, severity: .high,
                message: "this change deletes \(configRelative): nothing would be audited once it is merged",
                location: SourceLocation(file: configRelative, line: 1, column: 1)))
        }
        let inBase = baseConfig.rooted(at: join(baseTree.root, configDirectoryRelative))
        let inHead = baseConfig.rooted(at: join(headTree.root, configDirectoryRelative))
        let changed = try repository.changedFiles(from: baseCommit, to: headCommit)

        // 4. What the change does to the configuration itself.
        var watched: [String: String] = [configRelative: "the configuration"]
        for zone in baseConfig.zones + (headConfig?.zones ?? []) {
            if case let .file(path) = zone.policy { watched[repoPath(path, configDirectoryRelative)] = "a policy" }
            if let keys = zone.trustedKeys { watched[repoPath(keys, configDirectoryRelative)] = "a trusted-keys file" }
            if let anchors = zone.trustAnchors { watched[repoPath(anchors, configDirectoryRelative)] = "a trust-anchor file" }
        }
        for (file, role) in watched.sorted(by: { $0.key < $1.key }) where changed.contains(file) {
            findings.append(Finding(
                rule: GateRule.configChanged, severity: .medium,
                message: "this change edits \(file) (\(role)); the gate used the base revision's version, so review the edit itself",
                location: SourceLocation(file: file, line: 1, column: 1)))
        }
        for zone in headConfig?.zones ?? [] where !baseConfig.zones.contains(where: { $0.origin == zone.origin }) {
            findings.append(Finding(
                rule: GateRule.zoneNotConfigured, severity: .high,
                message: "\(zone.origin) is configured in this change but not in the base revision: "
                    + "merge the configuration change first, then the zone",
                zone: zone.origin, location: SourceLocation(file: configRelative, line: max(zone.line, 1), column: 1)))
        }

        // 5. The zones to judge.
        let selected = try selectZones(inHead: inHead, inBase: inBase, headTree: headTree, baseTree: baseTree,
                                       changed: changed, headConfig: headConfig, configDirectory: configDirectoryRelative)

        // 6. Each zone, judged.
        var reports: [ZoneReport] = []
        var banners: [String] = []
        var fails = findings.contains { $0.severity >= (failOn ?? .high) }
        for (headZone, baseZone) in selected {
            let baselineChanged = headZone.baselinePath.map { path in
                let relative = path.dropTreePrefix(headTree)
                return changed.contains(relative) || changed.contains(relative + ".seal")
            } ?? false
            let verdict = try GateZoneAudit(
                head: headZone, base: baseZone, headTree: headTree, baseTree: baseTree,
                failOn: failOn ?? baseZone.failOn, at: at, baselineChanged: baselineChanged
            ).run()
            findings += verdict.findings
            reports.append(verdict.report)
            banners += verdict.banners
            fails = fails || verdict.fails
        }
        if selected.isEmpty {
            banners.append("no configured zone changes between \(baseCommit.prefix(12)) and \(headCommit.prefix(12))")
        }

        // 7. Paths as the repository names them, not as the scratch directory does.
        findings = findings.map { relocate($0, trees: [headTree, baseTree]) }
        banners = banners.map { display($0, trees: [headTree, baseTree]) }
        findings.sort(by: Finding.reportOrder)
        var report = Report.make(command: "gate", zones: reports, banners: banners, findings: findings)
        report.ruleDescriptions = GateRule.descriptions
        let figures = "gate \(baseCommit.prefix(12))..\(headCommit.prefix(12)): \(selected.count) zone(s) judged, "
            + (fails ? "FAILED" : "passed")
        let annotations = environment["GITHUB_ACTIONS"] == "true" ? GitHubAnnotations.commands(for: findings) : []
        return GateResult(result: JobResult(report: report, status: fails ? .findings : .clean, figures: figures),
                          annotations: annotations, baseCommit: baseCommit, headCommit: headCommit)
    }

    /// Zones named with `--zone`, else those whose files (zone, `$INCLUDE`s
    /// in either revision, baseline, seal, policy, keys, anchors) changed.
    private func selectZones(
        inHead: RepositoryConfig, inBase: RepositoryConfig, headTree: GateTree, baseTree: GateTree,
        changed: Set<String>, headConfig: RepositoryConfig?, configDirectory: String
    ) throws(JobError) -> [(ZoneConfig, ZoneConfig)] {
        let pairs = Array(zip(inHead.zones, inBase.zones))
        if !zones.isEmpty {
            var chosen: [(ZoneConfig, ZoneConfig)] = []
            for origin in zones {
                if let pair = pairs.first(where: { $0.0.origin == origin }) {
                    chosen.append(pair)
                } else if headConfig?.zones.contains(where: { $0.origin == origin }) != true {
                    // (A zone only head configures is reported as gate.zone-not-configured.)
                    throw JobError("no zone \(origin) in the base revision's configuration (configured: "
                                   + inBase.zones.map(\.origin.presentation).joined(separator: ", ") + ")")
                }
            }
            return chosen
        }
        return pairs.filter { headZone, baseZone in
            let referenced = headZone.referencedFiles.map { repoPath($0, configDirectory) }
            if referenced.contains(where: changed.contains) { return true }
            return includedFiles(of: headZone, in: headTree).contains(where: changed.contains)
                || includedFiles(of: baseZone, in: baseTree).contains(where: changed.contains)
        }
    }

    /// The repository-relative files the zone file `$INCLUDE`s in one revision.
    private func includedFiles(of zone: ZoneConfig, in tree: GateTree) -> [String] {
        guard let file = tree.file(zone.filePath.dropTreePrefix(tree)) else { return [] }
        // Most zone files include nothing: a byte scan spares them a full parse.
        guard GateJob.mayInclude(file) else { return [] }
        let read = ZoneReadOptions(origin: zone.origin, includeRoot: zone.includeRootPath, format: .masterFile)
        guard let parsed = try? ZoneReader.parse(file, options: read) else { return [] }
        return parsed.includedFiles.compactMap(tree.relative)
    }

    /// False only when the file certainly has no `$INCLUDE` directive (any
    /// letter case); an unreadable file is left to the parser to report.
    static func mayInclude(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return true }
        let directive = Array("$include".utf8)
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            guard bytes.count >= directive.count else { return false }
            for start in 0...(bytes.count - directive.count) where bytes[start] == UInt8(ascii: "$") {
                var matches = true
                for offset in 1..<directive.count where bytes[start + offset] | 0x20 != directive[offset] {
                    matches = false
                    break
                }
                if matches { return true }
            }
            return false
        }
    }

    private func locateConfig() throws(JobError) -> String {
        let explicit = configPath.map { $0.hasPrefix("/") ? $0 : join(workingDirectory, $0) }
        do {
            return try RepositoryConfig.locate(explicit: explicit, from: workingDirectory)
        } catch {
            throw JobError("\(error)")
        }
    }

    private func relocate(_ finding: Finding, trees: [GateTree]) -> Finding {
        var finding = finding
        finding.message = display(finding.message, trees: trees)
        // A changed RRset is located at its first record; the annotation
        // belongs on the line that changed (the first record not approved before).
        if !finding.before.isEmpty, finding.location != nil,
           finding.location == finding.after.compactMap(\.location).min(),
           let changedLine = finding.after.filter({ !finding.before.contains($0) }).compactMap(\.location).min() {
            finding.location = changedLine
        }
        if let location = finding.location, let file = trees.lazy.compactMap({ $0.relative(location.file) }).first {
            finding.location?.file = file
            // A line of the base revision (a removed RRset) is not a line of
            // the file under review: an annotation there would land on
            // whatever the head has at that line. Point at the file instead.
            if trees.first?.relative(location.file) == nil {
                finding.location?.line = 0
                finding.location?.column = 0
            }
        }
        for index in finding.before.indices {
            if let file = finding.before[index].location?.file, let relative = trees.lazy.compactMap({ $0.relative(file) }).first {
                finding.before[index].location?.file = relative
            }
        }
        for index in finding.after.indices {
            if let file = finding.after[index].location?.file, let relative = trees.lazy.compactMap({ $0.relative(file) }).first {
                finding.after[index].location?.file = relative
            }
        }
        return finding
    }

    private func display(_ text: String, trees: [GateTree]) -> String {
        trees.reduce(text) { $0.replacingOccurrences(of: $1.root + "/", with: "") }
    }

    private func repoPath(_ path: String, _ directory: String) -> String {
        GateTree.normalize(join(directory, path))
    }

    private func join(_ directory: String, _ path: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty || directory == "." { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    private func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    static func makeScratchDirectory() throws(JobError) -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/zoneaudit-gate-XXXXXX").utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let directory = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: directory)
        }
        guard let path = made else { throw JobError("cannot create a temporary directory for the gate") }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}

/// What the gate hands back: the report and status, and the GitHub
/// workflow commands to print.
public struct GateResult: Sendable {
    public var result: JobResult
    /// `::error ...` / `::warning ...` lines (only under `GITHUB_ACTIONS=true`).
    public var annotations: [String]
    public var baseCommit: String
    public var headCommit: String

    /// Writes `--sarif` (SARIF 2.1.0) and `--summary` (Markdown), atomically.
    public func writeFiles(sarif: String?, summary: String?) throws(JobError) {
        for (path, format) in [(sarif, ReportFormat.sarif), (summary, .markdown)] {
            guard let path else { continue }
            var text = format.render(result.report)
            if !text.hasSuffix("\n") { text += "\n" }
            do {
                try AtomicFile.write(text, to: path)
            } catch {
                throw JobError(error.description)
            }
        }
    }
}
