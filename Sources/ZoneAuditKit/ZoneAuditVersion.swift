/// The tool's version, printed by `--version` and written into reports and seals.
public enum ZoneAuditVersion {
    public static let string = "0.1.0-dev"
}
