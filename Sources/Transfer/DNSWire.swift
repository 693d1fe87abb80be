import ZoneModel

/// Byte-level reading of DNS messages where ldns's parse loses what TSIG
/// needs: the exact octets and the offset at which the last record starts.
enum DNSWire {
    static let headerSize = 12
    static let arcountOffset = 10

    static func uint16(_ wire: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(wire[offset]) << 8 | UInt16(wire[offset + 1])
    }

    static func setUInt16(_ wire: inout [UInt8], _ offset: Int, _ value: UInt16) {
        wire[offset] = UInt8(value >> 8)
        wire[offset + 1] = UInt8(value & 0xFF)
    }

    /// The offset just past the (possibly compressed) name at `offset`, or nil.
    static func skipName(_ wire: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index < wire.count {
            let length = wire[index]
            if length == 0 { return index + 1 }
            if length & 0xC0 == 0xC0 { return index + 2 <= wire.count ? index + 2 : nil }
            if length & 0xC0 != 0 { return nil }
            index += 1 + Int(length)
        }
        return nil
    }

    /// Reads a name at `offset`, following compression pointers (backwards
    /// only, so a loop is impossible). Returns the name and the offset past it.
    static func readName(_ wire: [UInt8], from offset: Int) -> (name: DomainName, end: Int)? {
        var labels: [UInt8] = []
        var index = offset
        var end: Int?
        var limit = offset
        while index < wire.count {
            let length = wire[index]
            if length == 0 {
                labels.append(0)
                guard let name = try? DomainName(wire: labels) else { return nil }
                return (name, end ?? index + 1)
            }
            if length & 0xC0 == 0xC0 {
                guard index + 1 < wire.count else { return nil }
                let target = Int(length & 0x3F) << 8 | Int(wire[index + 1])
                if end == nil { end = index + 2 }
                guard target < limit else { return nil }
                limit = target
                index = target
                continue
            }
            guard length & 0xC0 == 0, index + 1 + Int(length) <= wire.count else { return nil }
            labels.append(contentsOf: wire[index...(index + Int(length))])
            guard labels.count <= 255 else { return nil }
            index += 1 + Int(length)
        }
        return nil
    }

    /// Start and end offsets of the last record of the message (the last one
    /// of the additional section), walking every section; nil when the message
    /// is malformed, has no additional record, or has octets after its records.
    static func lastAdditionalRecord(_ wire: [UInt8]) -> (start: Int, end: Int)? {
        guard wire.count >= headerSize else { return nil }
        let questions = Int(uint16(wire, 4))
        let records = Int(uint16(wire, 6)) + Int(uint16(wire, 8)) + Int(uint16(wire, 10))
        guard uint16(wire, 10) > 0 else { return nil }
        var index = headerSize
        for _ in 0..<questions {
            guard let next = skipName(wire, from: index), next + 4 <= wire.count else { return nil }
            index = next + 4
        }
        var lastStart = index
        for _ in 0..<records {
            lastStart = index
            guard let next = skipName(wire, from: index), next + 10 <= wire.count else { return nil }
            let length = Int(uint16(wire, next + 8))
            guard next + 10 + length <= wire.count else { return nil }
            index = next + 10 + length
        }
        guard index == wire.count else { return nil }
        return (lastStart, index)
    }
}
