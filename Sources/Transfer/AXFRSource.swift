import ZoneModel

/// A live zone named as `axfr://HOST[:PORT]/ZONE`: the zone is read by AXFR
/// from that server. Every command that takes a zone file also takes this.
public struct AXFRSource: Sendable, Hashable, CustomStringConvertible {
    public var server: ServerAddress
    public var zone: DomainName

    public init(server: ServerAddress, zone: DomainName) {
        self.server = server
        self.zone = zone
    }

    /// True when `text` is written as an AXFR source rather than a file path.
    public static func isAXFRSource(_ text: String) -> Bool {
        text.utf8.count >= 7 && text.prefix(7).lowercased() == "axfr://"
    }

    /// Parses `axfr://HOST[:PORT]/ZONE`; the zone name is absolute with or without its final dot.
    public init(parsing text: String) throws(SourceAddressError) {
        guard AXFRSource.isAXFRSource(text) else { throw .badURL(text, "does not start with axfr://") }
        let rest = text.dropFirst(7)
        guard let slash = rest.firstIndex(of: "/") else { throw .badURL(text, "no /ZONE after the server") }
        let serverText = String(rest[..<slash])
        let zoneText = String(rest[rest.index(after: slash)...])
        guard !serverText.isEmpty else { throw .badURL(text, "no server") }
        guard !zoneText.isEmpty else { throw .badURL(text, "no zone name after '/'") }
        guard !zoneText.contains("/") else { throw .badZone(text, "'\(zoneText)' contains '/'") }
        let server: ServerAddress
        do {
            server = try ServerAddress(parsing: serverText)
        } catch {
            throw .badURL(text, "bad server: \(error)")
        }
        do {
            zone = try DomainName(zoneText, origin: .root)
        } catch {
            throw .badZone(text, "\(error)")
        }
        self.server = server
    }

    /// `axfr://192.0.2.1:53/example.`
    public var description: String { "axfr://\(server)/\(zone)" }
}
