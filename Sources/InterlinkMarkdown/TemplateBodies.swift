/// What a paired generator template holds when the generator does not render it as the page's
/// Markdown: a link written there would show as `[text](url)` in a code listing, a diagram or raw
/// output, or vanish with a comment. cmark reads it all as paragraphs (and a `# comment` line in it as
/// a heading), so the bodies are found in the raw bytes, before cmark's blocks are walked.
///
/// - Hugo `{{< name >}}…{{< /name >}}`: Hugo hands the inner text to the shortcode unrendered; the
///   shortcode's template decides whether it renders it as Markdown (`markdownify`, `RenderString`).
///   Where the site's templates were read (`ShortcodeRendering`) they decide; otherwise none of it is
///   linked, except in the callouts, tabs and folds of the common themes (`markdownNames`: Docsy's
///   `alert`, Book's `hint`, `tabs`, `details`, Relearn's `notice`…), which render it, unless the tag asks
///   for code (`lang=`).
/// - Hugo `{{% name %}}…{{% /name %}}`: rendered as Markdown, so prose, unless the shortcode is one
///   of `codeNames` (`highlight`, `code`, `mermaid`…).
/// - Liquid (Jekyll, Eleventy) `{% name %}…{% endname %}` for the `codeNames` and `raw`, `comment`,
///   `capture` (assigned, not shown where it stands).
/// - kramdown (Jekyll's Markdown) `{::comment}…{:/comment}` and `{::nomarkdown}…{:/nomarkdown}` (`{:/}`
///   closes the one opened last): a comment is never shown, and raw output would show a link's syntax.
enum TemplateBodies {
    /// Shortcodes and tags whose body is code, a diagram, math or raw output.
    static let codeNames: Set<String> = [
        "highlight", "code", "codeblock", "raw", "rawhtml", "html", "mermaid", "math", "katex", "latex", "tex",
        "plantuml", "diagram", "chart", "svg", "asciinema", "comment", "capture", "verbatim", "src",
    ]

    /// Hugo shortcodes that the common themes (Docsy, Book, Relearn/Learn, PaperMod, the Kubernetes and
    /// Hugo sites' own) render as Markdown: callouts, tabs, folds and columns, whose body is the page's prose.
    static let markdownNames: Set<String> = [
        "alert", "note", "notice", "hint", "callout", "admonition", "tip", "warning", "caution", "info", "important",
        "danger", "details", "expand", "tab", "tabs", "columns", "column", "panel", "aside", "blocks/section",
        "pageinfo", "card", "cards",
    ]

