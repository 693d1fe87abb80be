@testable import DNSSEC
import LDNS
import Foundation
import Testing
import ZoneModel
import ZoneParser

/// Opt-in measurement, not a test of speed (nothing here asserts a time):
/// `ZONEAUDIT_DNSSEC_BENCH=/path/zone.signed,origin.,YYYYMMDDHHMMSS swift test -c release ...`
/// prints wall and CPU seconds of the validation at 1 and 2 jobs.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ZONEAUDIT_DNSSEC_BENCH"] != nil, "set ZONEAUDIT_DNSSEC_BENCH to run"))
struct ValidationBenchmark {
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    @Test func measure() throws {
        let setting = try #require(ProcessInfo.processInfo.environment["ZONEAUDIT_DNSSEC_BENCH"])
        let parts = setting.split(separator: ",").map(String.init)
        try #require(parts.count == 3)
        let loadClock = ContinuousClock()
        let loadStart = loadClock.now
        let loaded = ZoneLoader.loadZone(path: parts[0], options: ParseOptions(origin: try DomainName(parts[1])))
        let zone = try #require(loaded.zone)
        let time = try #require(DNSSECTime.parse(parts[2]))
        print("zone: \(zone.recordCount) records, loaded by ZoneLoader in \(loadClock.now - loadStart)")
        var reports: [DNSSECReport] = []
        for jobs in [1, 2] {
            let clock = ContinuousClock()
            let cpu = ValidationBenchmark.cpuSeconds()
            let start = clock.now
            let report = DNSSECValidator(options: DNSSECOptions(validationTime: time, jobs: jobs)).validate(zone)
            let wall = clock.now - start
            print("jobs \(jobs): wall \(wall), cpu \(String(format: "%.2f", ValidationBenchmark.cpuSeconds() - cpu)) s, "
                  + "RRSIGs \(report.summary.signatures), verified \(report.summary.signaturesVerified), valid \(report.isValid)")
            reports.append(report)
        }
        #expect(reports[0].findings == reports[1].findings)

        // One signature verified repeatedly on one thread: the per-call cost
        // of the ldns/OpenSSL path, to set against `openssl speed`.
        let keys = try #require(zone.rrset(zone.origin, .dnskey))
        let signatures = try #require(zone.rrset(zone.origin, .rrsig)).records.compactMap { record -> (Record, RRSIGData)? in
            guard let data = record.rrsig, data.typeCovered == .soa else { return nil }
            return (record, data)
        }
        let (record, rrsig) = try #require(signatures.first)
        let soa = try #require(zone.rrset(zone.origin, .soa))
        var builder = SignedDataBuilder()
        let built = builder.build(rrsigRData: record.rdata, over: soa)
        #expect(built)
        let data = builder.bytes
        let dnskey = try #require(keys.records.first { LDNSVerificationKey.keyTag(dnskeyRData: $0.rdata) == rrsig.keyTag }?.dnskey)
        let key = try LDNSVerificationKey(algorithm: dnskey.algorithm, publicKey: dnskey.publicKey)
        let rounds = 20_000
        let cpu = ValidationBenchmark.cpuSeconds()
        for _ in 0..<rounds { _ = key.verify(signature: rrsig.signature, signedData: data) }
        let perCall = (ValidationBenchmark.cpuSeconds() - cpu) / Double(rounds)
        print("single-thread verify: \(String(format: "%.1f", perCall * 1e6)) us CPU per call, \(String(format: "%.0f", 1 / perCall))/s")
    }
}
