/// How a site's own Hugo shortcodes treat their body, read from their templates
/// (`layouts/shortcodes/NAME.html`, a theme's under `themes/*/layouts/shortcodes/`): a template that
/// passes `.Inner` through `markdownify` or `RenderString` renders the body as Markdown, so it is prose;
/// one that outputs `.Inner` otherwise shows it as it is, so nothing in it may be linked. Shortcodes
/// without a template here fall back to the names the common themes use (`TemplateBodies`).
public struct ShortcodeRendering: Sendable, Hashable {
    /// Shortcodes whose body is rendered as Markdown.
    public let markdown: Set<String>
    /// Shortcodes whose body is output unrendered.
    public let raw: Set<String>
    /// The sorted names of both sets, `m:` or `r:` before each, one per line: what a parse cache key
    /// carries so that edited templates make files parse again. Made once, not per file.
    public let fingerprint: String

    public init(markdown: Set<String> = [], raw: Set<String> = []) {
        self.markdown = markdown
        self.raw = raw
        fingerprint = (markdown.sorted().map { "m:" + $0 } + raw.sorted().map { "r:" + $0 }).joined(separator: "\n")
    }

    /// No templates read: every shortcode falls back to the common themes' names.
    public static let unknown = ShortcodeRendering()

    /// How a template with this text treats its body, or nil when it does not output `.Inner` at all.
    public static func rendersMarkdown(template: String) -> Bool? {
        guard template.contains(".Inner") else { return nil }
        return template.contains("markdownify") || template.contains("RenderString")
    }
}
