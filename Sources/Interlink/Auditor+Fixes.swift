import InterlinkMarkdown

extension Auditor {
    /// Removing a link but keeping its text: `[text](…)` → `text`, `[[Note|text]]` → `text`. Nil for
    /// syntaxes whose text cannot stand alone (an autolink would leave a bare URL that generators link).
    func unlinkFix(_ link: MarkdownLink, in article: Article, why: String) -> AuditFix {
        guard let syntax = LinkSyntax(link, in: article.bytes) else { return AuditFix(description: why) }
        let text = article.text(syntax.text)
        var fix = AuditFix(
            description: why, edit: TextEdit(offset: link.range.lowerBound, length: link.range.count, replacement: text))
        fix.expectation = EditExpectation(removed: link, added: nil)
        return fix
    }

    /// The fix for a generic anchor: the link moved onto a phrase naming its target in the same
    /// sentence, or its text rewritten (see `AnchorProposer`).
    func anchorFix(_ proposal: AnchorProposer.Proposal, link: MarkdownLink, in article: Article, target: Int) -> AuditFix {
        let bytes = article.bytes
        switch proposal {
        case .move(let mention, let mentionText):
            guard let syntax = LinkSyntax(link, in: bytes) else { break }
            let linkText = Array(bytes[syntax.text])
            // `]` and the destination: everything after the text.
            let rest = Array(bytes[syntax.text.upperBound..<link.range.upperBound])
            let newLink = [UInt8(ascii: "[")] + Array(bytes[mention]) + rest
            let region: Range<Int>
            let replacement: [UInt8]
            let linkRange: Range<Int>
            if mention.upperBound <= link.range.lowerBound {
                region = mention.lowerBound..<link.range.upperBound
                replacement = newLink + Array(bytes[mention.upperBound..<link.range.lowerBound]) + linkText
                linkRange = 0..<newLink.count
            } else {
                region = link.range.lowerBound..<mention.upperBound
                let before = linkText + Array(bytes[link.range.upperBound..<mention.lowerBound])
                replacement = before + newLink
                linkRange = before.count..<(before.count + newLink.count)
            }
            var fix = AuditFix(
                description: "link the words \"\(mentionText)\" in the same sentence instead, and leave \"\(link.text)\" as plain text",
                edit: TextEdit(
                    offset: region.lowerBound, length: region.count,
                    replacement: String(decoding: replacement, as: UTF8.self)))
            fix.expectation = EditExpectation(
                removed: link, added: .init(rangeInReplacement: linkRange, text: mentionText, target: target))
            return fix
        case .rewrite(let text):
            let description = "write \"\(text)\" instead"
            let replacement: [UInt8]
            if link.kind == .autolink {
                replacement = Array("[\(LinkSyntax.escape(text))](\(LinkRenderer.destination(link.destination, fragment: nil)))".utf8)
            } else if let syntax = LinkSyntax(link, in: bytes) {
                let written = link.kind == .wikilink ? text : LinkSyntax.escape(text)
                // A wikilink's text can change only when it has one of its own (`[[Note|text]]`).
                if link.kind == .wikilink,
                    !article.text(link.range).contains("|") || text.contains("|") || text.contains("]") || text.contains("[")
                {
                    return AuditFix(description: description)
                }
                replacement = Array(bytes[link.range.lowerBound..<syntax.text.lowerBound]) + Array(written.utf8)
                    + Array(bytes[syntax.text.upperBound..<link.range.upperBound])
            } else {
                return AuditFix(description: description)
            }
            var fix = AuditFix(
                description: description,
                edit: TextEdit(
                    offset: link.range.lowerBound, length: link.range.count,
                    replacement: String(decoding: replacement, as: UTF8.self)))
            fix.expectation = EditExpectation(
                removed: link, added: .init(rangeInReplacement: 0..<replacement.count, text: text, target: target))
            return fix
        }
        return AuditFix(description: "link descriptive words instead")
    }
}
