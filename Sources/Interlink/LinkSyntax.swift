import InterlinkMarkdown

/// The parts of an existing link as written: where its text sits between the brackets, and what follows.
/// Only the syntaxes an edit can take apart safely are recognised.
struct LinkSyntax {
    /// The whole link.
    let range: Range<Int>
    /// The bytes a reader sees as the link's text (inside `[…]`; after `|` in a wikilink, or its name).
    let text: Range<Int>
    /// Whether the link is `[text](…)` (inline, or a template such as `relref`): the only syntax a link
    /// can be moved in, since its destination does not depend on its text.
    let isInline: Bool

    /// Takes `link` apart, or nil for syntaxes that cannot be edited (autolinks, images, reference links
    /// whose label is their text, wikilinks to a section without a `|` text).
    init?(_ link: MarkdownLink, in bytes: [UInt8]) {
        let open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        range = link.range
        guard range.count >= 4, range.upperBound <= bytes.count else { return nil }
        switch link.kind {
        case .inline, .template:
            guard bytes[range.lowerBound] == open,
                let end = LinkTextBrackets.closingBracket(bytes, from: range.lowerBound + 1, limit: range.upperBound)
            else { return nil }
            text = (range.lowerBound + 1)..<end
            let next = end + 1 < range.upperBound ? bytes[end + 1] : 0
            if next == UInt8(ascii: "(") {
                isInline = true
            } else if next == open, end + 2 < range.upperBound, bytes[end + 2] != close {
                // `[text][label]`: a full reference link; its label stays with it.
                isInline = false
            } else {
                // `[text][]` and `[text]`: the text is the label, so it cannot change.
                return nil
            }
        case .wikilink:
            let inner = (range.lowerBound + 2)..<(range.upperBound - 2)
            guard bytes[range.lowerBound + 1] == open else { return nil }
            if let bar = bytes[inner].firstIndex(of: UInt8(ascii: "|")) {
                text = (bar + 1)..<inner.upperBound
            } else {
                // `[[Note]]` reads as its name; `[[Note#Section]]` reads differently in each app.
                guard !bytes[inner].contains(UInt8(ascii: "#")) else { return nil }
                text = inner
            }
            isInline = false
        case .autolink, .image:
            return nil
        }
    }

    /// Markdown for `text` as plain link text: characters that would start markup are escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\[]*_`<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
