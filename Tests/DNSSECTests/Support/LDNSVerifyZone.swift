import Foundation

/// The differential oracle: `ldns-verify-zone` on the same file.
enum LDNSVerifyZone {
    enum Verdict: Equatable {
        case valid
        case invalid(String)
        /// ldns did not finish within the guard (ldns issue 287 class of hang).
        case hung
    }

    static var isAvailable: Bool { ToolRunner.available("ldns-verify-zone") }

    static func verdict(_ path: String, at time: String, anchors: [String] = [], limit: TimeInterval = 60) throws -> Verdict {
        var arguments = ["-V", "2", "-t", time]
        for anchor in anchors { arguments += ["-k", anchor] }
        arguments.append(path)
        let output = try ToolRunner.run("ldns-verify-zone", arguments, limit: limit)
        if output.timedOut { return .hung }
        return output.status == 0 ? .valid : .invalid(output.stderr + output.stdout)
    }
}
