import ZoneModel

/// Zone texts served by NSD in the tests: fully qualified, one record a
/// line, so ldns can read the expectation from the same text.
enum TestZones {
    static let origin = TestRecords.name("example.")

    static func child(serial: UInt32 = 2024010101, extra: String = "", ns2: String = "ns2.example.",
                      withDS: Bool = true) -> String {
        """
        example. 3600 IN SOA ns1.example. hostmaster.example. \(serial) 7200 3600 1209600 300
        example. 3600 IN NS ns1.example.
        example. 3600 IN NS \(ns2)
        example. 3600 IN MX 10 mail.example.
        example. 3600 IN TXT "v=spf1 mx -all"
        ns1.example. 3600 IN A 127.0.0.10
        ns2.example. 3600 IN A 127.0.0.11
        ns2.example. 3600 IN AAAA 2001:db8::53
        mail.example. 3600 IN A 192.0.2.25
        www.example. 300 IN A 192.0.2.80
        www.example. 300 IN AAAA 2001:db8::80
        _sip._tcp.example. 3600 IN SRV 10 60 5060 sip.example.
        sip.example. 3600 IN CNAME www.example.
        sub.example. 3600 IN NS ns.sub.example.
        sub.example. 3600 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118
        ns.sub.example. 3600 IN A 192.0.2.53
        \(withDS ? "" : ";")sub.example. 3600 IN DS 60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A
        \(extra)
        """
    }

    /// A zone large enough to need several AXFR messages (64 KiB each at most).
    static func large(records: Int) -> String {
        var text = "big.example. 3600 IN SOA ns1.big.example. hostmaster.big.example. 1 7200 3600 1209600 300\n"
            + "big.example. 3600 IN NS ns1.big.example.\nns1.big.example. 3600 IN A 127.0.0.10\n"
        for index in 0..<records {
            text += "r\(index).big.example. 3600 IN TXT \"record \(index) padding padding padding padding padding\"\n"
        }
        return text
    }

    /// RFC 4034 section 5.4: a DNSKEY and its DS (SHA-1), and RFC 4509's SHA-256 DS of it.
    static let dnskey = "dskey.example.com. 86400 IN DNSKEY 256 3 5 AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw=="
    static let dsSHA1 = "dskey.example.com. 86400 IN DS 60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118"
    static let dsSHA256 = "dskey.example.com. 86400 IN DS 60485 5 2 D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"

    /// The parent zone `example.com.`, delegating `dskey.example.com.`.
    static func parent(ns: [String] = ["ns1.dskey.example.com.", "ns2.dskey.example.com."],
                       glue1: String = "192.0.2.1", ds: [String] = [dsSHA1], delegate: Bool = true) -> String {
        var text = """
        example.com. 3600 IN SOA ns.example.com. hostmaster.example.com. 1 7200 3600 1209600 300
        example.com. 3600 IN NS ns.example.com.
        ns.example.com. 3600 IN A 127.0.0.1

        """
        guard delegate else { return text }
        for target in ns { text += "dskey.example.com. 3600 IN NS \(target)\n" }
        text += "ns1.dskey.example.com. 3600 IN A \(glue1)\nns2.dskey.example.com. 3600 IN A 192.0.2.2\n"
        for record in ds { text += record + "\n" }
        return text
    }

    /// The child `dskey.example.com.` as its baseline has it.
    static let childBaseline = """
        dskey.example.com. 3600 IN SOA ns1.dskey.example.com. hostmaster.dskey.example.com. 1 7200 3600 1209600 300
        dskey.example.com. 3600 IN NS ns1.dskey.example.com.
        dskey.example.com. 3600 IN NS ns2.dskey.example.com.
        ns1.dskey.example.com. 3600 IN A 192.0.2.1
        ns2.dskey.example.com. 3600 IN A 192.0.2.2
        \(dnskey)
        """
}
