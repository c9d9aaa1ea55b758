import InterlinkMarkdown
import Testing

/// Generator templates: Hugo shortcodes and Liquid tags are forbidden; link templates are links.
@Suite struct TemplateTests {
    @Test func hugoRelrefLinksAreRecorded() throws {
        let (fixture, document) = try expectSpans(
            "⟦Read ⟧⟪[pillar pages]({{< relref \"pillar-pages.md\" >}})⟫⟦ and ⟧⟪[audits]({{< ref \"/posts/link-audits\" >}})⟫⟦.⟧\n")
        #expect(zones(.template, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.template, .template])
        #expect(document.links.map(\.template) == ["relref", "ref"])
        #expect(document.links.map(\.destination) == ["pillar-pages.md", "/posts/link-audits"])
        #expect(document.links.map(\.text) == ["pillar pages", "audits"])
        #expect(document.links.map(\.range) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func percentShortcodesAndBareRefsAreLinks() throws {
        let (fixture, document) = try expectSpans("⟦See ⟧⟪{{% relref \"nofollow.md\" %}}⟫⟦ here.⟧\n")
        #expect(document.links.map(\.destination) == ["nofollow.md"])
        #expect(document.links.map(\.range) == fixture.marks)
    }

    @Test func otherShortcodesAreForbiddenButNotLinks() throws {
        let (fixture, document) = try expectSpans("⟦A ⟧⟪{{< youtube id=\"abc\" >}}⟫⟦ video.⟧\n")
        #expect(zones(.template, in: document) == fixture.marks)
        #expect(document.links.isEmpty)
    }

    @Test func liquidLinkAndPostURLAreRecorded() throws {
        let (fixture, document) = try expectSpans(
            "⟦See ⟧⟪[about]({% link about.md %})⟫⟦ and ⟧⟪[the launch]({% post_url 2024-01-02-launch %})⟫⟦.⟧\n")
        #expect(document.links.map(\.template) == ["link", "post_url"])
        #expect(document.links.map(\.destination) == ["about.md", "2024-01-02-launch"])
        #expect(document.links.map(\.text) == ["about", "the launch"])
        #expect(document.links.map(\.range) == fixture.marks)
    }

    /// Jekyll links whose destination holds Liquid output (cmark reads them as text: the destination has
    /// blanks): the whole link is one construct, so nothing is ever linked inside its text.
    @Test func liquidDestinationsMakeTheWholeLinkOneConstruct() throws {
        let (fixture, document) = try expectSpans(
            "⟦Read ⟧⟪[Collections]({{ '/docs/collections/' | relative_url }})⟫⟦, ⟧⟪[data files]({{ site.baseurl }}/docs/datafiles/)⟫"
                + "⟦ and ⟧⟪[the CLI]( {{ site.baseurl }}{% link _docs/cli.md %} )⟫⟦.⟧\n")
        #expect(zones(.template, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.template, .template, .template])
        #expect(document.links.map(\.template) == Array(repeating: MarkdownLink.liquidDestination, count: 3))
        #expect(
            document.links.map(\.destination) == [
                "{{ '/docs/collections/' | relative_url }}", "{{ site.baseurl }}/docs/datafiles/",
                "{{ site.baseurl }}{% link _docs/cli.md %}",
            ])
        #expect(document.links.map(\.text) == ["Collections", "data files", "the CLI"])
        #expect(document.links.map(\.range) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    /// Liquid that is not a link's destination stays a template of its own: a blank outside the template, a
    /// `]` and `(` apart, no `)` on the line, or a construct inside the text.
    @Test func liquidOutsideALinkDestinationIsOnlyATemplate() throws {
        for text in [
            "⟦[docs]( ⟧⟪{{ site.baseurl }}⟫⟦ /docs/)⟧\n",
            "⟦[docs] (⟧⟪{{ site.baseurl }}⟫⟦/docs/)⟧\n",
            "⟦[docs](⟧⟪{{ site.baseurl }}⟫⟦/docs/⟧\n⟦next line)⟧\n",
            "⟦[see ⟧⟪{{ site.title }}⟫⟦](⟧⟪{{ site.baseurl }}⟫⟦/docs/ x)⟧\n",
        ] {
            let (fixture, document) = try expectSpans(text)
            #expect(zones(.template, in: document) == fixture.marks, "\(text.debugDescription)")
            #expect(document.links.isEmpty, "\(text.debugDescription)")
        }
    }

    @Test func liquidOutputAndOtherTagsAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦Hello ⟧⟪{{ site.title }}⟫⟦ and ⟧⟪{%- include x.html -%}⟫⟦ end.⟧\n")
        #expect(zones(.template, in: document) == fixture.marks)
        #expect(document.links.isEmpty)
    }
}
