import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// Every link style: a rendered link, parsed again with `MarkdownParser` and resolved with the loader's own
/// `LinkResolver` on the same site, must reach the intended target (and `#fragment` where the style has one).
@Suite struct LinkStyleRoundTripTests {
    struct RoundTrip {
        /// The link as written into the file.
        var written: String
        /// What the resolver makes of it: target path and fragment, or a description of the failure.
        var resolved: String
    }

    /// Renders one link, splices it into the source, parses the result and resolves the new link.
    /// Also checks that `Rewriter.plan` accepts the same suggestion and writes the same bytes.
    static func roundTrip(
        _ result: SiteLoader.Result, style: LinkStyle, source: String, anchor: String, target: String,
        fragment: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> RoundTrip {
        let site = result.site
        let suggestion = try RewriteFixture.suggestion(
            in: site, source: source, anchor: anchor, target: target, fragment: fragment, sourceLocation: sourceLocation)
        let article = try #require(site.article(atPath: source))
        let range = suggestion.offset..<(suggestion.offset + suggestion.length)
        let replacement = try LinkRenderer(site: site, style: style).render(
            anchor: Array(article.bytes[range]), source: article, target: try #require(site.article(atPath: target)),
            fragment: fragment, inTable: false)
        let rewritten = try Edit.apply(
            [Edit(range: range, expected: Array(article.bytes[range]), replacement: replacement)], to: article.bytes)

        let plans = Rewriter(site: site, style: style).plan([suggestion])
        #expect(plans.count == 1, sourceLocation: sourceLocation)
        #expect(plans.first?.applied == [suggestion], "\(plans.first?.rejected ?? [])", sourceLocation: sourceLocation)
        #expect(plans.first?.rewritten == rewritten, sourceLocation: sourceLocation)

        let document = try MarkdownParser.parse(rewritten)
        let written = String(decoding: replacement, as: UTF8.self)
        guard let link = document.links.first(where: { $0.range == range.lowerBound..<(range.lowerBound + replacement.count) })
        else {
            return RoundTrip(written: written, resolved: "not parsed as a link")
        }
        let sourceIndex = try #require(site.index(ofPath: source))
        switch LinkResolver(site: site).resolve(link, from: sourceIndex) {
        case .article(let index, let fragment):
            return RoundTrip(written: written, resolved: site.articles[index].path + (fragment.map { "#" + $0 } ?? ""))
        case .broken(let reason):
            return RoundTrip(written: written, resolved: "broken: \(reason)")
        case .other:
            return RoundTrip(written: written, resolved: "other")
        }
    }

    // MARK: relative

    static let plainFiles = [
        "index.md": "# Home\n\nWelcome home.\n",
        "guide/intro.md": """
            # Intro

            Read the reference options, the home page, the setup steps, the deep dive and my note.

            """,
        "guide/setup.md": "# Setup\n\nSteps.\n",
        "guide/advanced/deep.md": "# Deep\n\nSee the reference when lost.\n",
        "api/reference.md": "# Reference\n\n## Options\n\nText.\n",
        "notes/My Note.md": "# My Note\n\nA note.\n",
    ]

    @Test func relativeLinksReachTheirTargetFromAnyFolder() async throws {
        let site = try TemporarySite(Self.plainFiles)
        let result = await site.load()
        #expect(result.site.layout.generator == .plain)
        let cases: [(source: String, anchor: String, target: String, fragment: String?, written: String)] = [
            ("guide/intro.md", "reference options", "api/reference.md", "options",
             "[reference options](../api/reference.md#options)"),
            ("guide/intro.md", "home page", "index.md", nil, "[home page](../index.md)"),
            ("guide/intro.md", "setup steps", "guide/setup.md", nil, "[setup steps](setup.md)"),
            ("guide/intro.md", "deep dive", "guide/advanced/deep.md", nil, "[deep dive](advanced/deep.md)"),
            ("guide/advanced/deep.md", "reference", "api/reference.md", nil, "[reference](../../api/reference.md)"),
            ("guide/intro.md", "my note", "notes/My Note.md", nil, "[my note](<../notes/My Note.md>)"),
        ]
        for item in cases {
            let trip = try Self.roundTrip(
                result, style: .relative, source: item.source, anchor: item.anchor, target: item.target,
                fragment: item.fragment)
            #expect(trip.written == item.written)
            #expect(trip.resolved == item.target + (item.fragment.map { "#" + $0 } ?? ""))
        }
    }

    // MARK: url

    static let hugoFiles = [
        "hugo.toml": "baseURL = \"https://example.org/\"\n",
        "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/posts/source.md": "---\ntitle: Source\n---\nRead about pillar pages, link audits and the about page.\n",
        "content/posts/pillar.md": "---\nurl: /guides/pillar-pages/\n---\n# Pillar Pages\n\n## Why it matters\n\nText.\n",
        "content/posts/link-audits.md": "+++\ntitle = \"Link audits\"\nslug = \"audits\"\n+++\nAudit.\n",
        "content/about/index.md": "About us.\n",
    ]

    @Test func rootURLsReachTheirTargetWithFragments() async throws {
        let site = try TemporarySite(Self.hugoFiles)
        let result = await site.load()
        #expect(result.site.layout.generator == .hugo)
        let source = "content/posts/source.md"
        let pillar = try Self.roundTrip(
            result, style: .url, source: source, anchor: "pillar pages", target: "content/posts/pillar.md",
            fragment: "why-it-matters")
        #expect(pillar.written == "[pillar pages](/guides/pillar-pages/#why-it-matters)")
        #expect(pillar.resolved == "content/posts/pillar.md#why-it-matters")
        let audits = try Self.roundTrip(
            result, style: .url, source: source, anchor: "link audits", target: "content/posts/link-audits.md")
        #expect(audits.written == "[link audits](/posts/audits/)")
        #expect(audits.resolved == "content/posts/link-audits.md")
        let about = try Self.roundTrip(
            result, style: .url, source: source, anchor: "about page", target: "content/about/index.md")
        #expect(about.written == "[about page](/about/)")
        #expect(about.resolved == "content/about/index.md")
    }

    @Test func rootURLsUnderABasePathReachTheirTarget() async throws {
        var files = Self.hugoFiles
        files["hugo.toml"] = "baseURL = \"https://example.org/blog/\"\n"
        let site = try TemporarySite(files)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: .url, source: "content/posts/source.md", anchor: "link audits",
            target: "content/posts/link-audits.md")
        #expect(trip.written == "[link audits](/blog/posts/audits/)")
        #expect(trip.resolved == "content/posts/link-audits.md")
    }

