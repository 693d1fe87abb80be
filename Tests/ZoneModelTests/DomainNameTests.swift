import Testing
@testable import ZoneModel

@Suite struct DomainNameTests {
    @Test func parsesAbsoluteAndRelativeNames() throws {
        let origin = try DomainName("example.com.")
        #expect(try DomainName("www", origin: origin).presentation == "www.example.com.")
        #expect(try DomainName("@", origin: origin) == origin)
        #expect(try DomainName(".").isRoot)
        #expect(try DomainName("WWW.Example.COM.") == DomainName("www.example.com."))
        #expect(throws: NameError.relativeWithoutOrigin) { try DomainName("www") }
        #expect(throws: NameError.emptyLabel) { try DomainName("a..b.") }
    }

    @Test func enforcesLimits() {
        let label63 = String(repeating: "a", count: 63)
        #expect((try? DomainName("\(label63).")) != nil)
        #expect(throws: NameError.labelTooLong) { try DomainName("\(label63)a.") }
        // 4 labels of 63 + root = 4*64+1 = 257 > 255.
        let long = Array(repeating: label63, count: 4).joined(separator: ".") + "."
        #expect(throws: NameError.nameTooLong) { try DomainName(long) }
        let fits = Array(repeating: label63, count: 3).joined(separator: ".") + "." + String(repeating: "b", count: 61) + "."
        #expect((try? DomainName(fits))?.wire.count == 255)
    }

    @Test func escapesRoundTrip() throws {
        let name = try DomainName(#"a\.b\032c\\.example."#)
        #expect(name.labels.first.map(Array.init) == Array("a.b c\\".utf8))
        #expect(name.presentation == #"a\.b\032c\\.example."#)
        #expect(try DomainName(name.presentation) == name)
        #expect(throws: NameError.badEscape) { try DomainName(#"a\25.example."#) }
        #expect(throws: NameError.badEscape) { try DomainName(#"a\256.example."#) }
    }

    @Test func canonicalOrderMatchesRFC4034Example() throws {
        // RFC 4034 section 6.1, the example list in canonical order.
        let ordered = [
            "example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.",
            "zABC.a.EXAMPLE.", "z.example.", #"\001.z.example."#, "*.z.example.", #"\200.z.example."#,
        ].map { try! DomainName($0) }
        #expect(ordered.shuffled().sorted() == ordered)
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            #expect(earlier < later)
            #expect(!(later < earlier))
        }
    }

    /// The octet comparisons run eight octets at a time then one by one:
    /// every length up to 20 and a difference at every position.
    @Test func octetComparisonsFindEveryDifference() {
        for count in 0...20 {
            let upper = (0..<count).map { UInt8(ascii: "A") + UInt8($0 % 26) }
            let lower = upper.map { $0 | 0x20 }
            upper.withUnsafeBufferPointer { upper in
                lower.withUnsafeBufferPointer { lower in
                    #expect(DomainName.equalIgnoringCase(upper, lower), "\(count)")
                    #expect(count == 0 || !memoryEqual(upper.baseAddress!, lower.baseAddress!, count), "\(count)")
                    #expect(memoryEqual(lower.baseAddress ?? UnsafePointer(bitPattern: 1)!, lower.baseAddress ?? UnsafePointer(bitPattern: 1)!, count))
                }
            }
            for position in 0..<count {
                var other = lower
                other[position] = UInt8(ascii: "0")
                other.withUnsafeBufferPointer { other in
                    upper.withUnsafeBufferPointer { upper in
                        lower.withUnsafeBufferPointer { lower in
                            #expect(!DomainName.equalIgnoringCase(upper, other), "\(count) at \(position)")
                            #expect(!memoryEqual(lower.baseAddress!, other.baseAddress!, count), "\(count) at \(position)")
                        }
                    }
                }
            }
        }
    }

    @Test func subdomainsAndParents() throws {
        let zone = try DomainName("example.com.")
        #expect(try DomainName("a.b.EXAMPLE.com.").isSubdomain(of: zone))
        #expect(!(try DomainName("badexample.com.").isSubdomain(of: zone)))
        #expect(zone.isSubdomain(of: zone))
        #expect(!zone.isStrictSubdomain(of: zone))
        // Suffixes longer than eight octets are compared eight at a time:
        // another octet anywhere makes another name, another case does not.
        let long = try DomainName("Mail.Department.Example-Company.CO.uk.")
        for suffixText in ["department.example-company.co.uk.", "DEPARTMENT.EXAMPLE-COMPANY.CO.UK.", "example-company.co.uk."] {
            #expect(long.isSubdomain(of: try DomainName(suffixText)), "\(suffixText)")
        }
        let suffix = "department.example-company.co.uk."
        for position in suffix.indices where suffix[position] != "." {
            var changed = suffix
            changed.replaceSubrange(position...position, with: suffix[position] == "x" ? "y" : "x")
            #expect(!long.isSubdomain(of: try DomainName(changed)), "\(changed)")
        }
        #expect(!(try DomainName("a.\\195\\169xample.com.").isSubdomain(of: try DomainName("\\227\\169xample.com."))))
        #expect(try DomainName("a.\\195\\169xample.com.").isSubdomain(of: try DomainName("\\195\\169XAMPLE.com.")))
        #expect(try DomainName("a.example.com.").parent == zone)
        #expect(try DomainName("*.example.com.").isWildcard)
        #expect(try DomainName("a.b.example.com.").suffix(labels: 2) == zone)
        #expect(try DomainName("a.b.example.com.").labelCount == 4)
    }
}

