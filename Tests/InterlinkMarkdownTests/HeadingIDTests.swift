import InterlinkMarkdown
import Testing

/// Heading slugs: an ASCII heading is read as bytes, any other by `Character`s, with the same rule.
@Suite struct HeadingIDTests {
    /// The rule, by `Character`s, for any text.
    static func referenceSlug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character == " " {
                result.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }

    @Test(arguments: [
        "", "Getting Started", "API v2.0: What's New?", "snake_case and kebab-case", "  Two  spaces  ",
        "Tabs\tand\r\nbreaks", "C++ & C#", "100% ASCII!", "`code` in *heading*", "Über Größe", "日本語 見出し",
        "Ünicode_and-ASCII 42", "e\u{301}clair",
    ])
    func slugFollowsTheRule(text: String) {
        #expect(HeadingID.slug(text) == Self.referenceSlug(text))
    }

    @Test func slugOfAnASCIIHeading() {
        #expect(HeadingID.slug("API v2.0: What's New?") == "api-v20-whats-new")
        #expect(HeadingID.slug("snake_case and kebab-case") == "snake_case-and-kebab-case")
    }
}
