import Foundation
import Testing

/// `zoneaudit dnssec verify --cache FILE`: the cold run fills the cache, the
/// warm run takes every signature from it, and a change is verified again.
@Suite struct DNSSECCacheCommandTests {
    static let signed = "zones/example.net.signed"

    @Test func coldThenWarm() throws {
        let box = try Sandbox()
        let cold = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "trust-anchors.zone",
                                     "--cache", "verified.sqlite", DNSSECCacheCommandTests.signed)
        #expect(cold.status == 0, "\(cold)")
        #expect(cold.stderr.contains("16 of 16 signatures verified (0 from the cache)"), "\(cold)")
        #expect(box.exists("verified.sqlite"))

        let warm = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "trust-anchors.zone",
                                     "--cache", "verified.sqlite", DNSSECCacheCommandTests.signed)
        #expect(warm.status == 0, "\(warm)")
        #expect(warm.stderr.contains("16 of 16 signatures verified (16 from the cache)"), "\(warm)")
        #expect(warm.stdout == cold.stdout)

        // A changed record: its signature is verified again and fails; the
        // rest still come from the cache.
        try box.edit(DNSSECCacheCommandTests.signed, replacing: "198.51.100.53", with: "198.51.100.54")
        let changed = try box.zoneaudit("dnssec", "verify", "--trust-anchor", "trust-anchors.zone",
                                        "--cache", "verified.sqlite", DNSSECCacheCommandTests.signed)
        #expect(changed.status == 1, "\(changed)")
        #expect(changed.stdout.contains("[dnssec.rrsig-invalid]"), "\(changed)")
        #expect(changed.stderr.contains("15 of 16 signatures verified (15 from the cache)"), "\(changed)")
    }

    @Test func withoutCacheTheLineIsUnchanged() throws {
        let box = try Sandbox()
        let result = try box.zoneaudit("dnssec", "verify", DNSSECCacheCommandTests.signed)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("from the cache"), "\(result)")
    }

    @Test func aCacheThatIsNotADatabaseStopsTheJob() throws {
        let box = try Sandbox()
        try box.write("not a database\n", to: "verified.sqlite")
        let result = try box.zoneaudit("dnssec", "verify", "--cache", "verified.sqlite", DNSSECCacheCommandTests.signed)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("verified.sqlite"), "\(result)")
        #expect(try box.read("verified.sqlite") == "not a database\n")
    }
}