    /// The byte ranges of the bodies in `raw[range]`, from each opening tag to the end of its closing one,
    /// in order and apart (nested or overlapping bodies are merged). Linear in the range's length.
    static func find(in raw: [UInt8], range: Range<Int>, shortcodes: ShortcodeRendering = .unknown) -> [Range<Int>] {
        var open: [String: [Tag]] = [:]
        var bodies: [Range<Int>] = []
        var closers = ForwardSearch(raw: raw, end: range.upperBound)
        // kramdown's extensions in the order they opened (key and start), for the bare `{:/}` that closes
        // the one opened last. One closed by name is dropped when a `{:/}` reaches it: each entry is
        // pushed and popped once, however the closers come.
        var kramdownOrder: [(key: String, start: Int)] = []
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            // Straight to the next `{`: every tag starts with one.
            guard let brace = ByteSearch.firstIndex(of: UInt8(ascii: "{"), in: raw, from: index, end: range.upperBound - 1)
            else { break }
            index = brace
            guard raw[index] == UInt8(ascii: "{"),
                raw[index + 1] == UInt8(ascii: "{") || raw[index + 1] == UInt8(ascii: "%") || raw[index + 1] == UInt8(ascii: ":"),
                let tag = Tag.read(raw, at: index, end: range.upperBound, closers: &closers)
            else {
                index += 1
                continue
            }
            index = tag.range.upperBound
            if tag.isClosing {
                var key = tag.key
                if tag.syntax == .kramdown, tag.name.isEmpty {
                    while let last = kramdownOrder.last, open[last.key]?.last?.range.lowerBound != last.start {
                        kramdownOrder.removeLast()
                    }
                    guard let last = kramdownOrder.popLast() else { continue }
                    key = last.key
                }
                guard var stack = open[key], let opener = stack.popLast() else { continue }
                open[key] = stack
                if opener.hidesBody(shortcodes) { bodies.append(opener.range.lowerBound..<tag.range.upperBound) }
            } else if !tag.isSelfClosing {
                open[tag.key, default: []].append(tag)
                if tag.syntax == .kramdown { kramdownOrder.append((tag.key, tag.range.lowerBound)) }
            }
        }
        return bodies.unionInOrder()
    }

    /// One `{{< … >}}`, `{{% … %}}` or `{% … %}` tag.
    struct Tag {
        enum Syntax { case hugoAngle, hugoPercent, liquid, kramdown }
        var syntax: Syntax
        var name: String
        var isClosing: Bool
        var isSelfClosing: Bool
        /// The tag's arguments ask for code (`lang="go"`, `code=true`: Docsy's `tab` highlights its body then).
        var declaresCode: Bool
        var range: Range<Int>

        /// Openers and closers pair by syntax and name (`{{% code %}}` is not closed by `{{< /code >}}`).
        var key: String {
            switch syntax {
            case .hugoAngle: "<" + name
            case .hugoPercent: "%" + name
            case .liquid: "{%" + name
            case .kramdown: "{::" + name
            }
        }

        /// Whether nothing between this opener and its closer may be linked: the site's own template decides
        /// when there is one (`shortcodes`), else the common themes' names.
        func hidesBody(_ shortcodes: ShortcodeRendering) -> Bool {
            switch syntax {
            case .hugoAngle:
                if declaresCode || shortcodes.raw.contains(name) { return true }
                return !shortcodes.markdown.contains(name) && !TemplateBodies.markdownNames.contains(name)
            case .hugoPercent:
                return TemplateBodies.codeNames.contains(name) || shortcodes.raw.contains(name)
            case .liquid:
                return TemplateBodies.codeNames.contains(name)
            case .kramdown:
                return name == "comment" || name == "nomarkdown"
            }
        }

        /// The tag opening at `start` (`{{` or `{%`), or nil when none does (a Liquid output `{{ x }}`, an
        /// unclosed tag). `closers` finds the closing delimiters (`>}}`, `%}}`, `%}`) without reading a byte twice.
        static func read(_ raw: [UInt8], at start: Int, end: Int, closers: inout ForwardSearch) -> Tag? {
            let syntax: Syntax
            var index: Int
            var isClosing = false
            if raw[start + 1] == UInt8(ascii: ":") {
                // kramdown: `{::comment}` opens, `{:/comment}` or `{:/}` closes.
                guard start + 2 < end, raw[start + 2] == UInt8(ascii: ":") || raw[start + 2] == UInt8(ascii: "/") else {
                    return nil
                }
                syntax = .kramdown
                isClosing = raw[start + 2] == UInt8(ascii: "/")
                index = start + 3
            } else if raw[start + 1] == UInt8(ascii: "%") {
                syntax = .liquid
                index = start + 2
            } else {
                guard start + 2 < end else { return nil }
                if raw[start + 2] == UInt8(ascii: "<") {
                    syntax = .hugoAngle
                } else if raw[start + 2] == UInt8(ascii: "%") {
                    syntax = .hugoPercent
                } else {
                    return nil
                }
                index = start + 3
            }
            let close: [UInt8] = switch syntax {
            case .hugoAngle: Array(">}}".utf8)
            case .hugoPercent: Array("%}}".utf8)
            case .liquid: Array("%}".utf8)
            case .kramdown: Array("}".utf8)
            }
            guard let closeStart = closers.first(close, from: index) else { return nil }
            var inner = raw[index..<closeStart].drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: "-") }
            while let last = inner.last, last == 0x20 || last == 0x09 || last == UInt8(ascii: "-") || last == UInt8(ascii: "/") {
                inner = inner.dropLast()
            }
            let isSelfClosing = !isClosing && raw[index..<closeStart].last == UInt8(ascii: "/")
            if syntax != .liquid, syntax != .kramdown, inner.first == UInt8(ascii: "/") {
                isClosing = true
                inner = inner.dropFirst().drop { $0 == 0x20 || $0 == 0x09 }
            }
            let nameBytes = inner.prefix { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
            }
            var name = String(decoding: nameBytes, as: UTF8.self).lowercased()
            guard !name.isEmpty || (syntax == .kramdown && isClosing) else { return nil }
            if syntax == .liquid, name.hasPrefix("end"), name.count > 3 {
                isClosing = true
                name = String(name.dropFirst(3))
            }
            let arguments = raw[index..<closeStart]
            let declaresCode = arguments.firstRange(of: Array("lang=".utf8)) != nil
                || arguments.firstRange(of: Array("code=true".utf8)) != nil
            return Tag(
                syntax: syntax, name: name, isClosing: isClosing, isSelfClosing: isSelfClosing, declaresCode: declaresCode,
                range: start..<(closeStart + close.count))
        }
    }
}
