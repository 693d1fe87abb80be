import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reporters
import Testing
import ZoneModel

/// A report whose strings hold everything that could break a format or a
/// terminal: quotes, backslashes, control characters, an ANSI escape, C1 and
/// bidirectional controls, Markdown and XML syntax, a mention, and a name
/// with octets that are not UTF-8.
enum EscapingFixtures {
    static let message = "quote \" backslash \\ newline \n tab \t bell \u{7} esc \u{1B}[31mred nul \u{0} del \u{7F} "
        + "csi \u{9B} ls \u{2028} rlo \u{202E} pipe | backtick ` amp & lt < gt > apos ' duck 🦆 mention @octocat"
    /// `\255weird\.label\032x\"q.example.com.`: an octet that is not UTF-8, a
    /// dot, a space and a quote inside labels.
    static let owner = try! DomainName("\\255weird\\.label\\032x\\\"q.example.com.")
    static let path = "zones/my zone ä%#?.zone"
    static let policy = "<script>alert(1)</script> & \"quoted\""
    static let banner = "BANNER -- with\nnewline <b>bold</b> ---"

    static var finding: Finding {
        Finding(
            rule: "record.added", severity: .critical, message: message,
            zone: try! DomainName("example.com."), owner: owner, type: .txt,
            after: [Record(owner: owner, type: .txt, ttl: 300, rdata: [5] + Array("a|`<\"".utf8))],
            location: SourceLocation(file: path, line: 3, column: 5),
            authorized: false, policy: policy, techniques: ["T1584.002", "T1584.002"]
        )
    }

    static var report: Report {
        Report(
            tool: ReportFixtures.tool, command: "audit", generatedAt: ReportFixtures.generatedAt,
            zones: [ZoneReport(origin: try! DomainName("example.com."), source: path, seal: "seal \u{1B}]0;pwned\u{7}")],
            banners: [banner], findings: [finding]
        )
    }
}

@Suite("Escaping")
struct EscapingTests {
    // MARK: Building blocks

    @Test("JSON strings escape quotes, backslashes and every control character")
    func jsonString() {
        #expect(JSONWriter.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONWriter.quoted("\n\r\t\u{8}\u{C}") == #""\n\r\t\b\f""#)
        #expect(JSONWriter.quoted("\u{0}\u{1}\u{1F}\u{7F}") == #""\u0000\u0001\u001f\u007f""#)
        #expect(JSONWriter.quoted("\u{2028}x\u{2029}") == #""\u2028x\u2029""#)
        #expect(JSONWriter.quoted("\u{80}\u{9B}\u{9F}\u{A0}") == "\"\\u0080\\u009b\\u009f\u{A0}\"")
        #expect(JSONWriter.quoted("\u{200E}\u{202E}\u{2066}\u{2069}\u{2030}") == "\"\\u200e\\u202e\\u2066\\u2069\u{2030}\"")
        #expect(JSONWriter.quoted("ä🦆") == "\"ä🦆\"")
        #expect(JSONWriter.quoted("") == "\"\"")
    }

    @Test("unsafe characters become \\DDD octets")
    func unsafeCharacters() {
        #expect(UnsafeCharacters.escaped("a\u{1B}[31mb") == "a\\027[31mb")
        #expect(UnsafeCharacters.escaped("x\ny\tz") == "x\\010y\\009z")
        #expect(UnsafeCharacters.escaped("\u{9B}") == "\\194\\155")
        #expect(UnsafeCharacters.escaped("\u{202E}abc") == "\\226\\128\\174abc")
        #expect(UnsafeCharacters.escaped("plain ä 🦆 \\# 4 C000020A") == "plain ä 🦆 \\# 4 C000020A")
    }

    @Test("XML escaping for attributes and content")
    func xml() {
        #expect(XMLText.attribute("a&b<c>d\"e'f\tg\nh\ri") == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i")
        #expect(XMLText.content("a&b<c>d\"e'f\tg\nh\ri") == "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i")
        #expect(XMLText.content("\u{0}\u{1B}\u{FFFE}") == "\\000\\027\\239\\191\\190")
    }

