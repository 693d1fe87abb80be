// Typed views of the RDATA that analysis needs. Each returns nil when the
// record is of another type or its RDATA is malformed.

public struct SOAData: Hashable, Sendable {
    public var mname: DomainName
    public var rname: DomainName
    public var serial: UInt32
    public var refresh: UInt32
    public var retry: UInt32
    public var expire: UInt32
    public var minimum: UInt32
}

public struct MXData: Hashable, Sendable {
    public var preference: UInt16
    public var exchange: DomainName
}

public struct SRVData: Hashable, Sendable {
    public var priority: UInt16
    public var weight: UInt16
    public var port: UInt16
    public var target: DomainName
}

public struct DSData: Hashable, Sendable {
    public var keyTag: UInt16
    public var algorithm: UInt8
    public var digestType: UInt8
    public var digest: [UInt8]
}

public struct DNSKEYData: Hashable, Sendable {
    public var flags: UInt16
    public var protocolValue: UInt8
    public var algorithm: UInt8
    public var publicKey: [UInt8]

    public var isZoneKey: Bool { flags & 0x0100 != 0 }
    public var isSecureEntryPoint: Bool { flags & 0x0001 != 0 }
    public var isRevoked: Bool { flags & 0x0080 != 0 }
}

public struct RRSIGData: Hashable, Sendable {
    public var typeCovered: RRType
    public var algorithm: UInt8
    public var labels: UInt8
    public var originalTTL: UInt32
    public var expiration: UInt32
    public var inception: UInt32
    public var keyTag: UInt16
    public var signerName: DomainName
    public var signature: [UInt8]
}

public struct NSECData: Hashable, Sendable {
    public var nextName: DomainName
    public var types: [RRType]
}

public struct NSEC3Data: Hashable, Sendable {
    public var hashAlgorithm: UInt8
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]
    public var nextHashedOwner: [UInt8]
    public var types: [RRType]

    public var isOptOut: Bool { flags & 0x01 != 0 }
}

public struct NSEC3PARAMData: Hashable, Sendable {
    public var hashAlgorithm: UInt8
    public var flags: UInt8
    public var iterations: UInt16
    public var salt: [UInt8]
}

public struct ZONEMDData: Hashable, Sendable {
    public var serial: UInt32
    public var scheme: UInt8
    public var hashAlgorithm: UInt8
    public var digest: [UInt8]
}

extension Record {
    /// The single name target of NS, CNAME, DNAME and PTR records.
    public var nameTarget: DomainName? {
        switch type {
        case .ns, .cname, .dname, .ptr, .md, .mf, .mb, .mg, .mr:
            var reader = RDataReader(rdata)
            return reader.name()
        default:
            return nil
        }
    }

    /// The host a record points at: NS/CNAME/DNAME/PTR target, MX exchange,
    /// SRV target, KX/AFSDB/RT host, SVCB/HTTPS target.
    public var target: DomainName? { Record.target(type: type, rdata: rdata[...]) }

    /// `target` of RDATA of `type` held anywhere (a record, or the compact
    /// table the checks read without building records): the name at the
    /// type's target offset; an SRV holds nothing after it.
    static func target(type: RRType, rdata: ArraySlice<UInt8>) -> DomainName? {
        rdata.withUnsafeBufferPointer { bytes in
            targetRange(type: type, rdata: bytes).map { DomainName(uncheckedWire: Array(bytes[$0])) }
        }
    }

    /// Where `target(type:rdata:)` finds the target in `rdata`: the valid
    /// name at the type's target offset (which ends an SRV's RDATA); nil
    /// for a type without one or RDATA without a valid name there.
    static func targetRange(type: RRType, rdata: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let offset: Int
        switch type {
        case .mx, .kx, .afsdb, .rt, .svcb, .https: offset = 2
        case .srv: offset = 6
        case .ns, .cname, .dname, .ptr, .md, .mf, .mb, .mg, .mr: offset = 0
        default: return nil
        }
        guard offset < rdata.count, let length = DomainName.wireLength(of: rdata, at: offset),
              type != .srv || offset + length == rdata.count else { return nil }
        return offset..<(offset + length)
    }

    /// The four or sixteen octets of an A or AAAA record.
    public var address: [UInt8]? {
        switch type {
        case .a where rdata.count == 4, .aaaa where rdata.count == 16: rdata
        default: nil
        }
    }

