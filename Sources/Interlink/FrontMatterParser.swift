import Foundation
import InterlinkMarkdown
import TOMLKit
import Yams

/// Reads a front-matter block with Yams (YAML) or TOMLKit (TOML).
public enum FrontMatterParser {
    /// Parses the block's content.
    /// - Throws: `Diagnostic` naming the file line of the error.
    public static func parse(_ block: FrontMatterBlock, in bytes: [UInt8], path: String) throws(Diagnostic) -> FrontMatter {
        let content = String(decoding: bytes[block.contentRange], as: UTF8.self)
        // Both parsers count lines from the block's first content line.
        let lineOffset = block.contentFirstLine - 1
        switch block.format {
        case .yaml:
            return try parseYAML(content, path: path, lineOffset: lineOffset)
        case .toml:
            return try parseTOML(content, path: path, lineOffset: lineOffset)
        }
    }

    /// One constructor for every file: `Constructor.default` builds its three tables on each use. It is
    /// never changed after it is made, so all threads may read it.
    nonisolated(unsafe) private static let sharedConstructor = Constructor.default

    static func parseYAML(_ content: String, path: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        if let key = YAMLAliasedKeys.first(in: content.utf8) {
            throw Diagnostic(
                path: path, line: key.line + lineOffset, column: key.column,
                message: "invalid YAML front matter: \(YAMLAliasedKeys.refusal)")
        }
        let node: Node?
        do {
            // The basic resolver skips Yams' regular-expression tag resolution (most of the cost of a
            // small front matter block); scalars are typed below. UTF-8 is named so Yams does not
            // consult the environment on every call.
            node = try Yams.compose(yaml: content, Resolver.basic, sharedConstructor, .utf8)
        } catch let error as YamlError {
            let (line, column, problem) = describe(error)
            throw Diagnostic(
                path: path, line: line + lineOffset, column: column, message: "invalid YAML front matter: \(problem)")
        } catch {
            throw Diagnostic(path: path, line: lineOffset + 1, message: "invalid YAML front matter: \(error)")
        }
        guard let node else { return FrontMatter() }
        guard case .mapping(let mapping) = node else {
            throw Diagnostic(
                path: path, line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1,
                message: "front matter must be a mapping of keys to values")
        }
        // YAML aliases repeat a value without repeating its bytes: nine levels of ten aliases each expand a
        // few hundred bytes into a billion values ("billion laughs"). Real front matter never holds more
        // values than bytes, so that is the budget.
        var budget = max(10_000, content.utf8.count)
        var fields: [String: FrontMatterValue] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { continue }
            guard let converted = convert(value, budget: &budget) else {
                throw Diagnostic(
                    path: path, line: (value.mark?.line ?? 1) + lineOffset, column: value.mark?.column ?? 1,
                    message: "invalid YAML front matter: its aliases expand to more than "
                        + "\(max(10_000, content.utf8.count)) values")
            }
            fields[name] = converted
        }
        return FrontMatter(fields: fields)
    }

    private static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return (mark.line, mark.column, problem)
        default:
            return (1, 1, String(describing: error))
        }
    }

    /// The value of a node, or nil when converting it would take more than `budget` values.
    private static func convert(_ node: Node, budget: inout Int) -> FrontMatterValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                let text = scalar.string
                switch text {
                case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return .bool(true)
                case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return .bool(false)
                default: break
                }
                if let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." {
                    if let int = Int(text) { return .number(Double(int)) }
                    if let double = Double(text), double.isFinite { return .number(double) }
                }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var list: [FrontMatterValue] = []
            for item in sequence {
                guard let value = convert(item, budget: &budget) else { return nil }
                list.append(value)
            }
            return .list(list)
        case .mapping(let mapping):
            var table: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                guard let converted = convert(value, budget: &budget) else { return nil }
                table[name] = converted
            }
            return .table(table)
        case .alias:
            return .string("")
        }
    }

    static func parseTOML(_ content: String, path: String, lineOffset: Int) throws(Diagnostic) -> FrontMatter {
        // TOMLKit's parser asserts on a few malformed values instead of reporting them (see TOMLParserTraps).
        let bytes = Array(content.utf8)
        if let trap = TOMLParserTraps.first(in: bytes) {
            let location = LineTable(bytes).location(of: trap.offset)
            throw Diagnostic(
                path: path, line: location.line + lineOffset, column: location.column,
                message: "invalid TOML front matter: \(trap.message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: content)
        } catch let error as TOMLParseError {
            throw Diagnostic(
                path: path, line: error.source.begin.line + lineOffset, column: error.source.begin.column,
                message: "invalid TOML front matter: \(error.description)")
        } catch {
            throw Diagnostic(path: path, line: lineOffset + 1, message: "invalid TOML front matter: \(error)")
        }
        return FrontMatter(fields: convert(table))
    }

    private static func convert(_ table: TOMLTable) -> [String: FrontMatterValue] {
        var fields: [String: FrontMatterValue] = [:]
        for key in table.keys {
            if let value = table[key] { fields[key] = convert(value) }
        }
        return fields
    }

    private static func convert(_ value: TOMLValueConvertible) -> FrontMatterValue {
        if let string = value.string { return .string(string) }
        if let bool = value.bool { return .bool(bool) }
        if let int = value.int { return .number(Double(int)) }
        if let double = value.double { return .number(double) }
        if let array = value.array { return .list(array.map { convert($0) }) }
        if let table = value.table { return .table(convert(table)) }
        if let date = value.date {
            return .string(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
        }
        if let dateTime = value.dateTime, let date = dateTime.date {
            return .string(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
        }
        return .string(String(describing: value))
    }
}
