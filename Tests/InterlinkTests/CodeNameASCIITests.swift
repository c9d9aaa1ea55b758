import Testing

@testable import Interlink

/// `CodeName.looksLikeCode` reads plain ASCII as bytes; it must answer as the `Character`-based
/// reading does for every text.
@Suite struct CodeNameASCIITests {
    static let pieces = [
        "", "a", "Z", "v", "-", "--", "v-", ".", "_", ":", "::", "(", ")", "()", "<", ">", "$", "@", " ", "  ", "ref",
        "useState", "App", "config", "model", "x", "9", "\t", "\r\n", "\n", "é", "Ü", "é", "ß", "#", "/", "Go",
        "SEO", "if", "v-model", "go test", "net.Server", "my_var", "std::vector", "aB", "Ab", "ABC", "a1B",
    ]

    @Test func asciiAnswersAsTheGeneralReading() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var texts = Self.pieces
        for _ in 0..<20_000 {
            texts.append((0..<(1 + next() % 6)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined())
        }
        texts.append(String(repeating: "a", count: 60))
        texts.append(String(repeating: "a", count: 61))
        texts.append("v-" + String(repeating: "a", count: 18))
        texts.append("v-" + String(repeating: "a", count: 19))
        for text in texts {
            #expect(CodeName.looksLikeCode(text) == CodeName.generalLooksLikeCode(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("📦 plugin-sitemap", "plugin-sitemap"), ("⚡️ Fast Refresh ⚡️", "Fast Refresh"), ("useState", "useState"),
        ("<Suspense>", "<Suspense>"), ("`ref()`", "`ref()`"), ("🎉", "🎉"), ("", ""),
    ])
    func decorationAroundATitleIsDropped(title: String, name: String) {
        #expect(CodeName.withoutDecoration(title) == name)
    }

    @Test(arguments: [
        ("create-docusaurus", true), ("plugin-sitemap", true), ("git-lfs", true), ("eslint-plugin-vue2", true),
        ("Built-in", false), ("built in", false), ("plugin-", false), ("-x", false), ("sitemap", false),
        ("é-a", false), ("a-b", true),
    ])
    func aLowerCaseHyphenatedWordIsAName(text: String, isName: Bool) {
        #expect(CodeName.isHyphenatedName(text) == isName)
    }

    @Test(arguments: [
        ("@docusaurus/plugin-debug", "plugin-debug" as String?), ("@babel/core", "core"), ("@x/", nil),
        ("@x/y/z", nil), ("docusaurus/plugin-debug", nil), ("@scope", nil),
    ])
    func aScopedPackageNamesItsNameAfterTheScope(key: String, name: String?) {
        #expect(CodeName.unscoped(key) == name)
    }
}
