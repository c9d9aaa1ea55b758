/// Inline HTML tags, for knowing when prose sits inside an element such as `<a>…</a>`.
enum HTMLTag {
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// +1 for an opening tag of an element with content, -1 for a closing tag, 0 otherwise.
    static func depthChange(_ literal: String) -> Int {
        guard literal.hasPrefix("<") else { return 0 }
        if literal.hasPrefix("<!") || literal.hasPrefix("<?") || literal.hasSuffix("/>") { return 0 }
        if literal.hasPrefix("</") { return -1 }
        let name = literal.dropFirst().prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" }).lowercased()
        guard !name.isEmpty, !voidElements.contains(name) else { return 0 }
        return 1
    }
}
