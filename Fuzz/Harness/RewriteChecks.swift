import Interlink
import InterlinkMarkdown

/// Invariants of one planned rewrite.
enum RewriteChecks {
    static func check(
        _ plan: FileRewrite, given: [Suggestion], site: Site, source: Int, style: LinkStyle, renderer: LinkRenderer,
        problems: inout Problems
    ) {
        let article = site.articles[source]
        if plan.original != article.bytes { problems.add("the plan does not start from the bytes read") }

        // Every suggestion is applied or rejected, once.
        let outcome = plan.applied.map(\.id) + plan.rejected.map(\.suggestion.id)
        if outcome.sorted() != given.map(\.id).sorted() {
            problems.add(
                "\(given.count) suggestions given, \(plan.applied.count) applied and \(plan.rejected.count) rejected")
        }
        guard !plan.applied.isEmpty else {
            if plan.rewritten != plan.original { problems.add("nothing applied, yet the file changes") }
            return
        }

        // The rewrite is exactly the applied anchors replaced by their links (in a table cell as the
        // renderer writes links there)…
        let applied = plan.applied.sorted { $0.offset < $1.offset }
        let tableSpans = article.document.tableCellRanges
        var edits: [Edit] = []
        for suggestion in applied {
            let range = suggestion.offset..<(suggestion.offset + suggestion.length)
            guard range.upperBound <= article.bytes.count, let target = site.index(ofPath: suggestion.target) else {
                problems.add("applied suggestion \"\(suggestion.anchor)\" is outside the file or has no target")
                return
            }
            let anchor = Array(article.bytes[range])
            if !anchor.elementsEqual(suggestion.anchor.utf8) {
                problems.add("applied anchor \"\(suggestion.anchor)\" is not the bytes at \(range)")
            }
            guard
                let replacement = try? renderer.render(
                    anchor: anchor, source: article, target: site.articles[target], fragment: suggestion.fragment,
                    inTable: tableSpans.contains { $0.overlaps(range) })
            else {
                problems.add("applied anchor \"\(suggestion.anchor)\" cannot be rendered")
                return
            }
            edits.append(Edit(range: range, expected: anchor, replacement: replacement))
        }
        guard let expected = try? Edit.apply(edits, to: plan.original), expected == plan.rewritten else {
            problems.add("the rewrite is not the original with each anchor replaced by its link")
            return
        }
        // …and replacing each link by its anchor gives back the original, byte for byte.
        var reverse: [Edit] = []
        var shift = 0
        var newRanges: [Range<Int>] = []
        var shifts: [(at: Int, by: Int)] = []
        for edit in edits {
            let start = edit.range.lowerBound + shift
            let range = start..<(start + edit.replacement.count)
            reverse.append(Edit(range: range, expected: edit.replacement, replacement: edit.expected))
            newRanges.append(range)
            shift += edit.replacement.count - edit.range.count
            shifts.append((edit.range.upperBound, shift))
        }
        if (try? Edit.apply(reverse, to: plan.rewritten)) != plan.original {
            problems.add("taking the links out does not give back the original")
        }

        // The rewritten file parses to the same document plus the new links.
        let before = article.document
        let dialect = MarkdownDialect.of(path: article.path, layout: site.layout)
        let after = MarkdownParser.parse(plan.rewritten, frontMatter: before.frontMatter, dialect: dialect)
        DocumentChecks.check(after, bytes: plan.rewritten, strict: true, dialect: dialect, problems: &problems)
        let headings = { (document: MarkdownDocument) in document.headings.map { "h\($0.level) \($0.text) #\($0.id)" } }
        if headings(after) != headings(before) {
            problems.add("headings change: \(headings(before)) → \(headings(after))")
        }
        func moved(_ offset: Int) -> Int { offset + (shifts.last(where: { $0.at <= offset })?.by ?? 0) }
        let oldLinks = before.links.map { link in
            "\(link.kind.rawValue) \(link.destination) \"\(link.text)\" at \(moved(link.range.lowerBound))"
        }
        var newLinks: [MarkdownLink] = []
        var keptLinks: [String] = []
        let newStarts = Dictionary(uniqueKeysWithValues: newRanges.enumerated().map { ($1.lowerBound, $0) })
        for link in after.links {
            if let index = newStarts[link.range.lowerBound], link.range == newRanges[index] {
                newLinks.append(link)
                let anchor = applied[index].anchor
                let reads =
                    anchor.hasPrefix("`")
                    ? (before.codeSpans.first { $0.range.lowerBound == applied[index].offset }?.code ?? "")
                    : applied[index].readAnchor  // a soft line break in the anchor reads as one space
                if link.text != reads, link.text.trimmingCharacters(in: [" "]) != reads.trimmingCharacters(in: [" "]) {
                    problems.add("new link for \"\(anchor)\" reads \"\(link.text)\"")
                }
            } else {
                keptLinks.append(
                    "\(link.kind.rawValue) \(link.destination) \"\(link.text)\" at \(link.range.lowerBound)")
            }
        }
        if newLinks.count != newRanges.count {
            problems.add("\(newRanges.count) links written, \(newLinks.count) parsed where they were written")
        }
        if keptLinks.sorted() != oldLinks.sorted() {
            let lost = Set(oldLinks).subtracting(keptLinks).sorted().prefix(3)
            let gained = Set(keptLinks).subtracting(oldLinks).sorted().prefix(3)
            problems.add("the other links change: lost \(Array(lost)), gained \(Array(gained))")
        }

        // cmark's own tree, for the styles cmark reads as links, is the same once the new link nodes go.
        // Not for MkDocs or MDX: cmark reads their indented blocks, where links may now be, as code.
        guard style == .relative || style == .url, dialect == .commonMark else { return }
        let bodyStart = before.frontMatter?.range.upperBound ?? DocumentChecks.bomLength(plan.original)
        let old = CmarkTree(bytes: plan.original, bodyStart: bodyStart)
        let new = CmarkTree(bytes: plan.rewritten, bodyStart: bodyStart)
        var wanted: [CmarkTree.Link] = []
        for edit in edits {
            // What cmark makes of the link alone: its destination and text.
            guard let link = CmarkTree(bytes: edit.replacement, bodyStart: 0).links.first else {
                problems.add("cmark does not read \(String(decoding: edit.replacement, as: UTF8.self)) as a link")
                return
            }
            wanted.append(link)
        }
        // Ambiguous when an existing link reads the same as a new one; the checks above still hold.
        let key = { (link: CmarkTree.Link) in [UInt8](link.url.utf8) + [0] + link.text }
        if !Set(old.links.map(key)).isDisjoint(with: wanted.map(key)) { return }
        var removed: Set<Int> = []
        var next = 0
        for (index, link) in new.links.enumerated() where next < wanted.count && key(link) == key(wanted[next]) {
            removed.insert(index)
            next += 1
        }
        guard next == wanted.count else {
            problems.add("cmark reads \(next) of the \(wanted.count) new links")
            return
        }
        let stripped = new.tokens(removingLinks: removed)
        if stripped != old.tokens {
            let at =
                zip(stripped, old.tokens).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(stripped.count, old.tokens.count)
            let context = { (tokens: [CmarkTree.Token]) in
                tokens[max(0, at - 3)..<min(tokens.count, at + 3)].map(\.description).joined(separator: " ")
            }
            problems.add("cmark's tree changes beyond the new links: \(context(old.tokens)) → \(context(stripped))")
        }
    }
}
