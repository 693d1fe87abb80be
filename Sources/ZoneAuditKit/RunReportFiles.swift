import Reporters
import ZoneModel

/// Where `zoneaudit run` writes a zone's reports: `DIR/ZONE.EXT`, the zone
/// without its final dot, lower-cased, with anything but letters, digits,
/// `-`, `_` and `.` written as `%XX` so that no zone name can leave the
/// directory (`..` or `/` in a label) or collide with the run summary.
enum RunReportFiles {
    static func fileName(for zone: DomainName, format: ReportFormat) -> String {
        baseName(for: zone) + "." + fileExtension(format)
    }

    static func baseName(for zone: DomainName) -> String {
        let text = zone.lowercased.presentation
        guard text != "." else { return "root" }
        var name = ""
        for byte in text.dropLast().utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                name.append(Character(Unicode.Scalar(byte)))
            default:
                name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        // Dots alone would be a path of their own; a leading dot hides the file.
        if name.hasPrefix(".") { name = "%2E" + name.dropFirst() }
        return name
    }

    static func fileExtension(_ format: ReportFormat) -> String {
        switch format {
        case .text: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .markdown: "md"
        case .junit: "xml"
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
