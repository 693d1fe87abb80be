import Foundation
import LDNS
import ZoneModel

/// Records made by ldns's own parser, so the tests' expectations do not
/// depend on the code under test (nor on zoneaudit's parser).
enum TestRecords {
    static func record(_ text: String, origin: String? = nil) throws -> Record {
        try LDNSRecord(text: text, defaultTTL: 3600, origin: origin.map { try DomainName($0) }).record()
    }

    /// One record a line; blank lines and `;` comments skipped; `$ORIGIN`/`$TTL` not supported.
    static func records(_ text: String) throws -> [Record] {
        try text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix(";") else { return nil }
            return try record(trimmed)
        }
    }

    static func name(_ text: String) -> DomainName {
        // Test names are literals known to be valid.
        try! DomainName(text)
    }
}

extension Record {
    /// The record without its TTL and location, for set comparisons.
    var identity: String { "\(owner.lowercased) \(type) \(rrClass) \(ttl) \(canonicalRData)" }
}

