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

    /// A trailing attribute list is no part of the heading's text; its `#` item is the id.
    @Test(arguments: [
        ("Install {#setup}", "Install", "setup"),
        ("Sub Applications - Mounts { #sub-applications-mounts }", "Sub Applications - Mounts", "sub-applications-mounts"),
        ("Options {: #opts }", "Options", "opts"),
        ("Options {:#opts .wide}", "Options", "opts"),
        ("Appendix {.unnumbered}", "Appendix", nil),
        ("Tabs { #tabs data-toc-label=\"Tabs\" }", "Tabs", "tabs"),
        ("Tabs { #tabs data-toc-label=\"Two words\" .wide }", "Tabs", "tabs"),
    ] as [(String, String, String?)])
    func anAttributeListIsSplitOff(heading: String, text: String, id: String?) {
        let split = HeadingID.splitCustomID(heading)
        #expect(split.text == text)
        #expect(split.id == id)
    }

    /// Braces holding anything but attributes are the heading's own text.
    @Test(arguments: ["Using {name}", "Maps {}", "Set {#a b}", "Hugo {{< ref >}}", "Plain heading", "A { #x } in the middle"])
    func otherBracesStayText(heading: String) {
        let split = HeadingID.splitCustomID(heading)
        #expect(split.text == heading)
        #expect(split.id == nil)
    }
}
