extension KnotScannerTests {
    /// Cases where zoneaudit's answer is not Knot's, each with the reason.
    /// Every other case must agree with Knot record for record. zoneaudit
    /// follows BIND's master-file dialect where the two disagree (each BIND
    /// verdict below was checked with named-checkzone 9.18); knot/SOURCE.md
    /// asks to treat what only Knot rejects as a documented difference.
    static let expectations: [String: Expectation] = [
        "00-0_general": .differs(
            "line 28 `@ NS ((@))`: nested parentheses are a fatal error for Knot; BIND's lexer counts nesting and accepts it, so does zoneaudit"),
        "00-2_general": .differs(
            "`$ORIGIN .` ends with CR LF: Knot refuses DOS line ends; BIND (and zoneaudit) ignore a CR before LF"),
        "01_owner": .differs(
            "owners `&`, `a,`, `a,b`, `,b` and `@@` are legal labels for BIND (RFC 2181 section 11: any octet) and zoneaudit; Knot restricts owner characters. The blank-owner line after `,b` then inherits `,b` instead of failing"),
        "02_class": .differs(
            "Knot supports class IN only and rejects CH and the CLASS1 spelling; BIND and zoneaudit read both (a class that differs from the zone's is the zone builder's zone.class-mismatch error)"),
        "04-1_ORIGIN": .differs(
            "`$ORIGIN tld` (relative): Knot requires an absolute name; BIND makes it relative to the current origin (here the root), as zoneaudit does"),
        "04-2_ORIGIN": .differs("`$ORIGIN %`: `%` is a legal label octet for BIND and zoneaudit; Knot refuses it"),
        "06-0_INCLUDE": .differs(
            "`$TTL 1H` inside an included file: Knot restores the including file's $TTL afterwards; BIND keeps it in force (its TTL state belongs to the whole load), and so does zoneaudit, so the records after the includes get 3600"),
        "06-1_INCLUDE": .differs(
            "`$INCLUDE file a`: BIND takes a relative include origin relative to the current one; Knot requires an absolute name"),
        "06-2_INCLUDE": .differs("`$INCLUDE file %`: `%` is a legal label octet for BIND and zoneaudit"),
        "06-6_INCLUDE": .differs(
            "the error inside the included file is reported once, at its own file:line:column; Knot adds a second, fatal ZS_UNPROCESSED_INCLUDE at the directive"),
        "12_TXT": .differs(
            "a quoted string across a line end (line 21) is Knot's extension, BIND reports unbalanced quotes; Knot also splits strings over 255 octets (lines 27-28) where BIND and zoneaudit reject them"),
        "14_NS": .differs("NS targets `&`, `@@`, `a,`, `a,b`, `,b`: legal label octets for BIND and zoneaudit, refused by Knot"),
        "18_MX": .differs("MX target `$`: a legal label octet for BIND and zoneaudit, refused by Knot"),
        "26_SRV": .differs("SRV target `%`: a legal label octet for BIND and zoneaudit, refused by Knot"),
        "29_CERT": .differs(
            "base64 split by a blank (`AA ==`): Knot wants each piece a multiple of 4 characters; BIND and ldns join the pieces and accept it, as zoneaudit does"),
        "30_KEY": .differs("base64 split by a blank (`AA ==`): accepted by BIND and ldns, refused by Knot"),
        "31_DNSKEY": .differs("base64 split by a blank (`AA ==`): accepted by BIND and ldns, refused by Knot"),
        "35_IPSECKEY": .differs(
            "algorithm 0 with a public key: Knot refuses it; BIND accepts it (RFC 4025 leaves the key field to the algorithm), as zoneaudit does"),
        "36_RRSIG": .differs(
            "line 33: a signature time after 2106 wraps modulo 2^32 (RFC 4034 section 3.2) and BIND accepts it; line 36: signer `a%` is a legal name; line 40: base64 split by a blank. Knot refuses all three"),
        "38_DHCID": .differs("base64 split by a blank (`AA ==`): accepted by BIND and ldns, refused by Knot"),
        "39_NSEC3": .differs(
            "KNOWN RDATA DEFECT (the RDATA encoder, rdata branch): next-hashed-owner base32hex `12`, `1234`, `12345`, `1234567` is accepted (its trailing bits are dropped); Knot, BIND and ldns reject it. Reported in the parser's final report"),
        "42_LOC": .differs(
            "latitude 90 59 59.999 S (line 18) is beyond the pole and all-zero LOC octets (lines 34-35) decode to a latitude beyond the pole: BIND rejects both (its LOC range checks), as zoneaudit does; Knot accepts them"),
        "47_L64": .differs(
            "a locator group of three hex digits (`0000:0000:0000:000`) is read as 0x0000 by the RDATA encoder, as BIND 9.18 does; Knot wants four digits"),
        "50_CDNSKEY": .differs("base64 split by a blank (`AA ==`): accepted by BIND and ldns, refused by Knot"),
        "52_CAA": .differs("an empty CAA tag (line 14): RFC 8659 section 4.1 requires at least one character; BIND rejects it, as zoneaudit does; Knot accepts it"),
        "57_SVCB": .differs(
            "`key65535` (lines 27-30) is reserved as the invalid key (RFC 9460 section 14.3.2) and the RDATA encoder refuses it (Knot and BIND 9.18 accept it); `alpn=a\\\\...` escapes (lines 71-74) are read as BIND 9.18 reads them (Knot refuses them). KNOWN RDATA DEFECT: `PORT=0` (line 59) is accepted as `port`; Knot and BIND refuse upper-case key names. Reported in the parser's final report"),
        "58_HTTPS": .differs("`key65535` is reserved as the invalid key (RFC 9460 section 14.3.2): refused by zoneaudit, accepted by Knot"),
        "59_WALLET": .notAParserCase(
            "WALLET (TYPE262) is newer than ldns 1.8.3 and the model's type table: the mnemonic is an unknown type (the TYPE262 \\# form parses)"),
        "60_DSYNC": .notAParserCase("DSYNC (TYPE66) is newer than ldns 1.8.3 and the model's type table: unknown mnemonic"),
        "61_RESINFO": .notAParserCase("RESINFO (TYPE261) is newer than ldns 1.8.3 and the model's type table: unknown mnemonic"),
        "62_ALIAS": .notAParserCase("ALIAS (TYPE65401) is a Knot-private type: unknown mnemonic"),
        "63_DELEG": .notAParserCase("DELEG and DELEGPARAM are drafts newer than ldns 1.8.3: unknown mnemonics"),
    ]
}
