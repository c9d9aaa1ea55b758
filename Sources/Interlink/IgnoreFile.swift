import Foundation

/// `.interlink-ignore`: suggestions editors turned down, one per line, committed with the site.
///
///     # Suggestions rejected with `interlink reject` or `interlink apply --interactive`.
///     3b9bc3622205 content/posts/a.md -> content/posts/b.md "inbound link"
///
/// The first word of a line is the suggestion's id; the rest is for people reading the diff.
/// Lines are kept sorted so that two editors' rejections merge cleanly.
public struct IgnoreFile: Sendable, Hashable {
    /// The file name in the site root.
    public static let fileName = ".interlink-ignore"

    /// Rejected ids with their description.
    public private(set) var entries: [String: String] = [:]

    public init() {}

    /// The rejected ids.
    public var ids: Set<String> { Set(entries.keys) }

    /// Reads the file in `root`; a missing file is empty. A malformed id is an error naming its line.
    public static func load(root: URL) throws(Diagnostic) -> IgnoreFile {
        let url = root.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return IgnoreFile() }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(path: fileName, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self))
    }

    /// Parses the file's text.
    public static func parse(_ text: String) throws(Diagnostic) -> IgnoreFile {
        var file = IgnoreFile()
        // `\.isNewline` also splits CRLF, which is one Character (a checkout with autocrlf).
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let parts = trimmed.split(separator: " ", maxSplits: 1)
            let id = String(parts[0])
            guard id.count == 12, id.allSatisfy(\.isHexDigit) else {
                throw Diagnostic(
                    path: fileName, line: number + 1,
                    message: "'\(id)' is not a suggestion id (12 hexadecimal digits, as `interlink suggest` shows)")
            }
            file.entries[id] = parts.count > 1 ? String(parts[1]) : ""
        }
        return file
    }

    /// Records a rejected suggestion.
    public mutating func add(_ suggestion: Suggestion) {
        entries[suggestion.id] = "\(suggestion.source) -> \(suggestion.target) \"\(suggestion.readAnchor)\""
    }

    /// The file's text: a header, then one sorted line per id.
    public var text: String {
        var lines = [
            "# Suggestions rejected with `interlink reject` or `interlink apply --interactive`.",
            "# One per line: the suggestion id, then source -> target \"anchor\". Delete a line to allow it again.",
        ]
        for id in entries.keys.sorted() {
            let description = entries[id] ?? ""
            lines.append(description.isEmpty ? id : "\(id) \(description)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the file in `root` atomically.
    public func save(root: URL) throws(WriteError) {
        let url = root.appendingPathComponent(Self.fileName)
        let current = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
        if let current {
            try AtomicWriter.replace(url, with: Array(text.utf8), expecting: current, displayPath: Self.fileName)
        } else if FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8)) == false {
            throw WriteError(path: Self.fileName, message: "cannot create the file")
        }
    }
}
