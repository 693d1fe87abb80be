import Foundation
import Yams
import ZoneModel

/// Typed access to a YAML node tree where every error points at the node it
/// is about (`file:line:column`). The policy and the repository configuration
/// both read their files this way rather than through a Codable decode, which
/// loses positions and accepts unknown keys silently.
public protocol YAMLFieldReading {
    /// The file named in errors.
    var file: String { get }
}

extension YAMLFieldReading {
    /// The document's root node, nil for an empty document.
    public func compose(_ yaml: String) throws(PolicyError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error)
        } catch {
            throw PolicyError(file: file, line: 0, column: 0, message: "YAML: \(error)")
        }
    }

    public func mapping(_ node: Node, _ what: String) throws(PolicyError) -> Node.Mapping {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping", at: node) }
        return mapping
    }

    public func sequence(_ node: Node, _ what: String) throws(PolicyError) -> [Node] {
        guard let sequence = node.sequence else { throw error("\(what) must be a list", at: node) }
        return Array(sequence)
    }

    public func string(_ node: Node, _ what: String) throws(PolicyError) -> String {
        guard case let .scalar(scalar) = node, scalar.tag != Tag(.null) else {
            throw error("\(what) must be a single value", at: node)
        }
        return scalar.string
    }

    public func integer(_ node: Node, _ what: String) throws(PolicyError) -> Int {
        let text = try string(node, what)
        guard let value = Int(text) else { throw error("\(what) must be a whole number, not '\(text)'", at: node) }
        return value
    }

    public func boolean(_ node: Node, _ what: String) throws(PolicyError) -> Bool {
        let text = try string(node, what)
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(what) must be true or false, not '\(text)'", at: node)
        }
    }

    /// A share as a fraction (`0.3`) or a percentage (`30%`); above 0, at most 1.
    public func share(_ node: Node, _ what: String) throws(PolicyError) -> Double {
        let text = try string(node, what)
        let value: Double?
        if text.hasSuffix("%") {
            value = Double(text.dropLast()).map { $0 / 100 }
        } else {
            value = Double(text)
        }
        guard let value, value > 0, value <= 1 else {
            throw error("\(what) must be a share above 0 and at most 1 (e.g. 0.3 or 30%), not '\(text)'", at: node)
        }
        return value
    }

    /// An absolute domain name (a missing final dot is added).
    public func name(_ node: Node, _ what: String) throws(PolicyError) -> DomainName {
        let text = try string(node, what)
        switch PolicyNames.absolute(text) {
        case let .success(name): return name
        case let .failure(reason): throw error("\(what): \(reason)", at: node)
        }
    }

    public func pattern(_ node: Node, _ what: String) throws(PolicyError) -> NamePattern {
        let text = try string(node, what)
        switch NamePattern.parse(text) {
        case let .success(pattern): return pattern
        case let .failure(reason): throw error("\(what): \(reason)", at: node)
        }
    }

    public func rejectUnknown(_ mapping: Node.Mapping, allowed: Set<String>, in what: String) throws(PolicyError) {
        for key in mapping.keys {
            let text = key.scalar?.string ?? "?"
            guard allowed.contains(text) else {
                throw error("unknown field '\(text)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))",
                            at: key)
            }
        }
    }

    public func error(_ message: String, at node: Node?) -> PolicyError {
        PolicyError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
    }

    func yamlError(_ error: YamlError) -> PolicyError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return PolicyError(file: file, line: mark.line, column: mark.column, message: "YAML: \(detail)\(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return PolicyError(file: file, line: context.mark.line, column: context.mark.column,
                               message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { YAMLPosition.of(utf8Offset: $0, in: yaml) } ?? (0, 0)
            return PolicyError(file: file, line: line, column: column, message: "YAML: \(problem)")
        default:
            return PolicyError(file: file, line: 0, column: 0, message: "YAML: \(error)")
        }
    }
}

/// Line and column (1-based) of a UTF-8 offset, for errors the YAML reader
/// reports by offset.
enum YAMLPosition {
    static func of(utf8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}

/// A small YAML file read whole, with a bound: at most one byte past the
/// limit is read, so a FIFO or a device cannot make us read forever.
public enum BoundedYAMLFile {
    /// The file's text; `what` names it in errors ("the policy").
    public static func read(_ path: String, maximumSize: Int, what: String) throws(PolicyError) -> String {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw PolicyError(file: path, line: 0, column: 0, message: "cannot read \(what): \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else {
            throw PolicyError(file: path, line: 0, column: 0, message: "\(what) is larger than \(maximumSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(file: path, line: 0, column: 0, message: "\(what) is not UTF-8 text")
        }
        return text
    }
}