    public var soa: SOAData? {
        guard type == .soa else { return nil }
        var reader = RDataReader(rdata)
        guard let mname = reader.name(), let rname = reader.name(),
              let serial = reader.uint32(), let refresh = reader.uint32(), let retry = reader.uint32(),
              let expire = reader.uint32(), let minimum = reader.uint32(), reader.isAtEnd else { return nil }
        return SOAData(mname: mname, rname: rname, serial: serial, refresh: refresh,
                       retry: retry, expire: expire, minimum: minimum)
    }

    public var mx: MXData? {
        guard type == .mx else { return nil }
        var reader = RDataReader(rdata)
        guard let preference = reader.uint16(), let exchange = reader.name(), reader.isAtEnd else { return nil }
        return MXData(preference: preference, exchange: exchange)
    }

    public var srv: SRVData? {
        guard type == .srv else { return nil }
        var reader = RDataReader(rdata)
        guard let priority = reader.uint16(), let weight = reader.uint16(), let port = reader.uint16(),
              let target = reader.name(), reader.isAtEnd else { return nil }
        return SRVData(priority: priority, weight: weight, port: port, target: target)
    }

    /// DS, CDS, DLV and TA share one layout.
    public var ds: DSData? {
        guard type == .ds || type == .cds || type == .dlv || type == .ta else { return nil }
        var reader = RDataReader(rdata)
        guard let keyTag = reader.uint16(), let algorithm = reader.uint8(),
              let digestType = reader.uint8() else { return nil }
        return DSData(keyTag: keyTag, algorithm: algorithm, digestType: digestType, digest: reader.rest())
    }

    /// DNSKEY, CDNSKEY and KEY share one layout.
    public var dnskey: DNSKEYData? {
        guard type == .dnskey || type == .cdnskey || type == .key else { return nil }
        var reader = RDataReader(rdata)
        guard let flags = reader.uint16(), let protocolValue = reader.uint8(),
              let algorithm = reader.uint8() else { return nil }
        return DNSKEYData(flags: flags, protocolValue: protocolValue, algorithm: algorithm, publicKey: reader.rest())
    }

    public var rrsig: RRSIGData? {
        guard type == .rrsig else { return nil }
        var reader = RDataReader(rdata)
        guard let covered = reader.uint16(), let algorithm = reader.uint8(), let labels = reader.uint8(),
              let originalTTL = reader.uint32(), let expiration = reader.uint32(),
              let inception = reader.uint32(), let keyTag = reader.uint16(),
              let signer = reader.name() else { return nil }
        return RRSIGData(typeCovered: RRType(covered), algorithm: algorithm, labels: labels,
                         originalTTL: originalTTL, expiration: expiration, inception: inception,
                         keyTag: keyTag, signerName: signer, signature: reader.rest())
    }

    public var nsec: NSECData? {
        guard type == .nsec else { return nil }
        var reader = RDataReader(rdata)
        guard let next = reader.name(), let types = TypeBitmap.decode(reader.rest()) else { return nil }
        return NSECData(nextName: next, types: types)
    }

    public var nsec3: NSEC3Data? {
        guard type == .nsec3 else { return nil }
        var reader = RDataReader(rdata)
        guard let algorithm = reader.uint8(), let flags = reader.uint8(), let iterations = reader.uint16(),
              let salt = reader.characterString(), let next = reader.characterString(), !next.isEmpty,
              let types = TypeBitmap.decode(reader.rest()) else { return nil }
        return NSEC3Data(hashAlgorithm: algorithm, flags: flags, iterations: iterations, salt: salt,
                         nextHashedOwner: next, types: types)
    }

    public var nsec3param: NSEC3PARAMData? {
        guard type == .nsec3param else { return nil }
        var reader = RDataReader(rdata)
        guard let algorithm = reader.uint8(), let flags = reader.uint8(), let iterations = reader.uint16(),
              let salt = reader.characterString(), reader.isAtEnd else { return nil }
        return NSEC3PARAMData(hashAlgorithm: algorithm, flags: flags, iterations: iterations, salt: salt)
    }

    public var zonemd: ZONEMDData? {
        guard type == .zonemd else { return nil }
        var reader = RDataReader(rdata)
        guard let serial = reader.uint32(), let scheme = reader.uint8(),
              let hash = reader.uint8() else { return nil }
        return ZONEMDData(serial: serial, scheme: scheme, hashAlgorithm: hash, digest: reader.rest())
    }
}
