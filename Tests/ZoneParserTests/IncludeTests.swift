import Foundation
import Testing
import ZoneModel
@testable import ZoneParser

@Suite("$INCLUDE")
struct IncludeTests {
    private func options(_ configure: (inout ParseOptions) -> Void = { _ in }) -> ParseOptions {
        var options = ParseOptions(origin: name("example."))
        configure(&options)
        return options
    }

    @Test func includedRecordsComeInPlaceWithTheirOwnLocations() {
        let directory = TemporaryDirectory()
        directory.write("sub/hosts.inc", "www A 192.0.2.10\n  AAAA ::10\n")
        let top = directory.write("zone.db", "$TTL 60\na A 192.0.2.1\n$INCLUDE sub/hosts.inc\nb A 192.0.2.2\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(!result.hasErrors)
        #expect(result.records.map(\.owner) == ["a", "www", "www", "b"].map { name("\($0).example.") })
        #expect(result.records[1].location == SourceLocation(file: directory.path + "/sub/hosts.inc", line: 1, column: 1))
        #expect(result.includedFiles == [directory.path + "/sub/hosts.inc"])
    }

    @Test func scopeRulesFollowBIND() {
        // Checked with named-checkzone 9.18: the include's $ORIGIN ends with it,
        // its $TTL does not; the parent's owner is inherited by the include's
        // first blank-owner line and is back in force after the include.
        let directory = TemporaryDirectory()
        directory.write("inc.db", "\tA 2.2.2.9\n$TTL 99\n$ORIGIN inc\nfoo A 2.2.2.2\n A 2.2.2.3\n")
        let top = directory.write("zone.db", "$TTL 300\nb A 1.1.1.1\n$INCLUDE inc.db sub\n A 1.1.1.5\nc A 1.1.1.6\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(result.records.map { "\($0.owner) \($0.ttl)" } == [
            "b.example. 300", "b.example. 300", "foo.inc.sub.example. 99", "foo.inc.sub.example. 99",
            "b.example. 99", "c.example. 99",
        ])
        // An include with an origin counts as an origin change for the next record.
        #expect(rules(result) == ["syntax.inherited-owner"])
    }

