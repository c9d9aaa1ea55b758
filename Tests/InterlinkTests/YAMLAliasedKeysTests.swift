import Testing

@testable import Interlink

/// `YAMLAliasedKeys`: keys that Yams would hash through every alias they hold are found before Yams sees them;
/// everything real front matter holds passes.
@Suite struct YAMLAliasedKeysTests {
    static func first(_ text: String) -> (line: Int, column: Int)? {
        YAMLAliasedKeys.first(in: text.utf8)
    }

    @Test(arguments: [
        ("a: &a [x, y]\n? *a\n: v\n", 2, 1),
        ("a: &a [x, y]\nk:\n  - ? *a\n    : v\n", 3, 5),
        ("a: &a [x, y]\n*a : v\n", 2, 1),
        ("a: &a [x, y]\nk: [*a, x]\n[*a, *a]: v\n", 3, 1),
        ("a: &a [x, y]\nk: {[*a]: 1}\n", 2, 5),
        ("a: &a [x, y]\nk: { *a }\n", 2, 6),
        ("a: &a [x, y]\nk: {b: 1, {c: *a}}\n", 2, 11),
        ("a: &a [x, y]\nk: [ ? *a : 1 ]\n", 2, 6),
        ("a: &a [x, y]\nk: { ? [*a] }\n", 2, 6),
    ])
    func aComplexKeyInABlockWithAliasesIsFound(text: String, line: Int, column: Int) throws {
        let found = try #require(Self.first(text))
        #expect(found.line == line)
        #expect(found.column == column)
    }

    @Test(arguments: [
        // Aliases as values only.
        "base: &base [seo, links]\ntags: *base\nkeywords: [*base, *base]\nmap: {a: *base, b: *base}\n",
        // Complex keys, but no alias anywhere: hashing them is linear.
        "? [a, b]\n: v\n[c, d]: w\n{e: 1}: x\n",
        // An alias, and key-like text only inside strings, comments and block scalars.
        "a: &a x\nb: *a\nc: \"[1]: see\"\nd: '? no'\n# [x]: y\ne: |\n  ? not a key\n  [y]: z\nf: after\n",
        // A question mark ending a plain scalar is no explicit key; `*` inside a word is no alias.
        "a: &a x\nb: *a\ntitle: What is this ?\nnote: 2*3: six\n",
        // Nothing with a `*` at all.
        "title: Plain\ntags: [a, b]\n",
    ])
    func plainKeysPass(text: String) {
        #expect(Self.first(text) == nil)
    }

    @Test func theBlockScalarEndsAtTheFirstLineNoDeeperThanItsKey() throws {
        let found = try #require(Self.first("a: &a [x]\nb: >\n  text\n\n  more\n*a: v\n"))
        #expect(found.line == 6)
        #expect(found.column == 1)
    }

    /// A block scalar's indentation is its first line's: a key of the same sequence item, less indented
    /// than the text but more than the dash, follows it.
    @Test func theBlockScalarEndsWhereItsTextsIndentationEnds() throws {
        let found = try #require(Self.first("a: &a [x]\nk:\n- b: >\n    text\n  ? *a\n  : v\n"))
        #expect(found.line == 5)
        #expect(found.column == 3)
    }
}
