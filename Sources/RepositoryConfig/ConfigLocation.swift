import Foundation

extension RepositoryConfig {
    /// The configuration to use: `explicit` when given, else `zoneaudit.yml`
    /// in `directory` or the nearest parent, stopping at the top of the git
    /// work tree (a `.git` entry) or the file system's root.
    public static func locate(explicit: String?, from directory: String) throws(ConfigError) -> String {
        if let explicit { return explicit }
        let manager = FileManager.default
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName).path
            if manager.fileExists(atPath: candidate) { return candidate }
            let atTop = manager.fileExists(atPath: current.appendingPathComponent(".git").path)
            let parent = current.deletingLastPathComponent()
            if atTop || parent.path == current.path { break }
            current = parent
        }
        throw ConfigError(file: fileName, line: 0, column: 0,
                          message: "no \(fileName) in \(directory) or the directories above it (give --config FILE)")
    }
}
