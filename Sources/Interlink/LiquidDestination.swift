/// A Jekyll link destination written with Liquid, worked out the way Jekyll renders it, as far as that can
/// be known without the site's data: `{{ '/docs/x/' | relative_url }}`, `{{ "/x" | absolute_url }}`,
/// `{{ site.baseurl }}/docs/x/`, `{{ site.url }}{{ site.baseurl }}/x`, `{{ '/x' | prepend: site.baseurl }}`
/// and `{{ site.baseurl }}{% link _docs/x.md %}` (the Jekyll 3 idiom). `site.baseurl` and the URL filters
/// give the site's base path (`SiteLayout.basePath`); `site.url`, a host, is dropped: the resolver reads
/// root-relative URLs against the site.
enum LiquidDestination: Equatable {
    /// A plain URL or path.
    case url(String)
    /// A `{% link … %}` or `{% post_url … %}` tag, with its argument.
    case tag(name: String, argument: String)
    /// Liquid whose value depends on data Interlink does not have (`{{ page.next.url }}`,
    /// `{{ site.repository }}/tree/…`): not an article link, and not broken either.
    case unknown

    /// Works out `destination` for a site served under `basePath` (`/guide`, or empty).
    static func evaluate(_ destination: String, basePath: String = "") -> LiquidDestination {
        var url = ""
        var tag: (name: String, argument: String)?
        var rest = Substring(destination)
        while !rest.isEmpty {
            let openers = [rest.firstRange(of: "{{"), rest.firstRange(of: "{%")].compactMap { $0 }
            guard let opener = openers.min(by: { $0.lowerBound < $1.lowerBound }) else {
                url += rest
                break
            }
            url += rest[..<opener.lowerBound]
            let isTag = rest[opener].hasSuffix("%")
            guard let close = rest[opener.upperBound...].firstRange(of: isTag ? "%}" : "}}") else { return .unknown }
            let inner = trimmed(rest[opener.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            if isTag {
                let words = inner.split(separator: " ", maxSplits: 1)
                guard tag == nil, let name = words.first, name == "link" || name == "post_url", words.count == 2 else {
                    return .unknown
                }
                tag = (String(name), trimmed(words[1]))
            } else {
                guard let value = output(inner, basePath: basePath) else { return .unknown }
                url += value
            }
        }
        if let tag {
            // Only the site's prefixes may stand around a tag, which already gives the whole URL (Jekyll 4's
            // `link` adds the base path itself).
            return url.isEmpty || url == basePath ? .tag(name: tag.name, argument: tag.argument) : .unknown
        }
        return .url(url)
    }

    /// Filters that make a path into the site's URL for it: the base path before it (`absolute_url` adds
    /// the host too, which the resolver does not need). Jekyll's two, and Eleventy's `url` and
    /// `htmlBaseUrl`, which put its `pathPrefix` before the path.
    private static let urlFilters: Set<String> = ["relative_url", "absolute_url", "url", "htmlBaseUrl"]

    /// The value of an output tag's expression: a quoted string or one of the site's prefixes, through
    /// URL filters, `prepend:` and `append:` of strings or prefixes. Nil for anything else.
    private static func output(_ expression: String, basePath: String) -> String? {
        let parts = expression.split(separator: "|").map { trimmed($0) }
        guard let base = parts.first, var value = literal(base, basePath: basePath) else { return nil }
        for filter in parts.dropFirst() {
            if urlFilters.contains(filter) {
                value = basePath + (value.hasPrefix("/") ? value : "/" + value)
                continue
            }
            let pieces = filter.split(separator: ":", maxSplits: 1).map { trimmed($0) }
            guard pieces.count == 2, let operand = literal(pieces[1], basePath: basePath) else { return nil }
            switch pieces[0] {
            case "prepend": value = operand + value
            case "append": value += operand
            default: return nil
            }
        }
        return value
    }

    /// A quoted string's content, the base path for `site.baseurl` (and `site.github.url`, which holds it),
    /// "" for `site.url` (a host), nil for anything else.
    private static func literal(_ text: String, basePath: String) -> String? {
        switch text {
        case "site.baseurl", "site.github.url": return basePath
        case "site.url": return ""
        default: break
        }
        guard text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first else { return nil }
        return String(text.dropFirst().dropLast())
    }

    /// `text` without blanks or Liquid's whitespace-control dashes at either end.
    private static func trimmed(_ text: Substring) -> String {
        var slice = text
        while let first = slice.first, first == " " || first == "\t" || first == "-" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "-" { slice = slice.dropLast() }
        return String(slice)
    }
}
