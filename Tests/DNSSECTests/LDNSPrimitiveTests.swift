import DNSSEC
import Foundation
import LDNS
import Testing
import ZoneModel

/// The ldns wrappers the validator relies on: key parsing, signature checks
/// without time, DS digests, NSEC3 hashes.
struct LDNSPrimitiveTests {
    @Test(arguments: [1 as UInt8, 3, 6, 12, 253])
    func unsupportedAlgorithmsAreRefused(algorithm: UInt8) {
        #expect(!LDNSVerificationKey.supports(algorithm: algorithm))
        #expect(throws: LDNSError.self) { try LDNSVerificationKey(algorithm: algorithm, publicKey: [1, 2, 3]) }
    }

    @Test(arguments: [(13 as UInt8, 10), (14, 96), (15, 31), (16, 12), (8, 0)])
    func malformedKeyMaterialIsRefused(algorithm: UInt8, length: Int) {
        #expect(throws: LDNSError.self) {
            try LDNSVerificationKey(algorithm: algorithm, publicKey: [UInt8](repeating: 0, count: length))
        }
    }

    @Test func wrongLengthECDSASignatureFailsCleanly() throws {
        // RFC 6605 6.1's key.
        let key = try LDNSVerificationKey(algorithm: 13, publicKey: Array(Data(base64Encoded:
            "GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==")!))
        if case .failed = key.verify(signature: [1, 2, 3], signedData: [0]) {} else { Issue.record("short signature accepted") }
        #expect(key.verify(signature: [UInt8](repeating: 1, count: 64), signedData: [0]) == .bogus)
    }

    @Test func dsDigestTypes() throws {
        let key = try #require(try TestZoneReader.records(fromText:
            "example.net. 3600 IN DNSKEY 257 3 13 GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==").first)
        for type: UInt8 in [1, 2, 4] {
            let ds = try LDNSDigest.dsRecord(for: key, digestType: type)
            #expect(ds.ds?.digest.count == [1: 20, 2: 32, 4: 48][type])
            #expect(ds.ds?.keyTag == 55648)
        }
        #expect(throws: LDNSError.self) { try LDNSDigest.dsRecord(for: key, digestType: 3) }
        // The owner's case does not change the digest.
        var upper = key
        upper.owner = try DomainName("EXAMPLE.NET.")
        #expect(try LDNSDigest.dsRecord(for: upper, digestType: 2).rdata == LDNSDigest.dsRecord(for: key, digestType: 2).rdata)
    }

    @Test func nsec3HashRejectsOtherAlgorithms() throws {
        #expect(throws: LDNSError.self) { try LDNSNSEC3Hash.hash(of: DomainName("example."), algorithm: 2, iterations: 0, salt: []) }
        #expect(LDNSNSEC3Hash.decodeBase32Hex(Array("not base32!".utf8)) == nil)
    }
}
