import CLDNS
import ZoneModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TEST ORACLE ONLY: ldns's own ZONEMD verification of a zone file
/// (`ldns_dnssec_zone_verify_zonemd`), for differential tests of
/// zoneaudit's ZONEMD code on trusted, well-formed zones that the tests
/// write themselves.
///
/// Never call it on untrusted input: ldns 1.8.3's zone walker hangs on a
/// zone that combines NSEC3 and ZONEMD (ldns issue 287) and dereferences a
/// missing SOA. It refuses zones with NSEC3 records or without an SOA, but
/// that guard is not a validator; zoneaudit's own ZONEMD code is.
public enum LDNSZoneDigestCheck {
    /// Loads `path` with ldns and verifies its apex ZONEMD. Returns
    /// normally when ldns says the digest verifies; throws ldns's status
    /// (for example `LDNS_STATUS_NO_VALID_ZONEMD`) otherwise.
    public static func verifyTrustedZoneFile(_ path: String, origin: DomainName) throws(LDNSError) {
        guard let file = fopen(path, "r") else {
            throw LDNSError(LDNS_STATUS_FILE_ERR, operation: "fopen \(path)")
        }
        defer { fclose(file) }
        let originRDF = LDNSRecord.makeDname(origin)
        defer { if let originRDF { ldns_rdf_deep_free(originRDF) } }
        var zone: UnsafeMutablePointer<ldns_dnssec_zone>?
        let status = ldns_dnssec_zone_new_frm_fp(&zone, file, originRDF, 3600, LDNS_RR_CLASS_IN)
        try LDNSError.check(status, "ldns_dnssec_zone_new_frm_fp \(path)")
        guard let zone else { throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_dnssec_zone_new_frm_fp \(path)") }
        defer { ldns_dnssec_zone_deep_free(zone) }
        guard zone.pointee.soa != nil else {
            throw LDNSError(LDNS_STATUS_ZONEMD_INVALID_SOA, operation: "refused: \(path) has no SOA")
        }
        guard zone.pointee._nsec3params == nil else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "refused: \(path) has NSEC3 records (ldns 1.8.3 hangs on NSEC3 with ZONEMD)")
        }
        try LDNSError.check(ldns_dnssec_zone_verify_zonemd(zone), "ldns_dnssec_zone_verify_zonemd")
    }
}
