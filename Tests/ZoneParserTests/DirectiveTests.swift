import Testing
import ZoneModel
@testable import ZoneParser

@Suite("Directives")
struct DirectiveTests {
    @Test func originIsRelativeToTheCurrentOrigin() {
        let result = parse("$TTL 1\n$ORIGIN sub\na A 192.0.2.1\n$origin abs.test.\nb A 192.0.2.1\n@ A 192.0.2.1\n")
        #expect(result.records.map(\.owner) == [name("a.sub.example."), name("b.abs.test."), name("abs.test.")])
        #expect(!result.hasErrors)
    }

    @Test func originAffectsNamesInRData() {
        let result = parse("$TTL 1\n$ORIGIN other.\n@ MX 10 mail\n")
        #expect(result.records.first?.mx?.exchange == name("mail.other."))
    }

    @Test func inheritedOwnerRightAfterOriginIsWarned() {
        let result = parse("$TTL 1\nb A 192.0.2.1\n$ORIGIN sub\n A 192.0.2.2\n A 192.0.2.3\n")
        #expect(result.records.map(\.owner) == Array(repeating: name("b.example."), count: 3))
        #expect(rules(result) == ["syntax.inherited-owner"])
        #expect(result.findings[0].location?.line == 4)
    }

    @Test func badOriginDirectives() {
        let result = parse("$ORIGIN\n$ORIGIN a..b\n$ORIGIN a b\n$TTL 1\nx A 192.0.2.1\n")
        #expect(errorSites(result) == ["1:8 syntax.bad-directive", "2:9 syntax.bad-name", "3:11 syntax.bad-directive"])
        #expect(result.records.first?.owner == name("x.example."))
    }

    @Test func unknownDirectivesAreErrors() {
        let result = parse("$FOO bar\n$TTL 1\nx A 192.0.2.1\n")
        #expect(errorSites(result) == ["1:1 syntax.unknown-directive"])
        #expect(result.findings[0].message.contains("$FOO"))
        #expect(result.records.count == 1)
    }

    @Test func inMemoryIncludeNeedsARoot() {
        let result = parse("$INCLUDE other.zone\n")
        #expect(errorSites(result) == ["1:10 syntax.include-outside-root"])
    }
}
