import Foundation
import InterlinkMarkdown
import Testing

/// cmark's pathological inputs (its test/pathological_tests.py) at 10,000 levels of nesting or 100,000
/// repeated markers: parsed without a crash, in time linear in the input (every one of these took from 10
/// seconds to minutes before the fixes in RawConstructs and CommonMarkConverter), with sound ranges, and
/// with the prose at the end still linkable.
@Suite struct PathologicalInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// Whether the closing phrase "page speed" must be a linkable span.
        let linkable: Bool
        var dialect: MarkdownDialect = .commonMark
        var testDescription: String { name }
    }

    static func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    static let cases: [Case] = [
        Case(name: "10,000 nested block quotes", text: repeated("> ", 10_000) + "page speed\n", linkable: true),
        Case(name: "10,000 nested lists", text: repeated("* ", 10_000) + "page speed\n", linkable: true),
        Case(name: "10,000 nested ordered lists", text: repeated("1. ", 10_000) + "page speed\n", linkable: true),
        Case(
            name: "2,000 lines of ever deeper quotes",
            text: (0..<2_000).map { repeated("> ", $0) + "page speed\n" }.joined(), linkable: true),
        Case(name: "100,000 [", text: repeated("[", 100_000) + " page speed\n", linkable: true),
        Case(
            name: "50,000 nested brackets", text: repeated("[", 50_000) + "page speed" + repeated("]", 50_000) + "\n",
            linkable: false),
        Case(name: "100,000 [[ (wikilink openers)", text: repeated("[[", 50_000) + " page speed\n", linkable: true),
        Case(name: "30,000 wikilinks", text: repeated("[[a]] ", 30_000) + " page speed\n", linkable: true),
        Case(name: "100,000 *", text: repeated("*", 100_000) + " page speed\n", linkable: true),
        Case(name: "100,000 _", text: repeated("_", 100_000) + " page speed\n", linkable: true),
        Case(
            name: "nested strong and emphasis",
            text: repeated("*a **a ", 20_000) + "b" + repeated(" a** a*", 20_000) + " page speed\n", linkable: true),
        Case(name: "emphasis openers", text: repeated("_a ", 50_000) + "page speed\n", linkable: true),
        Case(name: "backticks", text: repeated("e`", 50_000) + " page speed\n", linkable: true),
        Case(
            name: "backtick runs", text: (1..<500).map { repeated("`", $0) + "x " }.joined() + "page speed\n",
            linkable: false),
        Case(name: "100,000 <", text: repeated("<", 100_000) + " page speed\n", linkable: true),
        Case(name: "open HTML tags", text: repeated("<a ", 30_000) + " page speed\n", linkable: false),
        Case(name: "HTML comment openers", text: repeated("a <!--", 20_000) + " page speed\n", linkable: false),
        Case(
            name: "entities", text: repeated("&#", 50_000) + repeated(" &amp;", 10_000) + " page speed\n",
            linkable: true),
        Case(name: "unclosed links", text: repeated("[a](<b", 30_000) + " page speed\n", linkable: true),
        Case(
            name: "link openers and emphasis closers", text: repeated("[ a_", 30_000) + " page speed\n", linkable: true),
        Case(
            name: "30,000 reference definitions", text: repeated("[a]: /u\n", 30_000) + "\n[a] page speed\n",
            linkable: true),
        // cmark places the inlines of a paragraph that opens with definitions as if the definitions were not
        // there: its text cannot be lined up with the bytes, so nothing in it is linkable (safe, if a pity).
        Case(
            name: "definitions opening a paragraph", text: repeated("[a]: /u\n", 30_000) + "[a] page speed\n",
            linkable: false),
        Case(
            name: "30,000 definition-like lines in a paragraph", text: "x\n" + repeated("[a]: /u page speed\n", 30_000),
            linkable: true),
        Case(name: "30,000 empty code blocks", text: repeated("```\n```\n", 30_000) + "page speed\n", linkable: true),
        Case(name: "50,000 {{ (template openers)", text: repeated("{{", 50_000) + " page speed\n", linkable: true),
        // Liquid output looked for in a link's destination: the scans back to the `(` and on to the `)` are
        // bounded, whatever the line holds.
        Case(name: "100,000 Liquid outputs in one word", text: "[a](" + repeated("{{x}}", 100_000) + " page speed\n", linkable: true),
        Case(name: "30,000 Liquid links", text: repeated("[a]({{ '/x/' | relative_url }}) ", 30_000) + " page speed\n", linkable: true),
        Case(name: "50,000 unclosed Liquid destinations", text: repeated("[a]({{ b }}", 50_000) + " page speed\n", linkable: true),
        Case(
            name: "10,000 template links", text: repeated("x ]({{< ref a.md >}})", 10_000) + " page speed\n",
            linkable: true),
        // Template links whose text is looked for back from the `](` (`TemplateLinkText`): tried brackets
        // and the links looked at are bounded.
        Case(
            name: "10,000 template links with code text", text: repeated("[`a`]({{< ref a.md >}}) ", 10_000) + " page speed\n",
            linkable: true),
        Case(
            name: "10,000 template links after 500 [ each",
            text: repeated(repeated("[", 500) + "x]({{< ref a.md >}}) ", 10_000) + " page speed\n", linkable: true),
        Case(
            name: "10,000 template links after defined labels",
            text: repeated("[a]({{< ref a.md >}}) ", 10_000) + "page speed\n\n[a]: /u\n", linkable: true),
        Case(name: "hard line breaks", text: repeated("page speed  \n", 20_000), linkable: true),
        Case(
            name: "a 10 MB line",
            text: repeated("Internal linking and page speed, again. ", 10 * 1024 * 1024 / 41) + "page speed\n",
            linkable: true),
        Case(name: "50,000 unclosed shortcode openers", text: repeated("{{< a ", 50_000) + " page speed\n", linkable: false),
        Case(
            name: "50,000 shortcode openers and one closer", text: repeated("{{< a lang=", 50_000) + ">}} page speed\n",
            linkable: true),
        Case(
            name: "30,000 paired shortcodes", text: repeated("{{% x %}}a{{% /x %}} ", 30_000) + " page speed\n",
            linkable: true),
        Case(
            name: "30,000 nested shortcodes",
            text: repeated("{{< x >}}", 30_000) + repeated("{{< /x >}}", 30_000) + " page speed\n", linkable: true),
        Case(
            name: "MkDocs: 5,000 admonitions", text: repeated("!!! note\n\n    body page speed [x]\n\n", 5_000) + "page speed\n",
            linkable: true, dialect: .mkdocs),
        Case(
            name: "MkDocs: 200 nested admonitions",
            text: (0..<200).map { repeated("    ", $0) + "!!! note\n\n" }.joined() + repeated("    ", 200) + "page speed\n",
            linkable: false, dialect: .mkdocs),
        Case(
            name: "MkDocs: 3,000 bodies and 3,000 definitions",
            text: repeated("!!! note\n\n    [a] b\n\n", 3_000) + repeated("[a]: /u\n", 3_000) + "\npage speed\n",
            linkable: true, dialect: .mkdocs),
        Case(name: "50,000 unclosed $", text: repeated("$a ", 50_000) + "page speed\n", linkable: true),
        Case(name: "30,000 inline formulas", text: repeated("$x$ a ", 30_000) + "page speed\n", linkable: true),
        Case(name: "50,000 unclosed $$ and \\(", text: repeated("a \\( $", 50_000) + " page speed\n", linkable: true),
        Case(name: "30,001 %% (the last unclosed)", text: repeated("%% a ", 30_001) + " page speed\n", linkable: true),
        Case(name: "50,000 unclosed {: on one line", text: repeated("{: a ", 50_000) + " page speed\n", linkable: true),
        Case(name: "30,000 kramdown openers, none closed", text: repeated("{::comment} {::x ", 30_000) + " page speed\n", linkable: true),
        Case(name: "30,000 bare kramdown closers", text: repeated("{:/} ", 30_000) + " page speed\n", linkable: true),
        Case(
            name: "30,000 kramdown openers closed by name, then bare closers",
            text: repeated("{::a}", 30_000) + repeated("{:/a}", 30_000) + repeated("{:/}", 30_000) + " page speed\n",
            linkable: true),
        Case(name: "50,000 container fences in a paragraph", text: repeated(":::x\n", 50_000) + "page speed\n", linkable: true),
        Case(
            name: "MDX: 50,000 fences in a paragraph", text: repeated(":::x\n", 50_000) + "page speed\n", linkable: true,
            dialect: .mdx),
        Case(name: "MDX: 50,000 {", text: repeated("{", 50_000) + " page speed\n", linkable: false, dialect: .mdx),
        Case(name: "MDX: 30,000 expressions", text: repeated("{x} a ", 30_000) + "page speed\n", linkable: true, dialect: .mdx),
        Case(name: "MDX: 30,000 open tags", text: repeated("<a ", 30_000) + " page speed\n", linkable: false, dialect: .mdx),
        Case(name: "MDX: 30,000 JSX tags", text: repeated("x <A b={() => 1}> ", 30_000) + "page speed\n", linkable: true, dialect: .mdx),
        Case(name: "MDX: unclosed comments", text: repeated("{/* ", 30_000) + " page speed\n", linkable: false, dialect: .mdx),
        Case(
            name: "MDX: 30,000 ESM lines", text: repeated("import a from 'b'\n", 30_000) + "\npage speed\n", linkable: true,
            dialect: .mdx),
    ]

    /// Seconds allowed per case: generous (the slowest takes about 3 s in a debug build), a long way below the
    /// quadratic times; `INTERLINK_TEST_TIME_SCALE` stretches it under sanitizers.
    static let allowed = 20.0 * (Double(ProcessInfo.processInfo.environment["INTERLINK_TEST_TIME_SCALE"] ?? "1") ?? 1)

    @Test(arguments: cases)
    func parsesInLinearTimeWithSoundRanges(_ pathological: Case) throws {
        let bytes = Array(pathological.text.utf8)
        let started = Date()
        let document = try MarkdownParser.parse(bytes, dialect: pathological.dialect)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < Self.allowed, "\(pathological.name) took \(seconds) s")
        for span in document.spans {
            let slice = bytes[span.range]
            #expect(!slice.isEmpty && !slice.contains(0x0A) && String(validating: slice, as: UTF8.self) != nil)
        }
        let zones = document.forbiddenZones.map(\.range)
        for range in document.spans.map(\.range) + document.codeSpans.map(\.range) + zones {
            #expect(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        }
        // Spans and zones never overlap (sorted walk: the spans are in order, zones sorted by start).
        var zoneIndex = 0
        var reach = 0
        let sortedZones = zones.sorted { $0.lowerBound < $1.lowerBound }
        for span in document.spans.map(\.range) {
            // Every zone starting before the span's end must end by its start.
            while zoneIndex < sortedZones.count, sortedZones[zoneIndex].lowerBound < span.upperBound {
                reach = max(reach, sortedZones[zoneIndex].upperBound)
                zoneIndex += 1
            }
            #expect(reach <= span.lowerBound, "\(pathological.name): a span overlaps a forbidden zone")
        }
        if pathological.linkable {
            let last = try #require(document.spans.last, "\(pathological.name): no span at all")
            #expect(String(decoding: bytes[last.range], as: UTF8.self).hasSuffix("page speed"), "\(pathological.name)")
        }
    }
}
