import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

/// A file parsed in regions on several threads must give exactly what one
/// pass gives: records with their locations, findings, format, includes.
@Suite("Parsing a file in regions")
struct RegionParseTests {
    /// Everything a parse result says, one line per fact.
    static func facts(_ result: ParseResult) -> [String] {
        var lines = ["format \(result.format.rawValue)", "origin \(result.origin.map(\.description) ?? "-")",
                     "stopped \(result.stoppedEarly)", "includes \(result.includedFiles)"]
        for index in 0..<result.table.count {
            let record = result.table.record(at: index)
            let location = record.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
            lines.append("\(key(record)) \(record.owner.description) @\(location)")
        }
        for finding in result.findings {
            let location = finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"
            lines.append("\(finding.rule) \(finding.severity) @\(location) \(finding.message) \(finding.owner?.description ?? "-") \(finding.type?.description ?? "-")")
        }
        return lines
    }

    /// Parses `path` in one pass and in regions of each size; returns how
    /// many regions were kept as parsed in parallel over all sizes.
    @discardableResult
    static func expectSameAsOnePass(
        _ path: String, regionSizes: [Int], jobs: Int = 3, configure: (inout ParseOptions) -> Void = { _ in },
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Int {
        var options = ParseOptions()
        configure(&options)
        options.jobs = 1
        let onePass = facts(ZoneFileParser.parse(path: path, options: options))
        options.jobs = jobs
        var joinedTotal = 0
        for size in regionSizes {
            var joined = 0
            let split = facts(ZoneFileParser.parse(path: path, options: options, regionBytes: size, joined: &joined))
            joinedTotal += joined
            guard split != onePass else { continue }
            let first = zip(split, onePass).first { $0 != $1 }
            Issue.record("\(path) in regions of \(size) bytes differs: \(first.map { "\($0.0)  vs  \($0.1)" } ?? "count \(split.count) vs \(onePass.count)")",
                         sourceLocation: sourceLocation)
        }
        return joinedTotal
    }

    /// As `expectSameAsOnePass(_:regionSizes:)`, for `text` written to a file.
    @discardableResult
    static func expectSameAsOnePass(
        text: String, regionSizes: [Int], configure: (inout ParseOptions) -> Void = { _ in },
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Int {
        let directory = TemporaryDirectory()
        let path = directory.write("regions.zone", text)
        return expectSameAsOnePass(path, regionSizes: regionSizes, configure: configure, sourceLocation: sourceLocation)
    }

    @Test("a zone with its directives at the top (and $GENERATE lines) is parsed in regions, all kept")
    func plainZoneUsesRegions() throws {
        var text = "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        for index in 0..<400 {
            text += "host\(index) IN A 10.0.\(index / 256).\(index % 256)\n"
            text += " IN TXT \"blank owner line \(index)\"\n"
            if index % 50 == 0 { text += "; a comment line\n\n" }
            if index % 70 == 0 { text += "$GENERATE 1-5 g\(index)-$ A 10.1.1.$\n" }
        }
        let joined = Self.expectSameAsOnePass(text: text, regionSizes: [300, 1000, 4096])
        #expect(joined > 30)
    }

    @Test("$ORIGIN and $TTL changes after the head: regions that guessed wrong are parsed again")
    func directivesAfterTheHead() throws {
        var text = "$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\nns1 A 192.0.2.1\n"
        for block in 0..<20 {
            text += "$ORIGIN sub\(block).example.com.\n"
            if block % 3 == 0 { text += "$TTL \(100 + block)\n" }
            for index in 0..<30 { text += "h\(index) A 10.\(block).0.\(index)\nc\(index) CNAME h\(index)\n" }
            text += "$ORIGIN example.com.\nafter\(block) MX 10 mail\n"
        }
        Self.expectSameAsOnePass(text: text, regionSizes: [200, 700, 3000])
    }

    @Test("no $TTL: the previous record's TTL is inherited across regions, with one warning")
    func previousTTLAcrossRegions() throws {
        var text = "example.com. 300 IN SOA ns1.example.com. h.example.com. 1 7200 3600 1209600 300\n"
        for index in 0..<300 {
            text += index % 7 == 0 ? "h\(index).example.com. \(60 + index) IN A 10.0.0.1\n" : "h\(index).example.com. IN A 10.0.0.2\n"
        }
        Self.expectSameAsOnePass(text: text, regionSizes: [150, 500, 2000])
    }

    @Test("every record with an absolute owner and a TTL: regions are kept though the previous TTL differs")
    func explicitTTLsKeepRegions() throws {
        var text = "example.com. 300 IN SOA ns1.example.com. h.example.com. 1 7200 3600 1209600 300\n"
        for index in 0..<300 { text += "h\(index).example.com. \(60 + index) IN A 10.0.0.1\n" }
        #expect(Self.expectSameAsOnePass(text: text, regionSizes: [400, 1500]) > 10)
    }

    @Test("parentheses across a region boundary, and a file cut inside parentheses at its end")
    func parenthesesAcrossBoundaries() throws {
        var text = "$ORIGIN example.com.\n$TTL 60\n@ SOA ns1 h (\n1\n7200\n3600\n1209600\n300 )\n@ NS ns1\n"
        for index in 0..<200 {
            text += "t\(index) TXT (\n\"part one\"\nx\(index)\n\"part three\" )\n"
            text += "a\(index) A 10.0.0.1\n"
        }
        text += "broken TXT ( \"never closed\"\nlast A 10.0.0.2\n"
        Self.expectSameAsOnePass(text: text, regionSizes: [90, 333, 1200])
    }

    @Test("errors in many regions: the same findings, and the error cap stops at the same place")
    func errorsAndCaps() throws {
        let directory = TemporaryDirectory()
        var text = "$ORIGIN example.com.\n$TTL 60\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\n"
        for index in 0..<300 {
            text += index % 13 == 0 ? "bad\(index) A 300.1.1.1\n" : "ok\(index) A 10.0.0.1\n"
            if index % 29 == 0 { text += "warn\(index) 4294967295 A 10.0.0.3\n" }
        }
        let path = directory.write("errors.zone", text)
        Self.expectSameAsOnePass(path, regionSizes: [250, 1000])
        Self.expectSameAsOnePass(path, regionSizes: [250, 1000]) { $0.maxErrors = 7 }
        Self.expectSameAsOnePass(path, regionSizes: [250, 1000]) { $0.maxWarnings = 3 }
        Self.expectSameAsOnePass(path, regionSizes: [250, 1000]) { $0.maxRecords = 120 }
    }

    @Test("a transfer dump cut into regions is still recognised and closed")
    func transferDumpInRegions() throws {
        let directory = TemporaryDirectory()
        var text = "; <<>> DiG 9.18 <<>> axfr example.com\n;; global options: +cmd\n"
        text += "example.com.\t300\tIN\tSOA\tns1.example.com. h.example.com. 7 7200 3600 1209600 300\n"
        for index in 0..<200 { text += "h\(index).example.com.\t300\tIN\tA\t10.0.0.\(index % 250)\n" }
        text += "example.com.\t300\tIN\tSOA\tns1.example.com. h.example.com. 7 7200 3600 1209600 300\n"
        text += ";; XFR size: 202 records (messages 1, bytes 9000)\n"
        let path = directory.write("dump.txt", text)
        Self.expectSameAsOnePass(path, regionSizes: [256, 1024])
        let dump = ZoneFileParser.parse(path: path, options: ParseOptions(jobs: 2))
        #expect(dump.format == .axfrDump)
    }

    @Test("regions read the file opened first, though its path is replaced meanwhile")
    func regionsReadTheOpenedFile() throws {
        let directory = TemporaryDirectory()
        var text = "$ORIGIN example.com.\n$TTL 60\n@ SOA ns1 h 1 2 3 4 5\n@ NS ns1\n"
        for index in 0..<300 { text += "h\(index) A 10.0.0.\(index % 250)\n" }
        let path = directory.write("renamed.zone", text)
        let expected = ZoneFileParser.parse(path: path, options: ParseOptions(jobs: 1)).records.map(key)

        let input = try ByteInput(path: path, limit: 1 << 30)
        // An editor or a deploy renames a new file over the path.
        directory.write("renamed.zone", "$ORIGIN example.com.\n@ 60 SOA ns1 h 2 2 3 4 5\n")
        let run = ParserRun(options: ParseOptions(jobs: 2), includeRoot: directory.path)
        var state = FileState(name: path, directory: directory.path, depth: 0, origin: nil, originGeneration: run.nextGeneration())
        var joined = 0
        let split = RegionParse.parse(descriptor: try #require(input.fileDescriptor), size: try #require(input.fileSize),
                                      run: run, state: &state, regionBytes: 500, joined: &joined)
        #expect(split && joined > 3)
        #expect((0..<run.table.count).map { key(run.table.record(at: $0)) } == expected)
        withExtendedLifetime(input) {}
    }

    @Test("every sample zone and fixture gives the same result in regions")
    func samplesAndFixtures() throws {
        for path in Self.zoneFiles(under: packageRoot + "/Samples") + Self.zoneFiles(under: fixtures) {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            Self.expectSameAsOnePass(path, regionSizes: [max(16, size / 9), max(16, size / 3)])
        }
    }

    @Test("every file of the peers' corpus gives the same result in regions")
    func peerCorpus() throws {
        guard Corpus.isPresent else {
            print("../shared/corpus is absent: region parse corpus comparison skipped")
            return
        }
        let files = Self.zoneFiles(under: Corpus.root)
        for path in files {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size > 0 else { continue }
            Self.expectSameAsOnePass(path, regionSizes: [max(16, size / 11), max(16, size / 4)])
        }
        print("region parse: \(files.count) corpus files compared with one pass")
    }

    /// Regular files below `root` that are not documentation or code.
    static func zoneFiles(under root: String) -> [String] {
        let skipped: Set<String> = ["md", "py", "c", "h", "json", "tsv", "yml", "yaml", "sh", "pem", "key", "private", "sqlite"]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !skipped.contains((relative as NSString).pathExtension.lowercased()) else { continue }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size <= 2 << 20 { paths.append(path) }
        }
        return paths.sorted()
    }
}