    @Test func pathsOutsideTheRootAreNeverRead() throws {
        let directory = TemporaryDirectory()
        directory.write("secret.db", "leak A 192.0.2.66\n")
        directory.write("zones/inner/ok.db", "ok A 192.0.2.1\n")
        let top = directory.write("zones/zone.db", """
            $TTL 60
            $INCLUDE ../secret.db
            $INCLUDE \(directory.path)/secret.db
            $INCLUDE inner/../../secret.db
            $INCLUDE link.db
            $INCLUDE ../missing.db
            $INCLUDE inner/ok.db

            """)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/zones/link.db", withDestinationPath: "../secret.db")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(errorSites(result) == [
            "2:10 syntax.include-outside-root", "3:10 syntax.include-outside-root", "4:10 syntax.include-outside-root",
            "5:10 syntax.include-outside-root", "6:10 syntax.include-outside-root",
        ])
        #expect(result.records.map(\.owner) == [name("ok.example.")])
        #expect(result.includedFiles == [directory.path + "/zones/inner/ok.db"])
    }

    @Test func includeRootWidensTheConfinement() {
        let directory = TemporaryDirectory()
        directory.write("shared/common.db", "common A 192.0.2.7\n")
        let top = directory.write("zones/zone.db", "$TTL 60\n$INCLUDE ../shared/common.db\n")
        let result = ZoneFileParser.parse(path: top, options: options { $0.includeRoot = directory.path })
        #expect(!result.hasErrors)
        #expect(result.records.map(\.owner) == [name("common.example.")])
    }

    @Test func includeBaseResolvesLikeBINDsWorkingDirectory() {
        let directory = TemporaryDirectory()
        directory.write("zones/inherit.db", "x A 192.0.2.8\n")
        let top = directory.write("zones/zone.db", "$TTL 60\n$INCLUDE \"zones/inherit.db\"\n")
        let result = ZoneFileParser.parse(path: top, options: options {
            $0.includeBase = directory.path
            $0.includeRoot = directory.path
        })
        #expect(!result.hasErrors)
        #expect(result.records.count == 1)
        #expect(result.records[0].location?.file == directory.path + "/zones/inherit.db")
    }

    @Test func loopsAreDetected() {
        let directory = TemporaryDirectory()
        directory.write("a.db", "a A 192.0.2.1\n$INCLUDE b.db\n")
        directory.write("b.db", "b A 192.0.2.2\n$INCLUDE a.db\n$INCLUDE self.db\n")
        directory.write("self.db", "s A 192.0.2.3\n$INCLUDE ./self.db\n")
        let top = directory.write("zone.db", "$TTL 60\n$INCLUDE a.db\n$INCLUDE zone.db\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(errorSites(result) == ["2:10 syntax.include-loop", "2:10 syntax.include-loop", "3:10 syntax.include-loop"])
        #expect(result.findings.map { $0.location!.file } == [
            directory.path + "/b.db", directory.path + "/self.db", top,
        ])
        #expect(result.records.map(\.owner) == ["a", "b", "s"].map { name("\($0).example.") })
    }

    @Test func depthIsBounded() {
        let directory = TemporaryDirectory()
        for level in 0..<20 {
            directory.write("d\(level).db", "l\(level) A 192.0.2.1\n$INCLUDE d\(level + 1).db\n")
        }
        directory.write("d20.db", "end A 192.0.2.1\n")
        let top = directory.write("zone.db", "$TTL 60\n$INCLUDE d0.db\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        // zone.db is depth 0, d0.db depth 1, ..., d15.db depth 16: d16.db is refused.
        #expect(errorSites(result) == ["2:10 syntax.include-too-deep"])
        #expect(result.findings[0].location?.file == directory.path + "/d15.db")
        #expect(result.records.count == 16)
        let shallow = ZoneFileParser.parse(path: top, options: options { $0.maxIncludeDepth = 2 })
        #expect(shallow.records.count == 2)
        #expect(rules(shallow) == ["syntax.include-too-deep"])
    }

    @Test func directoriesAndMissingFilesAreErrors() {
        let directory = TemporaryDirectory()
        directory.write("dir/x.db", "x A 192.0.2.1\n")
        let top = directory.write("zone.db", "$TTL 60\n$INCLUDE dir\n$INCLUDE nothere.db\n$INCLUDE\n$INCLUDE a b c\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(errorSites(result) == [
            "2:10 syntax.include-unreadable", "3:10 syntax.include-unreadable", "4:9 syntax.bad-directive",
            "5:14 syntax.bad-directive",
        ])
    }

    @Test func errorsInsideAnIncludeCarryItsName() {
        let directory = TemporaryDirectory()
        directory.write("bad.db", "\n\nx CLASS256 A 1.2.3\n")
        let top = directory.write("zone.db", "$TTL 60\n$INCLUDE bad.db\n")
        let result = ZoneFileParser.parse(path: top, options: options())
        #expect(result.findings.first?.location == SourceLocation(file: directory.path + "/bad.db", line: 3, column: 14))
    }

    @Test func topFileNameIsKeptAsGiven() {
        let directory = TemporaryDirectory()
        directory.write("zones/zone.db", "$TTL 60\nbad A x\n")
        let given = directory.path + "/./zones/../zones/zone.db"
        let result = ZoneFileParser.parse(path: given, options: options())
        #expect(result.findings.first?.location?.description == given + ":2:7")
    }

    @Test func unreadableTopFile() {
        let result = ZoneFileParser.parse(path: "/nonexistent/zone.db", options: options())
        #expect(rules(result) == ["syntax.read-error"])
        #expect(result.stoppedEarly)
    }
}
