import InterlinkMarkdown
import Testing

/// TeX math, Obsidian comments and kramdown attribute lists are text to cmark; a link inside one breaks
/// the formula, is never shown, or breaks the attributes. Each is a forbidden zone on every site.
@Suite struct InlineConstructTests {
    @Test func inlineAndDisplayMathAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟦The rank ⟧⟪$\\text{matrix rank} = r$⟫⟦ stays.⟧\n\n⟪$$\n\\text{matrix rank}\n$$⟫\n\n⟦Also ⟧⟪\\(x^2\\)⟫⟦ and ⟧⟪\\[y\\]⟫⟦.⟧\n")
        #expect(zones(.math, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test(arguments: [
        "⟦It costs $5 and $10 for the book, or $20.⟧\n",
        "⟦Price: $3 a piece, $4 each.⟧\n",
        "⟦Escaped ⟧\\$⟦a$ is no math.⟧\n",
        "⟦A lone $x here.⟧\n",
    ])
    func dollarAmountsAreProse(text: String) throws {
        let (_, document) = try expectSpans(text)
        #expect(zones(.math, in: document).isEmpty)
    }

    @Test func mathMayCloseAfterACodeSpanOrEmphasis() throws {
        let (fixture, document) = try expectSpans("⟦See ⟧⟪$a `b` *c*$⟫⟦ now.⟧\n")
        #expect(zones(.math, in: document) == fixture.marks)
    }

    @Test func obsidianCommentsAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦Shown ⟧⟪%% hidden note %%⟫⟦ shown.⟧\n\n⟦A 50% cut, 20% more.⟧\n")
        #expect(zones(.comment, in: document) == fixture.marks)
    }

    @Test func kramdownAttributeListsAreForbidden() throws {
        let (fixture, document) = try expectSpans("⟦A note paragraph.⟧\n⟪{: .note #first}⟫\n\n⟦Braces {x:y} and {: open.⟧\n")
        #expect(zones(.attributeList, in: document) == fixture.marks)
    }

    @Test func constructsInsideCodeOrContainerTitlesAreNotLookedFor() throws {
        let (_, document) = try expectSpans("::: tip $a$\n⟦Body.⟧\n:::\n\n`$b$`⟦ and ⟧`%%c%%`\n")
        #expect(zones(.math, in: document).isEmpty)
        #expect(zones(.comment, in: document).isEmpty)
    }
}
