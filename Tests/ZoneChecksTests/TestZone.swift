import ZoneModel
import ZoneChecks

/// Builds zones from records in memory for the unit tests (no parser):
/// names are relative to the origin unless they end in a dot, `@` is the
/// origin, and every record gets the next line of a pretend file `test.zone`.
struct TestZone {
    let origin: DomainName
    private(set) var records: [Record] = []

    init(_ origin: String = "example.com.") {
        self.origin = try! DomainName(origin)
    }

    /// A zone with the usual apex: SOA, NS ns1 and its address.
    static func standard(_ origin: String = "example.com.") -> TestZone {
        var zone = TestZone(origin)
        zone.soa("@")
        zone.ns("@", "ns1")
        zone.a("ns1", "192.0.2.1")
        return zone
    }

    func name(_ text: String) -> DomainName { try! DomainName(text, origin: origin) }

    /// The line the next record will get.
    var nextLine: Int { records.count + 1 }

    mutating func add(_ owner: String, _ type: RRType, _ rdata: [UInt8], ttl: UInt32 = 3600) {
        records.append(Record(
            owner: name(owner), type: type, ttl: ttl, rdata: rdata,
            location: SourceLocation(file: "test.zone", line: records.count + 1, column: 1)))
    }

    mutating func soa(_ owner: String, serial: UInt32 = 1) {
        var rdata = name("ns1").wire + name("hostmaster").wire
        for value in [serial, 3600, 600, 86400, 300] as [UInt32] { rdata.appendUInt32(value) }
        add(owner, .soa, rdata)
    }

    mutating func ns(_ owner: String, _ target: String) { add(owner, .ns, name(target).wire) }
    mutating func cname(_ owner: String, _ target: String) { add(owner, .cname, name(target).wire) }
    mutating func dname(_ owner: String, _ target: String) { add(owner, .dname, name(target).wire) }

    mutating func a(_ owner: String, _ address: String) {
        add(owner, .a, address.split(separator: ".").map { UInt8($0)! })
    }

    /// AAAA from eight full groups or `::n` (enough for tests).
    mutating func aaaa(_ owner: String, _ lastGroup: UInt16 = 1) {
        var rdata: [UInt8] = [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 10)
        rdata.appendUInt16(lastGroup)
        add(owner, .aaaa, rdata)
    }

    mutating func mx(_ owner: String, _ preference: UInt16, _ exchange: String) {
        var rdata: [UInt8] = []
        rdata.appendUInt16(preference)
        add(owner, .mx, rdata + name(exchange).wire)
    }

    mutating func srv(_ owner: String, _ target: String, port: UInt16 = 443) {
        var rdata: [UInt8] = []
        rdata.appendUInt16(0)
        rdata.appendUInt16(0)
        rdata.appendUInt16(port)
        add(owner, .srv, rdata + name(target).wire)
    }

    mutating func txt(_ owner: String, _ strings: String..., type: RRType = .txt) {
        var rdata: [UInt8] = []
        for string in strings {
            rdata.append(UInt8(string.utf8.count))
            rdata.append(contentsOf: string.utf8)
        }
        add(owner, type, rdata)
    }

    mutating func ds(_ owner: String, keyTag: UInt16 = 12345, digestType: UInt8 = 2, digestLength: Int = 32) {
        var rdata: [UInt8] = []
        rdata.appendUInt16(keyTag)
        rdata.append(13)
        rdata.append(digestType)
        rdata.append(contentsOf: Array(repeating: 0xAB, count: digestLength))
        add(owner, .ds, rdata)
    }

    /// An RRSIG covering `covered`; the signature bytes do not matter here.
    mutating func rrsig(_ owner: String, covering covered: RRType) {
        var rdata: [UInt8] = []
        rdata.appendUInt16(covered.rawValue)
        rdata.append(13)
        rdata.append(UInt8(name(owner).labelCount))
        for value in [3600, 2_000_000_000, 1_900_000_000] as [UInt32] { rdata.appendUInt32(value) }
        rdata.appendUInt16(12345)
        add(owner, .rrsig, rdata + origin.wire + [1, 2, 3, 4])
    }

    mutating func nsec(_ owner: String, next: String, types: [RRType]) {
        add(owner, .nsec, name(next).wire + TypeBitmap.encode(types))
    }

    mutating func nsec3(_ owner: String, types: [RRType]) {
        let rdata: [UInt8] = [1, 0, 0, 0, 0, 20] + Array(repeating: 0x11, count: 20) + TypeBitmap.encode(types)
        add(owner, .nsec3, rdata)
    }

    func build() -> Zone {
        var builder = ZoneBuilder(origin: origin)
        builder.append(contentsOf: records)
        return builder.build().zone
    }

    func check(_ options: ZoneCheckOptions = ZoneCheckOptions()) -> [Finding] {
        ZoneChecker.check(zone: build(), options: options)
    }
}

extension [Finding] {
    func with(_ rule: ZoneCheckRule) -> [Finding] { filter { $0.rule == rule.id } }
    func count(of rule: ZoneCheckRule) -> Int { with(rule).count }
    var ruleIDs: Set<String> { Set(map(\.rule.rawValue)) }
    var errors: [Finding] { filter { $0.level == .error } }
}
