import Testing

@testable import Interlink

/// An enumeration of pages in prose ("admonitions, annotations, code blocks and diagrams"), each item a
/// page's whole title, is linked item by item, as a list of pages is; items that are only parts of
/// titles, or fewer than three pages, are not lifted.
@Suite struct EnumerationTests {
    @Test(arguments: [
        (", ", true), (",\n", true), (" and ", true), (", and ", true), (" or ", true), (" & ", true), (",", true),
        (" ", false), (", , ", false), (" and or ", false), (" with ", false), ("; ", false), (" (", false), ("", false),
        (",\n        and ", true), (String(repeating: " ", count: 40) + "and ", false),
    ])
    func separators(between: String, separates: Bool) {
        #expect(Suggester.isEnumerationSeparator(ArraySlice(between.utf8)) == separates)
    }

    static func reference(_ title: String) -> String {
        """
        ---
        title: \(title)
        ---

        The \(title.lowercased()) of this theme, set up in the configuration file.

        """
    }

    @Test func everyItemOfAnEnumerationOfTitlesIsLinked() throws {
        let fixture = try SuggestFixture([
            "reference/admonitions.md": Self.reference("Admonitions"),
            "reference/annotations.md": Self.reference("Annotations"),
            "reference/diagrams.md": Self.reference("Diagrams"),
            "reference/code-blocks.md": Self.reference("Code blocks"),
            "plugins/blog.md": """
                ---
                title: Built-in blog plugin
                ---

                Posts may use every feature of the theme, including ⟦admonitions⟧, ⟦annotations⟧, ⟦code blocks⟧
                and ⟦diagrams⟧, and more besides.

                """,
        ])
        // The default threshold: the items are too common and the pages too far apart to pass it as terms.
        let found = fixture.suggestions(from: "plugins/blog.md", minimumScore: 0.3)
        #expect(found.map { $0.offset..<($0.offset + $0.length) } == fixture.marks("plugins/blog.md"))
        #expect(found.allSatisfy { $0.reason.contains("as an entry of a list of pages") })
    }

    @Test func partsOfTitlesOrTwoItemsAreNoEnumerationOfPages() throws {
        let fixture = try SuggestFixture([
            "maps.md": Self.reference("Go maps in action"),
            "slices.md": Self.reference("Arrays, slices and strings"),
            "structs.md": Self.reference("Structs"),
            "admonitions.md": Self.reference("Admonitions"),
            "diagrams.md": Self.reference("Diagrams"),
            "debugging.md": """
                ---
                title: Debugging with GDB
                ---

                The debugger prints structs, maps, slices and channels as Go writes them.

                Pages may hold admonitions and diagrams.

                """,
        ])
        let lifted = fixture.suggestions(from: "debugging.md", minimumScore: 0)
            .filter { $0.reason.contains("as an entry of a list of pages") }
        #expect(lifted.isEmpty, "lifted: \(lifted.map(\.anchor))")
    }
}
