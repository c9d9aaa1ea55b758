import Testing

@testable import InterlinkMarkdown

/// Heading slugs: an ASCII heading is read as bytes, any other by `Character`s, with the same rule.
@Suite struct HeadingIDTests {
    @Test(arguments: [
        "", "Getting Started", "API v2.0: What's New?", "snake_case and kebab-case", "  Two  spaces  ",
        "Tabs\tand\r\nbreaks", "C++ & C#", "100% ASCII!", "`code` in *heading*", "Über Größe", "日本語 見出し",
        "Ünicode_and-ASCII 42", "e\u{301}clair",
    ])
    func slugFollowsTheRule(text: String) {
        #expect(HeadingID.slug(text) == HeadingID.characterSlug(text))
    }

    @Test func slugOfAnASCIIHeading() {
        #expect(HeadingID.slug("API v2.0: What's New?") == "api-v20-whats-new")
        #expect(HeadingID.slug("snake_case and kebab-case") == "snake_case-and-kebab-case")
        #expect(HeadingID.slug("Über Größe: 2 Teile") == "über-größe-2-teile")
    }
}
