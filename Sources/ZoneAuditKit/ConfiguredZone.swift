import Foundation
import RepositoryConfig
import ZoneModel

/// `--config` and `--zone`: the repository configuration and one zone of it,
/// for the commands that take everything else from `zoneaudit.yml`.
public enum ConfiguredZones {
    /// The configuration at `path`, or `zoneaudit.yml` found from the current
    /// directory upwards.
    public static func load(config path: String?) throws(JobError) -> RepositoryConfig {
        do {
            let file = try RepositoryConfig.locate(explicit: path, from: FileManager.default.currentDirectoryPath)
            return try RepositoryConfig.load(contentsOf: file)
        } catch {
            throw JobError("\(error)")
        }
    }

    /// The entry for `origin` in the configuration.
    public static func zone(_ origin: DomainName, config path: String?) throws(JobError) -> ZoneConfig {
        let config = try load(config: path)
        do {
            return try config.zone(origin)
        } catch {
            throw JobError("\(error)")
        }
    }
}

extension ZoneReadOptions {
    /// These options with the zone's configured values filled in where the
    /// command line left them unset.
    public func filling(from zone: ZoneConfig?) -> ZoneReadOptions {
        guard let zone else { return self }
        var options = self
        options.origin = origin ?? zone.origin
        options.includeRoot = includeRoot ?? zone.includeRootPath
        options.tsigKeyFile = tsigKeyFile ?? zone.tsigKeyPath
        return options
    }
}
