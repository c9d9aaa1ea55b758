import Foundation
import Interlink
import Testing

/// Review memory: stable suggestion ids, `.interlink-ignore`, and rejected ids kept out of the results.
@Suite struct IgnoreFileTests {
    // MARK: Ids

    @Test func anIdIsTwelveHexDigitsAndPinnedAcrossVersions() {
        // Ids are committed in `.interlink-ignore`: changing how they are made would bring every
        // rejected suggestion back. These values must never change.
        #expect(Suggestion.id(source: "notes.md", target: "crawl-budget.md", anchor: "crawl budget") == "9351846852f9")
        #expect(
            Suggestion.id(
                source: "content/posts/crawl-budget.md", target: "content/posts/redirect-chains.md",
                anchor: "Redirect chains") == "25ea6eb70706")
        let id = Suggestion.id(source: "a.md", target: "b.md", anchor: "x")
        #expect(id.count == 12)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }

    @Test func idsAreWhatTheJoinedStringsHashTo() {
        // The id as first written: the joined string, lower-cased anchor, FNV-1a, 16 hex digits cut to 12.
        func reference(_ source: String, _ target: String, _ anchor: String) -> String {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in Array("\(source)\u{0}\(target)\u{0}\(anchor.lowercased())".utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let hex = String(hash, radix: 16)
            return String(String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12).description
        }
        let anchors = ["crawl budget", "Crawl Budget", "ÉCOLE Normale", "İstanbul", "ß", "Straße", "日本語", "", "A-Z 0-9 [x]"]
        for anchor in anchors {
            for (source, target) in [("notes.md", "crawl-budget.md"), ("", ""), ("é/ü.md", "x y.md")] {
                #expect(Suggestion.id(source: source, target: target, anchor: anchor) == reference(source, target, anchor))
            }
        }
        // Ids whose hash starts with zeros keep them.
        var leadingZero = false
        for number in 0..<2_000 {
            let id = Suggestion.id(source: "s\(number).md", target: "t.md", anchor: "a")
            #expect(id == reference("s\(number).md", "t.md", "a"))
            leadingZero = leadingZero || id.hasPrefix("0")
        }
        #expect(leadingZero)
    }

    @Test func theSameTripleGivesTheSameIdAndAnyChangeAnother() {
        let id = Suggestion.id(source: "notes.md", target: "crawl-budget.md", anchor: "crawl budget")
        #expect(Suggestion.id(source: "notes.md", target: "crawl-budget.md", anchor: "crawl budget") == id)
        // The anchor is compared without case.
        #expect(Suggestion.id(source: "notes.md", target: "crawl-budget.md", anchor: "Crawl Budget") == id)
        #expect(Suggestion.id(source: "other.md", target: "crawl-budget.md", anchor: "crawl budget") != id)
        #expect(Suggestion.id(source: "notes.md", target: "crawl.md", anchor: "crawl budget") != id)
        #expect(Suggestion.id(source: "notes.md", target: "crawl-budget.md", anchor: "crawl budgets") != id)
        // The parts are separated, so moving text from one to the other changes the id.
        #expect(Suggestion.id(source: "ab", target: "c", anchor: "x") != Suggestion.id(source: "a", target: "bc", anchor: "x"))
    }

    static let site = [
        "crawl-budget.md": "---\ntitle: \"Crawl Budget\"\n---\n\nCrawl budget is how many URLs a crawler fetches from one host per day.\n",
        "orphan-pages.md": "---\ntitle: \"Orphan Pages\"\n---\n\nOrphan pages have no inbound internal links, so a crawler never finds them.\n",
        "notes.md": "---\ntitle: \"Notes\"\n---\n\nPlan your crawl budget before a crawler fetches every URL. \(filler(words: 320)) Then fix orphan pages a crawler never finds.\n",
    ]

    @Test func idsAreTheSameOnEveryRunAndMatchTheirTriple() throws {
        let first = try SuggestFixture(Self.site).suggestions()
        let second = try SuggestFixture(Self.site).suggestions()
        #expect(first.count == 2)
        #expect(first.map(\.id) == second.map(\.id))
        for suggestion in first {
            #expect(suggestion.id == Suggestion.id(source: suggestion.source, target: suggestion.target, anchor: suggestion.anchor))
        }
        #expect(Set(first.map(\.id)).count == first.count)
    }

    @Test func anIdSurvivesEditsElsewhereInTheFile() throws {
        let before = try SuggestFixture(Self.site).suggestions()
        var edited = Self.site
        edited["notes.md"] = edited["notes.md"]!.replacingOccurrences(of: "Plan your", with: "Before launch, plan your")
        let after = try SuggestFixture(edited).suggestions()
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.offset) != before.map(\.offset))
    }

    @Test func rejectedIdsNeverComeBack() throws {
        let fixture = try SuggestFixture(Self.site)
        let all = fixture.suggestions()
        let rejected = try #require(all.first { $0.target == "crawl-budget.md" })
        var options = SuggestOptions(minimumScore: 0)
        options.rejectedIDs = [rejected.id]
        let remaining = Suggester(site: fixture.site, graph: LinkGraph(site: fixture.site), options: options).suggest().suggestions
        #expect(remaining.map(\.id) == all.map(\.id).filter { $0 != rejected.id })
        #expect(!remaining.contains { $0.target == "crawl-budget.md" && $0.anchor.lowercased() == "crawl budget" })
    }

    // MARK: The file

    @Test func parseReadsIdsAndDescriptionsSkippingCommentsAndBlankLines() throws {
        let file = try IgnoreFile.parse("""
            # header
            # another comment

            3b9bc3622205 content/a.md -> content/b.md "inbound link"
               0123456789ab   indented, with spaces
            abcdefabcdef
            """)
        #expect(file.ids == ["3b9bc3622205", "0123456789ab", "abcdefabcdef"])
        #expect(file.entries["3b9bc3622205"] == "content/a.md -> content/b.md \"inbound link\"")
        #expect(file.entries["abcdefabcdef"] == "")
        #expect(try IgnoreFile.parse("").ids.isEmpty)
        #expect(try IgnoreFile.parse("# only a comment\n").ids.isEmpty)
        #expect(try IgnoreFile.parse("3b9bc3622205 a\r\n0123456789ab b\r\n").ids == ["3b9bc3622205", "0123456789ab"])
    }

    @Test(arguments: [
        ("3b9bc3622205 ok\n\nnot-an-id content/a.md\n", 3, "not-an-id"),
        ("3b9bc362220 content/a.md -> b.md\n", 1, "3b9bc362220"),
        ("# c\n3b9bc3622205x\n", 2, "3b9bc3622205x"),
        ("# c\n# d\n\n\nzzzzzzzzzzzz a -> b\n", 5, "zzzzzzzzzzzz"),
    ])
    func aMalformedIdIsAnErrorNamingItsLine(_ text: String, _ line: Int, _ id: String) throws {
        #expect {
            try IgnoreFile.parse(text)
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.path == ".interlink-ignore" && diagnostic.line == line
                && diagnostic.message.contains("'\(id)'")
                && diagnostic.description.hasPrefix(".interlink-ignore:\(line):1: error: ")
        }
    }

    /// A suggestion made by hand (decoded, as the type has no public initialiser).
    static func suggestion(_ source: String, _ target: String, _ anchor: String) -> Suggestion {
        let object: [String: Any] = [
            "id": Suggestion.id(source: source, target: target, anchor: anchor), "source": source, "line": 1,
            "column": 1, "offset": 0, "length": anchor.utf8.count, "anchor": anchor, "target": target, "url": "/",
            "score": 0.5, "reason": "test",
        ]
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try! JSONDecoder().decode(Suggestion.self, from: data)
    }

    @Test func theTextIsSortedHumanReadableAndParsesBack() throws {
        var file = IgnoreFile()
        let suggestions = [
            Self.suggestion("content/z.md", "content/a.md", "zebra pages"),
            Self.suggestion("content/a.md", "content/b.md", "Anchor Text"),
            Self.suggestion("content/m.md", "content/n.md", "middle"),
        ]
        for suggestion in suggestions { file.add(suggestion) }
        file.add(suggestions[0])  // twice is once
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(file.text.hasSuffix("\n"))
        let entries = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(entries.count == 3)
        #expect(entries == entries.sorted())
        #expect(lines.filter { $0.hasPrefix("#") }.count >= 1)
        for suggestion in suggestions {
            #expect(entries.contains("\(suggestion.id) \(suggestion.source) -> \(suggestion.target) \"\(suggestion.anchor)\""))
        }
        let reparsed = try IgnoreFile.parse(file.text)
        #expect(reparsed == file)
        #expect(reparsed.text == file.text)
    }

    @Test func savesAndLoadsInTheSiteRoot() throws {
        let site = try TemporarySite(["a.md": "# A\n"])
        #expect(try IgnoreFile.load(root: site.root).ids.isEmpty)
        var file = IgnoreFile()
        file.add(Self.suggestion("a.md", "b.md", "bee"))
        try file.save(root: site.root)
        #expect(try IgnoreFile.load(root: site.root) == file)
        // Saving again replaces the file.
        file.add(Self.suggestion("a.md", "c.md", "sea"))
        try file.save(root: site.root)
        let text = try String(contentsOf: site.root.appendingPathComponent(".interlink-ignore"), encoding: .utf8)
        #expect(text == file.text)
        #expect(try IgnoreFile.load(root: site.root).ids.count == 2)

        try site.write(".interlink-ignore", bytes: Array("# ok\nnope\n".utf8))
        #expect(throws: Diagnostic.self) { try IgnoreFile.load(root: site.root) }
    }
}
