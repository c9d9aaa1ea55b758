/// The text of a template link that the construct scan found without it: `[text]({{< relref "x.md" >}})`
/// where cmark, to which the template's blanks make `(…)` no destination, read the brackets another way.
///
/// - The file also defines `[text]: …`: cmark reads `[text]` as a link to that definition and the rest
///   as text.
/// - The text holds a code span or other inline markup (`` [`list`]({{< relref "types.md" >}}) ``): the
///   scan reads the text beside the code span, not the `[` before it.
///
/// Hugo replaces its shortcodes before the Markdown is read, and Jekyll renders Liquid first: both read
/// one link to the template's target with that text, and so does Interlink.
enum TemplateLinkText {
    /// How far before the template the `[` opening its text is looked for.
    static let longestText = 512
    /// How many of the links found last are looked at for the reference link the text is read as, or
    /// one holding the `[` (the paragraph's own links come last): a file of many templates costs linear
    /// time.
    static let recentLinks = 256

    /// The whole link, when `template` (a template link found without its text, with nothing but blanks
    /// between it and a `(` right after a `]`, and between it and a `)`) has its text in `[…]` before,
    /// and the index in `links` of the reference link cmark read in that text, which it replaces.
    static func whole(_ template: MarkdownLink, links: [MarkdownLink], raw: [UInt8]) -> (link: MarkdownLink, replaces: Int?)? {
        guard template.kind == .template, template.text.isEmpty, template.range.upperBound <= raw.count else { return nil }
        var open = template.range.lowerBound - 1
        while open >= 0, raw[open] == 0x20 { open -= 1 }
        guard open >= 1, raw[open] == UInt8(ascii: "("), raw[open - 1] == UInt8(ascii: "]") else { return nil }
        var close = template.range.upperBound
        while close < raw.count, raw[close] == 0x20 { close += 1 }
        guard close < raw.count, raw[close] == UInt8(ascii: ")") else { return nil }
        let recent = links[max(0, links.count - recentLinks)...]
        let textStart: Int
        let text: String
        var replaces: Int? = nil
        if let index = recent.lastIndex(where: { $0.kind == .inline && $0.range.upperBound == open }),
            raw[links[index].range.lowerBound] == UInt8(ascii: "[")
        {
            replaces = index
            textStart = links[index].range.lowerBound
            text = links[index].text
        } else if let bracket = LinkTextBrackets.openingBracket(raw, closing: open - 1, earliest: open - longestText),
            !recent.contains(where: { $0.range.contains(bracket) })
        {
            textStart = bracket
            text = readText(raw[(bracket + 1)..<(open - 1)])
        } else {
            return nil
        }
        let link = MarkdownLink(
            kind: .template, destination: template.destination, template: template.template, text: text,
            range: textStart..<(close + 1))
        return (link, replaces)
    }

    /// Takes the links widened to their text (`whole`) out of the prose: the parts of `spans` inside
    /// them are cut away and the code spans inside them dropped, as for any other link, so that nothing
    /// is linked in a link's text and the link stands in its sentence like any other. `spans` and
    /// `codeSpans` are in document order; one walk over each.
    static func cut(_ links: [Range<Int>], from spans: inout [TextSpan], codeSpans: inout [CodeSpan]) {
        guard !links.isEmpty else { return }
        let links = links.sorted { $0.lowerBound < $1.lowerBound }
        var next = 0
        codeSpans.removeAll { code in
            while next < links.count, links[next].upperBound <= code.range.lowerBound { next += 1 }
            return next < links.count && links[next].overlaps(code.range)
        }
        var kept: [TextSpan] = []
        kept.reserveCapacity(spans.count)
        next = 0
        for span in spans {
            while next < links.count, links[next].upperBound <= span.range.lowerBound { next += 1 }
            var start = span.range.lowerBound
            var index = next
            while index < links.count, links[index].lowerBound < span.range.upperBound {
                if links[index].lowerBound > start {
                    kept.append(
                        TextSpan(range: start..<links[index].lowerBound, block: span.block, context: span.context,
                            emphasized: span.emphasized))
                }
                start = max(start, links[index].upperBound)
                index += 1
            }
            if start < span.range.upperBound {
                kept.append(
                    TextSpan(range: start..<span.range.upperBound, block: span.block, context: span.context,
                        emphasized: span.emphasized))
            }
        }
        spans = kept
    }

    /// Link text as cmark reads it (`` `list` `` reads "list"): the text parsed as the only link of a
    /// paragraph of its own. Plain text is itself.
    static func readText(_ bytes: ArraySlice<UInt8>) -> String {
        let plain = !bytes.contains { byte in
            byte == UInt8(ascii: "`") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "\\")
                || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "[") || byte == 0x0A
        }
        if plain { return String(decoding: bytes, as: UTF8.self) }
        let paragraph = Array("[".utf8) + bytes + Array("](x)\n".utf8)
        let document = MarkdownParser.parse(paragraph, frontMatter: nil)
        return document.links.first { $0.range.lowerBound == 0 }?.text ?? String(decoding: bytes, as: UTF8.self)
    }
}
