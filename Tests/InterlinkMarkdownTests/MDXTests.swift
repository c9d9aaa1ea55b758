import InterlinkMarkdown
import Testing

/// MDX (Docusaurus): ESM blocks, `{…}` expressions and JSX tags that cmark reads as text are forbidden;
/// a link there would break the page's build. The same bytes read as CommonMark stay prose.
@Suite struct MDXTests {
    @Test func anESMBlockIsForbiddenToItsBlankLine() throws {
        let (fixture, document) = try expectSpans(
            "⟪import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';⟫\n\n⟦Prose.⟧\n", dialect: .mdx)
        #expect(zones(.esm, in: document) == fixture.marks)
        #expect(document.spans.count == 1)
    }

    @Test func exportsAreESMToo() throws {
        let (fixture, document) = try expectSpans(
            "⟦Text.⟧\n\n⟪export const Pill = ({children}) => <span>{children}</span>;⟫\n", dialect: .mdx)
        #expect(zones(.esm, in: document) == fixture.marks)
    }

    @Test func importInProseOrIndentedIsNotESM() throws {
        let (_, document) = try expectSpans("⟦Import the package.⟧\n\n- ⟦import it⟧\n", dialect: .mdx)
        #expect(zones(.esm, in: document).isEmpty)
    }

    @Test func expressionsAreForbiddenEvenAcrossEmphasis() throws {
        let (fixture, document) = try expectSpans(
            "⟦Some ⟧⟪{props.a *b* c}⟫⟦ text and ⟧⟪{/* it's a note */}⟫⟦ end.⟧\n", dialect: .mdx)
        #expect(zones(.mdxExpression, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func nestedBracesAndQuotedBracesCloseWhereJavaScriptDoes() throws {
        let (fixture, document) = try expectSpans(
            "⟦A ⟧⟪{{a: {b: 1}, c: \"}\"}}⟫⟦ after.⟧\n", dialect: .mdx)
        #expect(zones(.mdxExpression, in: document) == fixture.marks)
    }

    @Test func anUnclosedExpressionRunsToTheParagraphEnd() throws {
        let (fixture, document) = try expectSpans("⟦Before ⟧⟪{open\nstill open⟫\n\n⟦Next.⟧\n", dialect: .mdx)
        #expect(zones(.mdxExpression, in: document) == fixture.marks)
    }

    @Test func jsxTagsThatAreNotHTMLAreForbidden() throws {
        let (fixture, document) = try expectSpans(
            "⟦Pick ⟧⟪<TabItem value=\"npm\" label={\"a > b\"}>⟫⟦ here.⟧\n", dialect: .mdx)
        #expect(zones(.jsx, in: document) == fixture.marks)
        expectSpansClear(of: document, in: fixture)
    }

    @Test func lessThanInProseIsNotATag() throws {
        let (_, document) = try expectSpans("⟦When a < b or <3 it holds.⟧\n", dialect: .mdx)
        #expect(zones(.jsx, in: document).isEmpty)
        #expect(zones(.mdxExpression, in: document).isEmpty)
    }

    @Test func anIndentedBlockIsMarkdownNotCode() throws {
        // JSX children are indented; MDX has no indented code, so this is prose (and its fence is code).
        let (fixture, document) = try expectSpans(
            "⟪<TabItem value=\"npm\">⟫\n\n    ⟦Install the tool.⟧\n\n    ```bash\n    npm install\n    ```\n\n⟪</TabItem>⟫\n",
            dialect: .mdx)
        #expect(zones(.htmlBlock, in: document) == fixture.marks)
        #expect(zones(.codeBlock, in: document).map(fixture.text) == ["```bash\n    npm install\n    ```"])
        let (_, commonMark) = try expectSpans("⟪<TabItem value=\"npm\">⟫\n\n    Install the tool.\n\n⟪</TabItem>⟫\n")
        #expect(commonMark.spans.isEmpty)
    }

    @Test func commonMarkKeepsBracesAndImportsAsProse() throws {
        let (_, document) = try expectSpans("⟦import x from 'y';⟧\n\n⟦Some {props.a} text.⟧\n")
        #expect(document.forbiddenZones.isEmpty)
    }
}
