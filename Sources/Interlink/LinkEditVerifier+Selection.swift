import InterlinkMarkdown

/// The part of checking a file's edits that `Rewriter` and `AuditFixer` share: applying the edits, placing
/// the links they write in the rewritten bytes, and choosing which edits go in when some fail.
extension LinkEditVerifier {
    /// One planned edit of a file, and what the re-parse must find once it is made.
    struct CheckedEdit {
        /// The change to the file's bytes.
        var edit: Edit
        /// The links the edit writes, their ranges counted from the start of its replacement.
        var added: [ExpectedLink]
        /// The links of the original that the edit replaces or takes out.
        var removed: [MarkdownLink]

        init(edit: Edit, added: [ExpectedLink] = [], removed: [MarkdownLink] = []) {
            self.edit = edit
            self.added = added
            self.removed = removed
        }
    }

    /// Applies `edits` to the article's bytes and checks the result: each written link is looked for where
    /// its edit lands once the edits before it have shifted the bytes. Returns the problem, or nil when the
    /// rewrite is sound (or there is nothing to rewrite).
    func problem(article: Article, source: Int, edits: [CheckedEdit]) -> String? {
        guard !edits.isEmpty else { return nil }
        let rewritten: [UInt8]
        do {
            rewritten = try Edit.apply(edits.map(\.edit), to: article.bytes)
        } catch {
            return "the edits do not apply: \(error)"
        }
        var expected: [ExpectedLink] = []
        var removed: [MarkdownLink] = []
        var shift = 0
        for checked in edits.sorted(by: { $0.edit.range.lowerBound < $1.edit.range.lowerBound }) {
            let start = checked.edit.range.lowerBound + shift
            removed += checked.removed
            for var link in checked.added {
                link.range = (start + link.range.lowerBound)..<(start + link.range.upperBound)
                expected.append(link)
            }
            shift += checked.edit.replacement.count - checked.edit.range.count
        }
        return problem(
            article: article, source: source, rewritten: rewritten, edits: edits.map(\.edit), expected: expected,
            removed: removed)
    }

    /// Which of a file's planned edits go in: all of them when they pass together; otherwise those that pass
    /// on their own, provided they then pass together, else none. `accepted` keeps the planned order; every
    /// edit left out is in `rejected` with its problem.
    func select<Item>(
        _ planned: [(item: Item, edit: CheckedEdit)], article: Article, source: Int
    ) -> (accepted: [(item: Item, edit: Edit)], rejected: [(item: Item, reason: String)]) {
        var accepted = planned
        var rejected: [(item: Item, reason: String)] = []
        if problem(article: article, source: source, edits: accepted.map(\.edit)) != nil {
            accepted = []
            for entry in planned {
                if let problem = problem(article: article, source: source, edits: [entry.edit]) {
                    rejected.append((entry.item, problem))
                } else {
                    accepted.append(entry)
                }
            }
            if let problem = problem(article: article, source: source, edits: accepted.map(\.edit)) {
                rejected += accepted.map { ($0.item, problem) }
                accepted = []
            }
        }
        return (accepted.map { ($0.item, $0.edit.edit) }, rejected)
    }
}