@Suite("Line numbers of regions")
struct RegionLineNumberTests {
    @Test("regions number their lines from 1 and the join moves them: the same places as one pass, in the file and in its includes (listed in order, their $TTL kept after them)")
    func linesMatchOnePass() throws {
        let directory = TemporaryDirectory()
        // Findings inside the included file keep its own line numbers.
        directory.write("part.inc", "inc1 A 10.9.9.1\n\n; comment\nbadinc A 300.1.1.1\ninc2 TXT \"a;b\"\n")
        // Its $TTL stays in force after it: the regions after it guessed
        // another and are read again in one pass.
        directory.write("ttl.inc", "$TTL 99\nlate A 10.9.9.9\n")
        var text = "$ORIGIN example.com.\r\n$TTL 60\r\n@ SOA ns1 h (\r\n 1 2 3 4 5 )\r\n@ NS ns1\r\n"
        for index in 0..<240 {
            text += "h\(index) A 10.0.0.\(index % 250)\r\n"
            if index % 17 == 0 { text += "; a comment with \"quotes\" and (parens\n\n" }
            if index % 23 == 0 { text += "t\(index) TXT ( \"one;\"\n \"two\" )\n" }
            if index % 31 == 0 { text += "bad\(index) A 10.0.0\n" }
            if index % 61 == 60 { text += "$INCLUDE part.inc sub\(index)\n" }
            if index % 97 == 96 { text += "sig\(index) TSIG hmac-sha256. 1 300 0 \\# 0 1 0 0\n" }
            if index == 230 { text += "$INCLUDE ttl.inc\n" }
        }
        let path = directory.write("lines.zone", text)
        let joined = RegionParseTests.expectSameAsOnePass(path, regionSizes: [200, 777, 2500])
        #expect(joined > 10)
        let result = ZoneFileParser.parse(path: path, options: ParseOptions(jobs: 2))
        // Split at LF bytes: a Swift string holds "\r\n" as one character.
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // Every record of the top file sits on the line that names its owner.
        for record in result.records where record.location?.file == path {
            let line = try #require(record.location).line
            let owner = record.owner.labels.first.map { String(decoding: $0, as: UTF8.self) } ?? "@"
            #expect(["@", " ", owner].contains { lines[Int(line) - 1].hasPrefix($0) }, "line \(line) for \(record.owner): \(lines[Int(line) - 1])")
        }
    }
}
