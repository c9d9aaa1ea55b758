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
        var planned: [(item: AuditFinding, edit: LinkEditVerifier.CheckedEdit)] = []
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
            if planned.contains(where: { $0.edit.edit.range.overlaps(range) }) {
                rejected.append((finding, "overlaps another fix"))
                continue
            }
            // The link the fix rewrites must read its new text and still reach its target; the one it removes must be gone.
            let expectation = finding.fix?.expectation
            let added = expectation?.added.map {
                LinkEditVerifier.ExpectedLink(range: $0.rangeInReplacement, text: $0.text, target: $0.target, label: $0.text)
            }
            let edit = Edit(range: range, expected: Array(article.bytes[range]), replacement: Array(textEdit.replacement.utf8))
            planned.append(
                (finding,
                 LinkEditVerifier.CheckedEdit(
                    edit: edit, added: added.map { [$0] } ?? [], removed: expectation.map { [$0.removed] } ?? [])))
        }
        let (accepted, failed) = LinkEditVerifier(site: site).select(planned, article: article, source: source)
        rejected += failed.map { ($0.item, $0.reason) }
        let rewritten = (try? Edit.apply(accepted.map(\.edit), to: article.bytes)) ?? article.bytes
        return AuditFileFix(
            path: article.path, original: article.bytes, rewritten: rewritten,
            applied: accepted.map(\.item).sorted { $0.fix!.edit!.offset < $1.fix!.edit!.offset },
            rejected: rejected.sorted { ($0.0.line, $0.0.column) < ($1.0.line, $1.0.column) })
    }
}
