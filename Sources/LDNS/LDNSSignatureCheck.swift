import CLDNS
import ZoneModel

/// The cryptographic half of RRSIG validation, through ldns.
///
/// `ldns_verify_rrsig_keylist_notime` checks type covered, key tag,
/// algorithm and the signature over the canonical RRset. It checks no time
/// (ldns 1.8.3 misjudges windows after 2038, so callers judge inception and
/// expiration in their own serial arithmetic) and not that the signer name
/// is the key's owner: callers check that too.
public enum LDNSSignatureCheck {
    /// Returns normally when `signature` is a valid signature over `rrset`
    /// made by `key` (a DNSKEY record); throws ldns's reason otherwise.
    public static func verify(_ rrset: [Record], signature: Record, key: Record) throws(LDNSError) {
        guard !rrset.isEmpty else { throw LDNSError(LDNS_STATUS_NO_DATA, operation: "verify: empty RRset") }
        let records = try LDNSRecordList(rrset)
        let rrsig = try LDNSRecord(signature)
        let keys = try LDNSRecordList([key])
        guard let good = ldns_rr_list_new() else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_rr_list_new") }
        // `good` receives pointers into `keys`, not copies: free the list only.
        defer { ldns_rr_list_free(good) }
        let status = ldns_verify_rrsig_keylist_notime(records.pointer, rrsig.rr, keys.pointer, good)
        try LDNSError.check(status, "ldns_verify_rrsig_keylist_notime")
    }
}
