import Interlink
import Testing

/// Globs of `include`, `exclude`, `never_link_to` and `never_touch`, matched against paths relative to
/// the site root, `.gitignore`-style.
@Suite struct GlobMatchingTests {
    /// A pattern with the paths it must match and the paths it must not.
    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var matches: [String]
        var misses: [String]
        var testDescription: String { pattern }
    }

    static let cases: [Case] = [
        // `*` stays within one folder.
        Case(
            pattern: "content/*.md", matches: ["content/a.md", "content/.md", "content/long-name.md"],
            misses: ["content/posts/a.md", "content/a.markdown", "other/content/a.md", "content/a.mdx"]),
        Case(
            pattern: "content/posts/*", matches: ["content/posts/a.md", "content/posts/b.markdown"],
            misses: ["content/a.md", "content/postsx/a.md"]),
        Case(pattern: "content/a*z.md", matches: ["content/az.md", "content/abcz.md"], misses: ["content/a/z.md"]),
        // `**` crosses folders, including none.
        Case(
            pattern: "content/**/*.md", matches: ["content/a.md", "content/posts/a.md", "content/x/y/z/a.md"],
            misses: ["other/a.md", "content/posts/a.txt"]),
        Case(
            pattern: "content/**", matches: ["content/a.md", "content/posts/deep/a.md"],
            misses: ["contents/a.md", "other/content/a.md"]),
        Case(pattern: "**/legal/*.md", matches: ["legal/terms.md", "content/legal/terms.md", "a/b/legal/x.md"],
             misses: ["content/legal/sub/terms.md", "content/illegal/terms.md"]),
        // `?` is exactly one character, never a slash.
        Case(
            pattern: "content/post?.md", matches: ["content/post1.md", "content/postX.md"],
            misses: ["content/post.md", "content/post12.md", "content/post/.md"]),
        Case(pattern: "content/??.md", matches: ["content/ab.md"], misses: ["content/a.md", "content/abc.md"]),
        // No slash: matches the name at any depth.
        Case(
            pattern: "*.draft.md", matches: ["a.draft.md", "content/a.draft.md", "content/posts/deep/b.draft.md"],
            misses: ["content/a.md", "content/draft.md.bak"]),
        Case(
            pattern: "changelog.md", matches: ["changelog.md", "docs/changelog.md", "a/b/changelog.md"],
            misses: ["docs/old-changelog.md", "changelog.md.bak"]),
        // A folder matches everything under it; without a slash at any depth.
        Case(
            pattern: "drafts", matches: ["drafts/a.md", "content/drafts/a.md", "content/drafts/x/y.md"],
            misses: ["mydrafts/a.md", "drafts.md", "content/drafts-old/a.md"]),
        Case(
            pattern: "drafts/", matches: ["drafts/a.md", "drafts/x/y.md", "content/drafts/a.md"],
            misses: ["mydrafts/a.md", "drafts.md", "content/draftsx/a.md"]),
        Case(
            pattern: "content/archive", matches: ["content/archive/a.md", "content/archive/2019/b.md"],
            misses: ["content/archived/a.md", "x/content/archive/a.md"]),
        Case(
            pattern: "content/archive/", matches: ["content/archive/a.md", "content/archive/2019/b.md"],
            misses: ["content/archived/a.md", "x/content/archive/a.md"]),
        // A leading slash anchors at the root.
        Case(pattern: "/notes.md", matches: ["notes.md"], misses: ["content/notes.md"]),
        Case(pattern: "/drafts/", matches: ["drafts/a.md"], misses: ["content/drafts/a.md"]),
        // Other characters are literal.
        Case(
            pattern: "content/c++ (notes).md", matches: ["content/c++ (notes).md"],
            misses: ["content/cc (notes).md", "content/c++ notes.md"]),
        Case(pattern: "content/a.md", matches: ["content/a.md"], misses: ["content/aXmd", "content/a.mdx"]),
        Case(pattern: "content/[ab].md", matches: ["content/[ab].md"], misses: ["content/a.md"]),
    ]

    @Test(arguments: cases) func matchesWhatItShould(_ glob: Case) {
        let compiled = Glob(glob.pattern)
        for path in glob.matches { #expect(compiled.matches(path), "\(glob.pattern) should match \(path)") }
        for path in glob.misses { #expect(!compiled.matches(path), "\(glob.pattern) should not match \(path)") }
    }

    @Test func keepsThePatternAsWritten() {
        let glob = Glob("content/**/*.md")
        #expect(glob.pattern == "content/**/*.md")
        #expect(glob.description == "content/**/*.md")
        #expect(Glob("a/*") == Glob("a/*"))
        #expect(Glob("a/*") != Glob("b/*"))
    }
}
