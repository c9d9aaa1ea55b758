import InterlinkMarkdown
import Testing

/// Paired templates whose body is not the page's Markdown (code, diagrams, raw output, comments): nothing
/// between the opening and the closing tag is linkable, across blank lines and whatever cmark makes of it.
@Suite struct TemplateBodyTests {
    @Test func aHugoHighlightBodyIsForbiddenWhole() throws {
        let (fixture, document) = try expectSpans(
            "⟦Intro.⟧\n\n⟪{{< highlight go >}}\n// page speed\n\n# a comment, not a heading\nfunc a() {}\n{{< /highlight >}}⟫\n\n⟦After.⟧\n")
        #expect(zones(.templateBody, in: document) == fixture.marks)
        #expect(document.headings.isEmpty)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func anAngleShortcodeBodyIsForbiddenUnlessThemesRenderItAsMarkdown() throws {
        // Hugo hands `{{< >}}` bodies to the shortcode unrendered: a Markdown link there may show as text.
        let (fixture, document) = try expectSpans(
            "⟪{{< quote \"npm\" >}}\nInstall the `page-speed` tool.\n{{< /quote >}}⟫\n\n⟦Then ⟧`page-speed`⟦.⟧\n")
        #expect(zones(.templateBody, in: document) == fixture.marks)
        // The code span in the body is no anchor; the one in prose after it is.
        #expect(document.codeSpans.map(\.code) == ["page-speed"])
        #expect(document.codeSpans.first.map { $0.range.lowerBound > fixture.marks[0].upperBound } == true)
    }

    @Test func calloutsAndTabsOfTheCommonThemesAreProse() throws {
        let (fixture, document) = try expectSpans(
            "⟪{{< alert title=\"Note\" >}}⟫\n⟦Read the guide.⟧\n⟪{{< /alert >}}⟫\n\n⟪{{< tab \"npm\" >}}⟫\n⟦Install it.⟧\n⟪{{< /tab >}}⟫\n")
        #expect(zones(.templateBody, in: document).isEmpty)
        #expect(zones(.template, in: document) == fixture.marks)
        // A tab that asks for code highlights its body.
        let (coded, codeDocument) = try expectSpans("⟪{{< tab header=\"Go\" lang=\"go\" >}}\npage speed\n{{< /tab >}}⟫\n")
        #expect(zones(.templateBody, in: codeDocument) == coded.marks)
    }

    @Test func aPercentShortcodeBodyIsProseUnlessItIsCode() throws {
        let (fixture, document) = try expectSpans(
            "⟪{{% notice tip %}}⟫\n⟦Read the guide.⟧\n⟪{{% /notice %}}⟫\n\n⟪{{% code %}}\nnot prose\n{{% /code %}}⟫\n")
        #expect(zones(.templateBody, in: document) == [fixture.marks[2]])
        #expect(zones(.template, in: document) == Array(fixture.marks[0...1]))
    }

    @Test func kramdownCommentAndNomarkdownBodiesAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟦Intro.⟧\n\n⟪{::comment}\nA note on page speed.\n\nStill hidden.\n{:/comment}⟫\n\n"
                + "⟪{::nomarkdown}\n<b>page speed</b>\n{:/}⟫\n\n⟦After {::options /} text.⟧\n")
        #expect(zones(.templateBody, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func aBareKramdownCloserClosesTheExtensionStillOpenLast() throws {
        // `{:/comment}` closes the comment by name; the bare `{:/}` then closes the nomarkdown opened
        // inside it, not the comment again: both bodies, overlapping, are one zone.
        let (fixture, document) = try expectSpans(
            "⟪{::comment}\na\n{::nomarkdown}\nb\n{:/comment}\nc page\n{:/}⟫\n\n⟦After.⟧\n")
        #expect(zones(.templateBody, in: document) == fixture.marks)
    }

    @Test func liquidCodeRawAndCommentBodiesAreForbiddenButNotIfBodies() throws {
        let (fixture, document) = try expectSpans(
            "⟪{% highlight ruby %}\n# page speed\n{% endhighlight %}⟫\n\n⟪{%- raw -%}\n{{ x }} text\n{%- endraw -%}⟫\n\n"
                + "⟪{% comment %}\nhidden\n{% endcomment %}⟫\n\n⟪{% if site.x %}⟫\n⟦Shown prose.⟧\n⟪{% endif %}⟫\n")
        #expect(zones(.templateBody, in: document) == Array(fixture.marks[0...2]))
    }

    @Test func anOpenerWithoutItsCloserForbidsOnlyItself() throws {
        let (fixture, document) = try expectSpans("⟪{{< highlight go >}}⟫\n⟦Still prose.⟧\n")
        #expect(zones(.templateBody, in: document).isEmpty)
        #expect(zones(.template, in: document) == fixture.marks)
    }

    @Test func selfClosingAndEscapedShortcodesOpenNothing() throws {
        let (_, document) = try expectSpans(
            "⟦A ⟧⟪{{< figure src=\"a.png\" />}}⟫⟦ and ⟧⟪{{</* highlight */>}}⟫⟦ prose ⟧⟪{{< /highlight >}}⟫⟦ end.⟧\n")
        #expect(zones(.templateBody, in: document).isEmpty)
    }
}
