import Testing
import ZoneDiff
import ZoneModel
import ZonePolicy

/// The approved zone the tests tamper with, and helpers to edit it.
enum Fixture {
    static let origin = "example.com."
    static let soaLine = "@ 3600 IN SOA ns1.example.net. hostmaster.example.com. 2024010101 7200 3600 1209600 300"

    static let baseline: [String] = [
        soaLine,
        "@ 3600 IN NS ns1.example.net.",
        "@ 3600 IN NS ns2.example.net.",
        "@ 3600 IN MX 10 mail.example.com.",
        "@ 3600 IN TXT \"v=spf1 mx -all\"",
        "@ 3600 IN CAA 0 issue \"digicert.com\"",
        "@ 3600 IN A 192.0.2.1",
        "www 3600 IN A 192.0.2.10",
        "www 3600 IN AAAA 2001:db8::10",
        "mail 3600 IN A 192.0.2.25",
        "api 3600 IN CNAME www.example.com.",
        "_sip._tcp 3600 IN SRV 10 5 5060 sip.example.com.",
        "sip 3600 IN A 192.0.2.30",
        "dev 3600 IN NS ns1.dev.example.com.",
        "dev 3600 IN NS ns2.dev-provider.example.",
        "dev 3600 IN DS 12345 13 2 3B8C1F0E2D4A5B6C7D8E9FA0B1C2D3E4F5061728394A5B6C7D8E9FA0B1C2D3E4",
        "ns1.dev 3600 IN A 192.0.2.53",
        "shop 3600 IN NS ns1.shop-host.example.",
        "shop 3600 IN NS ns2.shop-host.example.",
        "h1.dyn 300 IN A 192.0.2.100",
    ]

    /// Signing material for the signed variant (values need not verify:
    /// the diff compares data, ldns validates elsewhere).
    static let ksk = "@ 3600 IN DNSKEY 257 3 13 mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ=="
    static let zsk = "@ 3600 IN DNSKEY 256 3 13 oJMRESz5E4gYzS/q6XDrvU1qMPYIjCWzJaOau8XNEZeqCYKD5ar0IRd8KqXXFJkqmVfRvMGPmM1x8fGAa2XhSA=="
    static let newZSK = "@ 3600 IN DNSKEY 256 3 13 KZmwNqEnbdxRkGdFdGzMpwJqbBfGnT0TGdCk9BdhNHcBa7aE4hGv0kq2UXvXqU7yWl2P0ZkS1sQ3nnxKpL2mNw=="
    static let signingLines: [String] = [
        ksk,
        zsk,
        "@ 0 IN NSEC3PARAM 1 0 0 -",
        "@ 3600 IN RRSIG SOA 13 2 3600 1735689600 1733011200 12345 example.com. c2lnbmF0dXJlMQ==",
        "@ 3600 IN RRSIG NS 13 2 3600 1735689600 1733011200 12345 example.com. c2lnbmF0dXJlMg==",
        "@ 3600 IN NSEC api.example.com. A NS SOA MX TXT CAA RRSIG NSEC DNSKEY NSEC3PARAM",
        "www 3600 IN RRSIG A 13 3 3600 1735689600 1733011200 12345 example.com. c2lnbmF0dXJlMw==",
    ]

    static func zone(_ lines: [String], file: String = "current.zone") throws -> Zone {
        try TestRecords.zone(origin, lines, file: file)
    }

    static func baselineZone(signed: Bool = false) throws -> Zone {
        try zone(signed ? baseline + signingLines : baseline, file: "baseline.zone")
    }

    /// The baseline with edits applied and the serial moved forward (unless
    /// `bumpSerial` is false), as an operator would publish it.
    static func current(signed: Bool = false, bumpSerial: Bool = true,
                        _ edit: (inout [String]) throws -> Void) throws -> Zone {
        var lines = signed ? baseline + signingLines : baseline
        try edit(&lines)
        if bumpSerial, let index = lines.firstIndex(of: soaLine) {
            lines[index] = soaLine.replacingOccurrences(of: "2024010101", with: "2024010102")
        }
        return try zone(lines)
    }

    static func diff(signed: Bool = false, bumpSerial: Bool = true, options: DiffOptions = DiffOptions(),
                     _ edit: (inout [String]) throws -> Void) throws -> ZoneDiffResult {
        ZoneDiffer.diff(baseline: try baselineZone(signed: signed),
                        current: try current(signed: signed, bumpSerial: bumpSerial, edit), options: options)
    }

    static func audit(policy: String, options: DiffOptions = DiffOptions(),
                      _ edit: (inout [String]) throws -> Void) throws -> [Finding] {
        let parsed = try Policy.parse(yaml: policy, file: "policy.yaml")
        return Auditor.audit(baseline: try baselineZone(), current: try current(edit), policy: parsed, options: options)
    }
}

extension Array where Element == String {
    struct MissingLine: Error { var line: String }

    /// Replaces a line that must exist (nil removes it).
    mutating func replace(_ old: String, with new: String?) throws {
        guard let index = firstIndex(of: old) else { throw MissingLine(line: old) }
        if let new { self[index] = new } else { remove(at: index) }
    }

    mutating func remove(_ old: String) throws { try replace(old, with: nil) }
}

extension [Finding] {
    /// Rule ids, sorted: what most tests compare exactly.
    var rules: [String] { map(\.rule.rawValue).sorted() }

    func only(_ rule: String) throws -> Finding {
        let matching = filter { $0.rule.rawValue == rule }
        guard matching.count == 1 else { throw FindingCount(rule: rule, count: matching.count) }
        return matching[0]
    }

    func all(_ rule: String) -> [Finding] { filter { $0.rule.rawValue == rule } }
}

struct FindingCount: Error, CustomStringConvertible {
    var rule: String
    var count: Int
    var description: String { "expected exactly one \(rule) finding, found \(count)" }
}
