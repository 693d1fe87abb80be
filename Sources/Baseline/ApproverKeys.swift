import LDNS
import ZoneModel

/// Approver key pairs on disk, as `zoneaudit baseline keygen` writes them
/// and `baseline seal --key` reads them.
public enum ApproverKeys {
    /// Generates a key pair for `owner` and writes `K<owner>+<alg>+<tag>.key`
    /// and `.private` (mode 0600) into `directory`, never over existing files.
    public static func generate(
        algorithm: LDNSKeyAlgorithm, owner: DomainName, directory: String
    ) throws(BaselineError) -> (key: LDNSKeyPair, paths: LDNSKeyFilePaths) {
        do {
            let key = try LDNSKeyPair.generate(algorithm: algorithm, owner: owner)
            return (key, try key.write(toDirectory: directory))
        } catch {
            throw .key(error)
        }
    }

    /// Reads a key pair (`path` names the `.key`, the `.private` or their
    /// base name). A private file that group or others may read yields a
    /// `baseline.key-permissions` warning; the key is still usable.
    public static func load(_ path: String) throws(BaselineError) -> (key: LDNSKeyPair, findings: [Finding]) {
        do {
            let key = try LDNSKeyPair.read(from: path)
            let privatePath = LDNSKeyFilePaths(path).privateKey
            let mode = try LDNSKeyPair.permissions(ofFile: privatePath)
            return (key, permissionFinding(privateKeyPath: privatePath, mode: mode).map { [$0] } ?? [])
        } catch {
            throw .key(error)
        }
    }

    /// The warning for a private key file with group or other permissions.
    public static func permissionFinding(privateKeyPath path: String, mode: UInt32) -> Finding? {
        guard mode & 0o077 != 0 else { return nil }
        return Finding(
            rule: "baseline.key-permissions", severity: .medium,
            message: "private key file \(path) is accessible to group or others (mode \(String(mode, radix: 8))); restrict it with chmod 600")
    }
}