    @Test("Markdown escaping for inline text and table cells")
    func markdown() {
        #expect(MarkdownText.escaped("a|b`c") == "a\\|b\\`c")
        #expect(MarkdownText.escaped("*x* _y_ [z](u) <b> #h ~s~ &amp; !i $m$ @me") ==
            "\\*x\\* \\_y\\_ \\[z\\](u) \\<b\\> \\#h \\~s\\~ \\&amp; \\!i \\$m\\$ \\@me")
        #expect(MarkdownText.escaped("back\\slash\nnext") == "back\\\\slash\\\\010next")
        #expect(MarkdownText.fence(for: ["plain"]) == "```")
        #expect(MarkdownText.fence(for: ["a ``` b", "````"]) == "`````")
    }

    @Test("file paths become URI references")
    func uriReference() {
        #expect(URIReference.fromPath("zones/example.com.zone") == "zones/example.com.zone")
        #expect(URIReference.fromPath("/etc/nsd/zones/a.zone") == "/etc/nsd/zones/a.zone")
        #expect(URIReference.fromPath("zones/my zone ä%#?.zone") == "zones/my%20zone%20%C3%A4%25%23%3F.zone")
        #expect(URIReference.fromPath("c:weird.zone") == "./c:weird.zone")
        #expect(URIReference.fromPath("dir/c:ok.zone") == "dir/c:ok.zone")
    }

    // MARK: Whole documents

    @Test("JSON output round-trips every string exactly")
    func jsonDocument() throws {
        let output = ReportFormat.json.render(EscapingFixtures.report)
        Self.expectNoRawControls(output, allowingNewlines: true)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let finding = try #require(findings.first)
        #expect(finding["message"] as? String == EscapingFixtures.message)
        #expect(finding["owner"] as? String == EscapingFixtures.owner.presentation)
        #expect(finding["owner"] as? String == "\\255weird\\.label\\032x\\\"q.example.com.")
        #expect(finding["policy"] as? String == EscapingFixtures.policy)
        #expect((finding["location"] as? [String: Any])?["file"] as? String == EscapingFixtures.path)
        #expect(document["banners"] as? [String] == [EscapingFixtures.banner])
        let zones = try #require(document["zones"] as? [[String: Any]])
        #expect(zones.first?["seal"] as? String == "seal \u{1B}]0;pwned\u{7}")
    }

    @Test("SARIF output round-trips messages and encodes the path as a URI")
    func sarifDocument() throws {
        let output = ReportFormat.sarif.render(EscapingFixtures.report)
        Self.expectNoRawControls(output, allowingNewlines: true)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((document["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        #expect((result["message"] as? [String: Any])?["text"] as? String == EscapingFixtures.message)
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "zones/my%20zone%20%C3%A4%25%23%3F.zone")
        let properties = try #require(result["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["T1584.002"])
    }

    @Test("text output lets no control character through, in colour or not")
    func textDocument() throws {
        for color in [false, true] {
            let output = TextReporter(options: ReporterOptions(color: color)).render(EscapingFixtures.report)
            var withoutOwnColour = output
            for code in ["1", "1;7;31", "31", "32", "1;31", "1;33", "1;36", "0"] {
                withoutOwnColour = withoutOwnColour.replacingOccurrences(of: "\u{1B}[\(code)m", with: "")
            }
            Self.expectNoRawControls(withoutOwnColour, allowingNewlines: true)
            #expect(!withoutOwnColour.contains("\u{202E}"))
            let lines = withoutOwnColour.split(separator: "\n", omittingEmptySubsequences: false)
            // banner, blank, zone header, finding, one record, blank, summary, final empty
            #expect(lines.count == 8)
            #expect(lines[0] == "!! BANNER -- with\\010newline <b>bold</b> ---")
            #expect(lines[2] == "zone example.com.: source zones/my zone ä%#?.zone; seal seal \\027]0;pwned\\007")
            #expect(lines[3].hasPrefix("zones/my zone ä%#?.zone:3:5: error: quote \" backslash \\ newline \\010 tab \\009 bell \\007 esc \\027[31mred"))
            #expect(lines[3].hasSuffix("(critical, unauthorized) [record.added]"))
        }
    }

    @Test("Markdown output keeps untrusted text literal")
    func markdownDocument() {
        let output = ReportFormat.markdown.render(EscapingFixtures.report)
        Self.expectNoRawControls(output, allowingNewlines: true)
        #expect(!output.contains("<script>"))
        #expect(!output.contains("<b>"))
        #expect(!output.contains(" @octocat"))
        #expect(output.contains("pipe \\| backtick \\` amp \\& lt \\< gt \\>"))
        #expect(output.contains("- **Status:** **unauthorized**"))
        // Each table row has exactly the column separators it should: the
        // owner and zone names in cells cannot add columns.
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| ") }
        for row in rows {
            let separators = Self.unescapedPipes(in: String(row))
            #expect(separators == 9, "\(row)")
        }
    }

    #if canImport(FoundationXML) || os(macOS)
    @Test("JUnit output is well-formed XML and keeps the text")
    func junitDocument() throws {
        let output = ReportFormat.junit.render(EscapingFixtures.report)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(output.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.attributes["testcase"]?["classname"] == "example.com.")
        #expect(collector.attributes["failure"]?["message"] == "1 error-level finding not authorized")
        #expect(collector.attributes["property"]?["value"] == EscapingFixtures.banner)
        let failure = collector.text["failure"] ?? ""
        #expect(failure.contains("amp & lt < gt > apos '"))
        #expect(failure.contains("esc \\027[31mred nul \\000 del \\127"))
        #expect(output.contains("<!-- BANNER - - with\\010newline &lt;b&gt;bold&lt;/b&gt; - - - -->"))
    }
    #endif

    // MARK: Helpers

    static func expectNoRawControls(_ text: String, allowingNewlines: Bool,
                                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter {
            UnsafeCharacters.isUnsafe($0) && !(allowingNewlines && $0 == "\n")
        }
        #expect(bad.isEmpty, "raw control characters: \(bad.map { String($0.value, radix: 16) })",
                sourceLocation: sourceLocation)
    }

    static func unescapedPipes(in row: String) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }
}

#if canImport(FoundationXML) || os(macOS)
/// Keeps the last attributes and the text of each element name.
final class XMLCollector: NSObject, XMLParserDelegate {
    var attributes: [String: [String: String]] = [:]
    var text: [String: String] = [:]
    private var stack: [String] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        attributes[elementName] = attributeDict
        stack.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = stack.last { text[current, default: ""] += string }
    }
}
#endif
