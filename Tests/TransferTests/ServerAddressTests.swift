import Testing
@testable import Transfer
import ZoneModel

@Suite struct ServerAddressTests {
    @Test func parsesIPv4WithAndWithoutPort() throws {
        #expect(try ServerAddress(parsing: "192.0.2.1") == ServerAddress(host: .ipv4("192.0.2.1"), port: 53))
        #expect(try ServerAddress(parsing: "192.0.2.1:5353") == ServerAddress(host: .ipv4("192.0.2.1"), port: 5353))
    }

    @Test func parsesIPv6InBracketsAndBare() throws {
        #expect(try ServerAddress(parsing: "[2001:db8::1]:5353") == ServerAddress(host: .ipv6("2001:db8::1"), port: 5353))
        #expect(try ServerAddress(parsing: "[::1]") == ServerAddress(host: .ipv6("::1"), port: 53))
        #expect(try ServerAddress(parsing: "2001:db8::53") == ServerAddress(host: .ipv6("2001:db8::53"), port: 53))
        #expect(try ServerAddress(parsing: "[fe80::1%eth0]:53").host == .ipv6("fe80::1%eth0"))
    }

    @Test func parsesHostNames() throws {
        #expect(try ServerAddress(parsing: "ns1.example.net") == ServerAddress(host: .name("ns1.example.net"), port: 53))
        #expect(try ServerAddress(parsing: "ns1.example.net.:853") == ServerAddress(host: .name("ns1.example.net."), port: 853))
    }

    @Test func describesAddressesSoTheyParseBack() throws {
        for text in ["192.0.2.1:53", "[2001:db8::1]:5353", "ns1.example.net:53"] {
            let address = try ServerAddress(parsing: text)
            #expect(address.description == text)
            #expect(try ServerAddress(parsing: address.description) == address)
        }
    }

    @Test(arguments: [
        ("", "no server address"),
        ("192.0.2.1:", "is not a port number"),
        ("192.0.2.1:0", "is not a port number"),
        ("192.0.2.1:65536", "is not a port number"),
        ("192.0.2.1:dns", "is not a port number"),
        ("300.1.1.1", "is not an IPv4 address"),
        ("[2001:db8::1", "missing ']'"),
        ("[not-an-address]:53", "is not an IPv6 address"),
        ("[::1]x", "expected ':PORT'"),
        ("2001:db8::zz", "not an IPv6 address"),
        ("bad_host!.example", "is not a host name"),
        ("-leading.example", "is not a host name"),
        (":53", "no host"),
        ("ns 1.example", "spaces"),
    ])
    func rejectsBadForms(text: String, expected: String) {
        do {
            _ = try ServerAddress(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test func parsesAXFRSources() throws {
        let source = try AXFRSource(parsing: "axfr://192.0.2.1:5353/example.com")
        #expect(source.server == ServerAddress(host: .ipv4("192.0.2.1"), port: 5353))
        #expect(source.zone == (try DomainName("example.com.")))
        #expect(source.description == "axfr://192.0.2.1:5353/example.com.")
        let v6 = try AXFRSource(parsing: "AXFR://[2001:db8::1]/example.")
        #expect(v6.server.host == .ipv6("2001:db8::1"))
        #expect(v6.server.port == 53)
        #expect(try AXFRSource(parsing: "axfr://ns1.example.net/.").zone == .root)
        #expect(AXFRSource.isAXFRSource("axfr://x/y"))
        #expect(!AXFRSource.isAXFRSource("zones/example.zone"))
    }

    @Test(arguments: [
        ("http://192.0.2.1/example.", "does not start with axfr://"),
        ("axfr://192.0.2.1", "no /ZONE"),
        ("axfr://192.0.2.1/", "no zone name"),
        ("axfr:///example.", "no server"),
        ("axfr://192.0.2.1:99999/example.", "bad server"),
        ("axfr://192.0.2.1/a/b", "contains '/'"),
        ("axfr://192.0.2.1/a..b", "bad zone name"),
    ])
    func rejectsBadAXFRSources(text: String, expected: String) {
        do {
            _ = try AXFRSource(parsing: text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }
}
