import CLDNS
import ZoneModel

extension LDNSKeyPair {
    /// Signs one RRset with `ldns_sign_public` and returns the RRSIG.
    ///
    /// `inception` and `expiration` are RFC 4034 section 3.1.5 times (seconds
    /// since 1970 modulo 2^32) and land in the RRSIG exactly as given, so a
    /// validity beyond 2038 is expressed as itself. ldns reads them from the
    /// key, where 0 means "now" / "now plus its default"; 0 is therefore
    /// refused. Labels, original TTL (the RRset's) and signer name (this
    /// key's owner, lower-cased) are ldns's.
    public func sign(_ rrset: [Record], inception: UInt32, expiration: UInt32) throws(LDNSError) -> Record {
        guard let first = rrset.first,
              rrset.allSatisfy({ $0.owner == first.owner && $0.type == first.type && $0.rrClass == first.rrClass })
        else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "sign: the records are not one non-empty RRset")
        }
        guard inception != 0, expiration != 0 else {
            throw LDNSError(LDNS_STATUS_CRYPTO_EXPIRATION_BEFORE_INCEPTION, operation: "sign: inception and expiration must not be 0")
        }
        let list = try LDNSRecordList(rrset)
        ldns_key_set_inception(key, inception)
        ldns_key_set_expiration(key, expiration)
        ldns_key_set_use(key, 1)

        guard let keyList = ldns_key_list_new() else { throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_key_list_new") }
        guard ldns_key_list_push_key(keyList, key) != 0 else {
            ldns_key_list_free(keyList)
            throw LDNSError(LDNS_STATUS_MEM_ERR, operation: "ldns_key_list_push_key")
        }
        // ldns_key_list_free deep-frees its keys; this one belongs to self.
        // Emptying the list by count, not with ldns_key_list_pop_key: in
        // 1.8.3 popping the last key reallocs the array to 0 octets (which
        // frees it) and keeps the stale pointer, so the list's own free
        // then frees it twice.
        defer {
            ldns_key_list_set_key_count(keyList, 0)
            ldns_key_list_free(keyList)
        }
        guard let signatures = ldns_sign_public(list.pointer, keyList) else {
            throw LDNSError(LDNS_STATUS_CRYPTO_ALGO_NOT_IMPL, operation: "ldns_sign_public (\(self))")
        }
        let owned = LDNSRecordList(takingOwnershipOf: signatures)
        let records = try owned.records()
        guard records.count == 1, let signature = records.first, let data = signature.rrsig else {
            // ldns skips keys without the zone key flag (256).
            throw LDNSError(LDNS_STATUS_CRYPTO_NO_RRSIG, operation: "ldns_sign_public made no signature with \(self) (flags \(flags))")
        }
        guard data.inception == inception, data.expiration == expiration else {
            throw LDNSError(LDNS_STATUS_ERR, operation: "ldns_sign_public did not keep the requested validity window")
        }
        return signature
    }
}
