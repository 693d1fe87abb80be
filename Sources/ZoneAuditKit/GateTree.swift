import Foundation

/// One revision's files, written from git's object database into a private
/// directory: the user's index and work tree are never touched.
///
/// Only regular files are written. Symbolic links and submodules are left
/// out, so a revision cannot point the gate at a file outside its tree
/// (`zones/x.zone -> /etc/shadow`), and no `.gitattributes` filter or
/// substitution applies (unlike `git archive`, which honours `export-ignore`
/// and `export-subst` from the very revision under review).
public struct GateTree: Sendable {
    /// The directory holding the revision's files (a real path, no symlinks).
    public let root: String
    public let commit: String

    /// A revision's files are bounded: more than this is refused.
    public static let maximumBytes = 2 << 30
    public static let maximumFiles = 1_000_000

    /// Writes `commit`'s regular files below `directory` (which must not exist).
    static func extract(_ commit: String, from repository: GitRepository, into directory: String) throws(JobError) -> GateTree {
        let listing = try repository.git(["ls-tree", "-r", "-l", "-z", "--full-tree", commit], what: "list the files of \(commit)")
        var blobs: [(path: String, object: String, size: Int)] = []
        var total = 0
        for entry in listing.split(separator: 0) {
            // "<mode> <type> <object> <size>\t<path>"
            guard let tab = entry.firstIndex(of: 9) else { continue }
            let fields = entry[entry.startIndex..<tab].split(separator: 32)
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4, fields[1].elementsEqual("blob".utf8),
                  fields[0].elementsEqual("100644".utf8) || fields[0].elementsEqual("100755".utf8),
                  let size = Int(String(decoding: fields[3], as: UTF8.self)),
                  GateTree.isSafe(path) else { continue }
            total += size
            guard total <= maximumBytes, blobs.count < maximumFiles else {
                throw JobError("revision \(commit) holds more than \(maximumBytes) bytes or \(maximumFiles) files: too large to gate")
            }
            blobs.append((path, String(decoding: fields[2], as: UTF8.self), size))
        }

        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                        attributes: [.posixPermissions: 0o700])
        } catch {
            throw JobError("cannot create \(directory): \(error.localizedDescription)")
        }
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard !blobs.isEmpty else { return GateTree(root: root, commit: commit) }

        let contents = try repository.git(["cat-file", "--batch"], what: "read the files of \(commit)",
                                          input: blobs.map(\.object).joined(separator: "\n") + "\n")
        var offset = contents.startIndex
        for blob in blobs {
            // "<object> blob <size>\n<bytes>\n"
            guard let newline = contents[offset...].firstIndex(of: 10) else {
                throw JobError("git cat-file returned less than \(commit)'s files")
            }
            let header = contents[offset..<newline].split(separator: 32)
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  newline + 1 + size <= contents.endIndex else {
                throw JobError("git cat-file returned an unexpected answer for \(blob.path) in \(commit)")
            }
            let body = contents[(newline + 1)..<(newline + 1 + size)]
            offset = newline + 1 + size + 1
            let file = root + "/" + blob.path
            let parent = (file as NSString).deletingLastPathComponent
            do {
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw JobError("cannot create \(parent): \(error.localizedDescription)")
            }
            guard manager.createFile(atPath: file, contents: body, attributes: [.posixPermissions: 0o600]) else {
                throw JobError("cannot write \(file)")
            }
        }
        return GateTree(root: root, commit: commit)
    }

    /// A repository-relative path git may hand out; anything else is skipped.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false)
            .contains { $0.isEmpty || $0 == "." || $0 == ".." || $0 == ".git" }
    }

    /// The tree's copy of a repository-relative file, when the revision has it.
    public func file(_ relative: String) -> String? {
        guard GateTree.isSafe(relative) else { return nil }
        let path = root + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return path
    }

    /// `path` as a repository-relative path when it lies in this tree.
    public func relative(_ path: String) -> String? {
        let prefix = root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return GateTree.normalize(String(path.dropFirst(prefix.count)))
    }

    /// Removes `.` and `dir/..` lexically (the parser names included files
    /// as written: `zones/../common/ns.inc`).
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty && parts.last != ".." { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
