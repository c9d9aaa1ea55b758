import InterlinkMarkdown
import Testing

/// Existing links, images and autolinks: forbidden as a whole, recorded with destination and text.
@Suite struct LinkTests {
    @Test func inlineLinksAreForbiddenAndRecorded() throws {
        let (fixture, document) = try expectSpans(
            "⟦Read ⟧⟪[the *anchor* guide](anchor-text.md#choosing \"Title\")⟫⟦ first.⟧\n")
        #expect(zones(.link, in: document) == fixture.marks)
        let link = try #require(document.links.first)
        #expect(document.links.count == 1)
        #expect(link.kind == .inline)
        #expect(link.destination == "anchor-text.md#choosing")
        #expect(link.text == "the anchor guide")
        #expect(link.range == fixture.marks[0])
        expectSpansClear(of: document, in: fixture)
    }

    @Test func referenceLinksAreRecordedWithTheDefinitionsDestination() throws {
        let (fixture, document) = try expectSpans(
            """
            ⟦See ⟧⟪[site architecture][arch]⟫⟦ and ⟧⟪[nofollow][]⟫⟦ and ⟧⟪[crawl budget]⟫⟦.⟧

            [arch]: /posts/site-architecture/
            [nofollow]: nofollow.md
            [crawl budget]: <crawl budget.md>

            """)
        #expect(document.links.map(\.range) == fixture.marks)
        #expect(
            document.links.map(\.destination) == ["/posts/site-architecture/", "nofollow.md", "crawl budget.md"])
        #expect(document.links.map(\.text) == ["site architecture", "nofollow", "crawl budget"])
    }

    @Test func imagesAreForbiddenAndRecordedAsImages() throws {
        let (fixture, document) = try expectSpans("⟦A chart: ⟧⟪![link equity flow](/img/flow.png)⟫⟦ shows it.⟧\n")
        #expect(zones(.image, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.image])
        #expect(document.links.map(\.destination) == ["/img/flow.png"])
        #expect(document.links.map(\.text) == ["link equity flow"])
    }

    @Test func linkedImagesAreOneLinkZone() throws {
        let (fixture, document) = try expectSpans("⟪[![logo](/logo.png)](/)⟫⟦ home.⟧\n")
        #expect(zones(.link, in: document) == fixture.marks)
        #expect(Set(document.links.map(\.kind)) == [.image, .inline])
    }

    @Test func autolinksAreForbiddenAndRecorded() throws {
        let (fixture, document) = try expectSpans(
            "⟦Mail ⟧⟪<seo@example.com>⟫⟦ or visit ⟧⟪<https://example.com/posts/>⟫⟦ today.⟧\n")
        #expect(zones(.autolink, in: document) == fixture.marks)
        #expect(document.links.map(\.kind) == [.autolink, .autolink])
        #expect(document.links.map(\.destination) == ["mailto:seo@example.com", "https://example.com/posts/"])
        #expect(document.links.map(\.text) == ["seo@example.com", "https://example.com/posts/"])
    }

    @Test func linksInListsAndQuotesAreLocated() throws {
        let (fixture, document) = try expectSpans(
            """
            - ⟦Item with ⟧⟪[a link](a.md)⟫
            > ⟦Quote with ⟧⟪[another](b.md)⟫⟦ one.⟧

            """)
        #expect(document.links.map(\.range) == fixture.marks)
    }

    @Test func bracketsThatAreNotLinksStayText() throws {
        try expectSpans("⟦Use [square brackets] freely.⟧\n")
    }
}

/// Whether a link's text opens with a code span is told by the parser from the file's bytes, so that
/// a stage that has only the parse (the file unread) can tell it too.
@Suite struct LinkTextCodeTests {
    @Test(arguments: [MarkdownDialect.commonMark, .mkdocs])
    func theFlagIsTheByteAfterTheLinksFirst(_ dialect: MarkdownDialect) throws {
        let text = """
            See [`useState()`](hooks.md), [plain](plain.md), [[Wiki Page]], [`a` and b][ref] and <https://x.y/>.

            !!! note

                Inside: [`ref()`](ref.md) and [text `code`](code.md).

            - [{{< relref "x.md" >}}]({{< relref "x.md" >}}) and [`tpl`]({{< ref "y.md" >}})

            [ref]: definition.md

            """
        let bytes = Array(text.utf8)
        let document = try MarkdownParser.parse(bytes, dialect: dialect)
        #expect(document.links.count >= 7)
        for link in document.links {
            let second = link.range.lowerBound + 1
            #expect(link.textOpensWithBacktick == (second < bytes.count && bytes[second] == UInt8(ascii: "`")))
        }
        let flagged = document.links.filter(\.textOpensWithBacktick).map(\.destination)
        #expect(flagged.contains("hooks.md"))
        #expect(flagged.contains("definition.md"))
        #expect(!flagged.contains("plain.md"))
        #expect(!flagged.contains("code.md"))
        if dialect == .mkdocs {
            #expect(flagged.contains("ref.md"), "the admonition's body is parsed, its link mapped back")
        }
    }
}