@Suite struct RRTypeTests {
    @Test func mnemonicsAndGenericForms() {
        #expect(RRType(mnemonic: "aaaa") == .aaaa)
        #expect(RRType(mnemonic: "NSAP-PTR") == .nsapPtr)
        #expect(RRType(mnemonic: "nsec3param") == .nsec3param)
        #expect(RRType(mnemonic: "TYPE65534")?.rawValue == 65534)
        #expect(RRType(mnemonic: "type1") == .a)
        #expect(RRType(mnemonic: "TYPE65536") == nil)
        #expect(RRType(mnemonic: "BOGUS") == nil)
        #expect(RRType(65280).mnemonic == "TYPE65280")
        #expect(RRClass(mnemonic: "in") == .in)
        #expect(RRClass(mnemonic: "CLASS32") == RRClass(32))
        #expect(RRClass(32).mnemonic == "CLASS32")
    }

    @Test func typeBitmapRoundTrips() {
        let types: [RRType] = [.a, .ns, .soa, .mx, .rrsig, .nsec, .dnskey, .caa, RRType(1234)]
        let encoded = TypeBitmap.encode(types)
        #expect(TypeBitmap.decode(encoded) == types.sorted())
        // RFC 4034 section 4.3 example: A MX RRSIG NSEC TYPE1234.
        let example: [UInt8] = [0x00, 0x06, 0x40, 0x01, 0x00, 0x00, 0x00, 0x03,
                                0x04, 0x1b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                0x00, 0x00, 0x00, 0x00, 0x20]
        #expect(TypeBitmap.decode(example) == [.a, .mx, .rrsig, .nsec, RRType(1234)])
        #expect(TypeBitmap.encode([.a, .mx, .rrsig, .nsec, RRType(1234)]) == example)
    }
}

@Suite struct ZoneBuilderTests {
    private func record(_ owner: String, _ type: RRType, _ rdata: [UInt8], ttl: UInt32 = 300) -> Record {
        Record(owner: try! DomainName(owner), type: type, ttl: ttl, rdata: rdata)
    }

    @Test func groupsSortsAndDeduplicates() throws {
        let origin = try DomainName("example.")
        var builder = ZoneBuilder(origin: origin)
        builder.append(record("b.example.", .a, [192, 0, 2, 2]))
        builder.append(record("A.example.", .a, [192, 0, 2, 1]))
        builder.append(record("a.example.", .a, [192, 0, 2, 1]))
        builder.append(record("a.example.", .a, [192, 0, 2, 0], ttl: 60))
        builder.append(record("other.", .a, [192, 0, 2, 9]))
        builder.append(record("sub.example.", .ns, try DomainName("ns.sub.example.").wire))
        builder.append(record("ns.sub.example.", .a, [192, 0, 2, 53]))
        let (zone, findings) = builder.build()
        #expect(zone.rrsets.map(\.owner.presentation) == ["a.example.", "b.example.", "sub.example.", "ns.sub.example."])
        #expect(zone.rrsets[0].records.map(\.rdata) == [[192, 0, 2, 0], [192, 0, 2, 1]])
        #expect(Set(findings.map(\.rule)) == ["zone.duplicate-record", "zone.out-of-zone", "zone.ttl-mismatch"])
        #expect(zone.cuts == [try DomainName("sub.example.")])
        #expect(zone.kind(of: try DomainName("ns.sub.example.")) == .belowCut(try DomainName("sub.example.")))
        #expect(zone.kind(of: try DomainName("sub.example.")) == .delegation)
        #expect(zone.kind(of: origin) == .apex)
        #expect(zone.kind(of: try DomainName("b.example.")) == .authoritative)
    }

    @Test func canonicalRDataLowersEmbeddedNames() throws {
        let mx = Record(owner: try DomainName("example."), type: .mx, ttl: 1, rdata: [0, 10] + (try DomainName("MAIL.Example.")).wire)
        #expect(mx.canonicalRData == [0, 10] + (try DomainName("mail.example.")).wire)
        #expect(mx.mx?.exchange == (try DomainName("mail.example.")))
        let txt = Record(owner: try DomainName("example."), type: .txt, ttl: 1, rdata: [3] + Array("ABC".utf8))
        #expect(txt.canonicalRData == txt.rdata)
    }
}

@Suite struct RootZoneOrderTests {
    /// The root's sort key is empty; it must still sort before every other
    /// name and never be grouped with the name whose key follows it.
    @Test func rootZoneGroupsItsApexApart() throws {
        var builder = ZoneBuilder(origin: .root)
        let ac = try DomainName("ac.")
        builder.append(Record(owner: ac, type: .ns, ttl: 1, rdata: try DomainName("ns.ac.").wire))
        builder.append(Record(owner: .root, type: .soa, ttl: 1, rdata: (try DomainName("a.root.")).wire + (try DomainName("b.root.")).wire + [UInt8](repeating: 0, count: 20)))
        builder.append(Record(owner: ac, type: .nsec, ttl: 1, rdata: try DomainName("ad.").wire + [0, 1, 0x20]))
        builder.append(Record(owner: .root, type: .ns, ttl: 1, rdata: try DomainName("a.root.").wire))
        let (zone, _) = builder.build()
        #expect(zone.rrsets.map(\.owner) == [.root, .root, ac, ac])
        #expect(zone.rrsets.map(\.type) == [.ns, .soa, .ns, .nsec])
    }
}

@Suite struct DomainNameHashTests {
    @Test func equalNamesInAnyCaseHashAlike() throws {
        let names = ["Example.COM.", "example.com.", "EXAMPLE.com."].map { try! DomainName($0) }
        #expect(Set(names.map(\.hashValue)).count == 1)
        #expect(Set(names).count == 1)
        var table: [DomainName: Int] = [:]
        table[try DomainName("WWW.example.")] = 1
        #expect(table[try DomainName("www.EXAMPLE.")] == 1)
        #expect(table[try DomainName("www2.example.")] == nil)
    }
}
