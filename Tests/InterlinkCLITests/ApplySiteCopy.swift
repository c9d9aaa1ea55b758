import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// A copy of a site folder in a fresh temporary folder, removed when the value goes away, for running
/// `interlink apply` on without touching the original.
final class SiteCopy: @unchecked Sendable {
    let root: URL

    init(of source: URL) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("interlink-apply-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: root)
        // The source's index cache (left by runs of `suggest` on it) is not part of the site.
        try? FileManager.default.removeItem(at: root.appendingPathComponent(".interlink-cache"))
        // The copy is ours to change, even where the source is read-only (the shared corpora are mode 444).
        let paths = ((FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []).map {
            root.appendingPathComponent($0).path
        }
        for path in paths + [root.path] {
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK { chmod(path, status.st_mode & 0o7777 | 0o200) }
        }
    }

    /// A copy of the repository's ExampleSite.
    static func exampleSite() throws -> SiteCopy {
        try SiteCopy(of: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite"))
    }

    deinit {
        if let enumerator = FileManager.default.enumerator(atPath: root.path) {
            for case let path as String in enumerator { chmod(root.appendingPathComponent(path).path, 0o755) }
        }
        chmod(root.path, 0o755)
        try? FileManager.default.removeItem(at: root)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(path))) }

    func write(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url(path)) }

    /// Every regular file (symbolic links not followed), relative path → bytes.
    func snapshot() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        for case let path as String in enumerator {
            // `suggest` keeps its index cache here; it is not site content.
            if path == ".interlink-cache" || path.hasPrefix(".interlink-cache/") { continue }
            let url = root.appendingPathComponent(path)
            let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
            if type == .typeRegular, let data = FileManager.default.contents(atPath: url.path) {
                files[path] = [UInt8](data)
            }
        }
        return files
    }

    /// Paths whose bytes differ between two snapshots (or that exist in only one).
    static func changed(_ before: [String: [UInt8]], _ after: [String: [UInt8]]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Temporary files the writer may have left anywhere in the copy.
    func leftovers() -> [String] {
        let all = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        return all.filter { ($0 as NSString).lastPathComponent.contains(".interlink-") && $0.hasSuffix(".tmp") }
    }
}

/// The summary `interlink apply` prints on stderr: one line per file changed, then the total.
struct ApplySummary: Equatable {
    var linksPerFile: [String: Int]
    var links: Int
    var files: Int

    /// Parses the summary lines of `stderr`; warning lines (rejected suggestions) are skipped.
    static func parse(_ stderr: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ApplySummary {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "", "stderr does not end with a newline", sourceLocation: sourceLocation)
        let summary = lines.dropLast().filter { !$0.contains(": warning: ") }
        let total = try #require(summary.last, "no total line", sourceLocation: sourceLocation)
        let totalPattern = /^(\d+) links? added in (\d+) files?$/
        let match = try #require(try totalPattern.wholeMatch(in: total), "bad total: \(total)", sourceLocation: sourceLocation)
        var perFile: [String: Int] = [:]
        for line in summary.dropLast() {
            let fileMatch = try #require(
                try /^(.+): (\d+) links? added$/.wholeMatch(in: line), "bad summary line: \(line)",
                sourceLocation: sourceLocation)
            #expect(perFile[String(fileMatch.1)] == nil, "\(fileMatch.1) listed twice", sourceLocation: sourceLocation)
            perFile[String(fileMatch.1)] = Int(fileMatch.2)!
        }
        return ApplySummary(linksPerFile: perFile, links: Int(match.1)!, files: Int(match.2)!)
    }
}

/// What a rewrite added to one file, found by parsing the file before and after.
struct AddedLinks {
    /// The links that are new, as they sit in the rewritten file.
    var links: [MarkdownLink]
    /// The rewritten bytes with the new links replaced by their anchors.
    var restored: [UInt8]?
    /// Problems found: old links lost or changed, headings changed, unreadable new links.
    var problems: [String]

    /// Walks the links of the rewritten file in order: a link at the shifted place of the next old link, with
    /// the same kind, destination and text, is that old link; any other is new. The shift grows by the syntax
    /// each new link added around its anchor.
    init(original: [UInt8], rewritten: [UInt8]) {
        problems = []
        links = []
        guard let before = try? MarkdownParser.parse(original), let after = try? MarkdownParser.parse(rewritten) else {
            problems = ["does not parse"]
            restored = nil
            return
        }
        let old = before.links.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var next = 0
        var shift = 0
        for link in after.links.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if next < old.count, link.range.lowerBound == old[next].range.lowerBound + shift,
                link.range.count == old[next].range.count, link.kind == old[next].kind,
                link.destination == old[next].destination, link.text == old[next].text
            {
                next += 1
                continue
            }
            guard let anchor = Self.anchor(ofLink: Array(rewritten[link.range])) else {
                problems.append("new link \(String(decoding: rewritten[link.range], as: UTF8.self)) is not one we write")
                continue
            }
            links.append(link)
            shift += link.range.count - anchor.count
        }
        if next < old.count {
            problems.append("\(old.count - next) old link(s) lost or changed, first: \(old[next].destination)")
        }
        let headings = { (document: MarkdownDocument) in document.headings.map { "\($0.level) \($0.text) #\($0.id)" } }
        if headings(before) != headings(after) { problems.append("headings changed") }
        var result = rewritten
        for link in links.reversed() {
            result.replaceSubrange(link.range, with: Self.anchor(ofLink: Array(rewritten[link.range])) ?? [])
        }
        restored = result
    }

    /// The anchor bytes of a link Interlink writes: `[anchor](…)`, `[anchor]({{< … >}})`, `[[Note|anchor]]`, `[[anchor]]`.
    static func anchor(ofLink raw: [UInt8]) -> [UInt8]? {
        let open = UInt8(ascii: "["), pipe = UInt8(ascii: "|")
        if raw.starts(with: [open, open]), raw.count >= 4 {
            let inner = Array(raw[2..<(raw.count - 2)])
            if let bar = inner.firstIndex(of: pipe) { return Array(inner[(bar + 1)...]) }
            return inner
        }
        guard raw.first == open, raw.last == UInt8(ascii: ")"), raw.count >= 4 else { return nil }
        // The text ends at the last `](` (our destinations never hold one).
        guard let split = (1..<(raw.count - 1)).last(where: { raw[$0] == UInt8(ascii: "]") && raw[$0 + 1] == UInt8(ascii: "(") })
        else { return nil }
        return Array(raw[1..<split])
    }
}
