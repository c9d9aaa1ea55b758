import InterlinkMarkdown

/// The fixes planned for one file by `interlink audit --fix`.
public struct AuditFileFix: Sendable {
    /// Path relative to the site root.
    public let path: String
    /// The bytes as read.
    public let original: [UInt8]
    /// The bytes with the fixes.
    public let rewritten: [UInt8]
    /// Findings fixed in `rewritten`, in document order.
    public let applied: [AuditFinding]
    /// Findings whose fix was left out, with the reason.
    public let rejected: [(finding: AuditFinding, reason: String)]

    /// Whether anything changes.
    public var changes: Bool { rewritten != original }
}

/// Applies the automatic fixes of audit findings (generic anchors rewritten, self-links and duplicate
/// links unlinked) in memory, through the same checks as `apply`: every edit is checked against the
/// bytes it expects, and the result is parsed again (`LinkEditVerifier`). An edit that fails is left
/// out with a reason; the rest of the file's edits still go in when they pass on their own.
public struct AuditFixer: Sendable {
    /// The site the findings are about.
    public let site: Site

    /// A fixer for the findings of an audit of `site`.
    public init(site: Site) {
        self.site = site
    }

    /// One plan per file that has fixable findings, sorted by path.
    public func plan(_ findings: [AuditFinding]) -> [AuditFileFix] {
        let fixable = findings.filter { $0.fix?.edit != nil && $0.fix?.expectation != nil }
        let byPath = Dictionary(grouping: fixable, by: \.path)
        return byPath.keys.sorted().compactMap { path in
            guard let source = site.index(ofPath: path) else { return nil }
            return fix(source: source, findings: byPath[path] ?? [])
        }
    }

    func fix(source: Int, findings: [AuditFinding]) -> AuditFileFix {
        let article = site.articles[source]
        var rejected: [(AuditFinding, String)] = []
        var planned: [(AuditFinding, Edit)] = []
        // Removing a link wins over rewriting its text; otherwise the earlier finding wins an overlap.
        let ordered = findings.sorted {
            ($0.rule == .genericAnchor ? 1 : 0, $0.fix!.edit!.offset) < ($1.rule == .genericAnchor ? 1 : 0, $1.fix!.edit!.offset)
        }
        for finding in ordered {
            let textEdit = finding.fix!.edit!
            let range = textEdit.range
            guard range.upperBound <= article.bytes.count else {
                rejected.append((finding, "the file no longer holds the link there"))
                continue
            }
            if planned.contains(where: { $0.1.range.overlaps(range) }) {
                rejected.append((finding, "overlaps another fix"))
                continue
            }
            planned.append(
                (finding, Edit(range: range, expected: Array(article.bytes[range]), replacement: Array(textEdit.replacement.utf8))))
        }
        var accepted = planned
        if verify(article: article, source: source, edits: accepted) != nil {
            accepted = []
            for item in planned {
                if let problem = verify(article: article, source: source, edits: [item]) {
                    rejected.append((item.0, problem))
                } else {
                    accepted.append(item)
                }
            }
            if let problem = verify(article: article, source: source, edits: accepted) {
                rejected += accepted.map { ($0.0, problem) }
                accepted = []
            }
        }
        let rewritten = (try? Edit.apply(accepted.map(\.1), to: article.bytes)) ?? article.bytes
        return AuditFileFix(
            path: article.path, original: article.bytes, rewritten: rewritten,
            applied: accepted.map(\.0).sorted { $0.fix!.edit!.offset < $1.fix!.edit!.offset },
            rejected: rejected.sorted { ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column) })
    }

    /// Applies the edits and parses the result: the links they rewrite must read their new text and
    /// still reach their target, the links they remove must be gone, and nothing else may change.
    func verify(article: Article, source: Int, edits items: [(AuditFinding, Edit)]) -> String? {
        guard !items.isEmpty else { return nil }
        let rewritten: [UInt8]
        do {
            rewritten = try Edit.apply(items.map(\.1), to: article.bytes)
        } catch {
            return "the edits do not apply: \(error)"
        }
        var expected: [LinkEditVerifier.ExpectedLink] = []
        var removed: [MarkdownLink] = []
        var shift = 0
        for item in items.sorted(by: { $0.1.range.lowerBound < $1.1.range.lowerBound }) {
            let start = item.1.range.lowerBound + shift
            if let expectation = item.0.fix?.expectation {
                removed.append(expectation.removed)
                if let added = expectation.added {
                    let range = (start + added.rangeInReplacement.lowerBound)..<(start + added.rangeInReplacement.upperBound)
                    expected.append(
                        LinkEditVerifier.ExpectedLink(range: range, text: added.text, target: added.target, label: added.text))
                }
            }
            shift += item.1.replacement.count - item.1.range.count
        }
        return LinkEditVerifier(site: site).problem(
            article: article, source: source, rewritten: rewritten, edits: items.map(\.1), expected: expected,
            removed: removed)
    }
}