    @Test func rootURLsWithSpacesAreWrappedAndStillResolve() async throws {
        let site = try TemporarySite(Self.plainFiles)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: .url, source: "guide/intro.md", anchor: "my note", target: "notes/My Note.md")
        #expect(trip.written == "[my note](</notes/My Note>)")
        #expect(trip.resolved == "notes/My Note.md")
    }

    // MARK: relref

    @Test func hugoRelrefReachesItsTargetWithAFragment() async throws {
        let site = try TemporarySite(Self.hugoFiles)
        let result = await site.load()
        let source = "content/posts/source.md"
        let pillar = try Self.roundTrip(
            result, style: .relref, source: source, anchor: "pillar pages", target: "content/posts/pillar.md",
            fragment: "why-it-matters")
        #expect(pillar.written == "[pillar pages]({{< relref \"posts/pillar.md#why-it-matters\" >}})")
        #expect(pillar.resolved == "content/posts/pillar.md#why-it-matters")
        let about = try Self.roundTrip(
            result, style: .relref, source: source, anchor: "about page", target: "content/about/index.md")
        #expect(about.written == "[about page]({{< relref \"about/index.md\" >}})")
        #expect(about.resolved == "content/about/index.md")
    }

    // MARK: liquid

    static let jekyllFiles = [
        "_config.yml": "url: https://blog.example.com\npermalink: date\n",
        "_posts/2024-01-02-first-post.md": "---\ntitle: First post\n---\nSee the about page, the second post and the guide.\n",
        "_posts/2024-02-03-second.md": "---\ntitle: Second\n---\n## Details\n\nMore.\n",
        "about.md": "---\ntitle: About\npermalink: /about/\n---\nAbout.\n",
        "docs/guide.md": "---\ntitle: Guide\n---\nGuide.\n",
        "index.md": "---\ntitle: Home\n---\nHome.\n",
    ]

    @Test func jekyllLinkTagReachesPages() async throws {
        let site = try TemporarySite(Self.jekyllFiles)
        let result = await site.load()
        #expect(result.site.layout.generator == .jekyll)
        let source = "_posts/2024-01-02-first-post.md"
        let about = try Self.roundTrip(result, style: .liquid, source: source, anchor: "about page", target: "about.md")
        #expect(about.written == "[about page]({% link about.md %})")
        #expect(about.resolved == "about.md")
        let guide = try Self.roundTrip(result, style: .liquid, source: source, anchor: "guide", target: "docs/guide.md")
        #expect(guide.written == "[guide]({% link docs/guide.md %})")
        #expect(guide.resolved == "docs/guide.md")
    }

    @Test func jekyllPostURLReachesPosts() async throws {
        let site = try TemporarySite(Self.jekyllFiles)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: .liquid, source: "_posts/2024-01-02-first-post.md", anchor: "second post",
            target: "_posts/2024-02-03-second.md")
        #expect(trip.written == "[second post]({% post_url 2024-02-03-second %})")
        #expect(trip.resolved == "_posts/2024-02-03-second.md")
    }

    @Test func jekyllRootURLsReachPosts() async throws {
        let site = try TemporarySite(Self.jekyllFiles)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: .url, source: "_posts/2024-01-02-first-post.md", anchor: "second post",
            target: "_posts/2024-02-03-second.md", fragment: "details")
        #expect(trip.written == "[second post](/2024/02/03/second.html#details)")
        #expect(trip.resolved == "_posts/2024-02-03-second.md#details")
    }

    // MARK: wikilink

    static let obsidianFiles = [
        ".obsidian/app.json": "{}\n",
        "Source.md": "Pillar Pages are central; read about anchor text, the pillar tips and the first dup.\n",
        "Pillar Pages.md": "# Pillar Pages\n\n## Tips\n\nText.\n",
        "Notes/Anchor Text.md": "# Anchor Text\n\nText.\n",
        "A/Dup.md": "First.\n",
        "B/Dup.md": "Second.\n",
    ]

    @Test func wikilinkWithTheNoteNameAsAnchor() async throws {
        let site = try TemporarySite(Self.obsidianFiles)
        let result = await site.load()
        #expect(result.site.layout.generator == .obsidian)
        let trip = try Self.roundTrip(
            result, style: .wikilink, source: "Source.md", anchor: "Pillar Pages", target: "Pillar Pages.md")
        #expect(trip.written == "[[Pillar Pages]]")
        #expect(trip.resolved == "Pillar Pages.md")
    }

    @Test func wikilinkWithAnAnchorAndAHeading() async throws {
        let site = try TemporarySite(Self.obsidianFiles)
        let result = await site.load()
        let anchor = try Self.roundTrip(
            result, style: .wikilink, source: "Source.md", anchor: "anchor text", target: "Notes/Anchor Text.md")
        #expect(anchor.written == "[[Anchor Text|anchor text]]")
        #expect(anchor.resolved == "Notes/Anchor Text.md")
        // Obsidian links a section by its heading text.
        let tips = try Self.roundTrip(
            result, style: .wikilink, source: "Source.md", anchor: "pillar tips", target: "Pillar Pages.md",
            fragment: "tips")
        #expect(tips.written == "[[Pillar Pages#Tips|pillar tips]]")
        #expect(tips.resolved == "Pillar Pages.md#Tips")
    }

    @Test func wikilinkToANoteWhoseNameIsNotUniqueUsesItsPath() async throws {
        let site = try TemporarySite(Self.obsidianFiles)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: .wikilink, source: "Source.md", anchor: "first dup", target: "A/Dup.md")
        #expect(trip.written == "[[A/Dup|first dup]]")
        #expect(trip.resolved == "A/Dup.md")
        let second = try Self.roundTrip(
            result, style: .wikilink, source: "Source.md", anchor: "first dup", target: "B/Dup.md")
        #expect(second.resolved == "B/Dup.md")
    }

    // MARK: every style on one site

    @Test(arguments: LinkStyle.allCases)
    func everyStyleResolvesOnAHugoSite(style: LinkStyle) async throws {
        guard style != .liquid else { return }  // Liquid tags are Jekyll's; Hugo does not read them.
        let site = try TemporarySite(Self.hugoFiles)
        let result = await site.load()
        let trip = try Self.roundTrip(
            result, style: style, source: "content/posts/source.md", anchor: "link audits",
            target: "content/posts/link-audits.md")
        #expect(trip.resolved == "content/posts/link-audits.md", "\(style): \(trip.written)")
    }
}
