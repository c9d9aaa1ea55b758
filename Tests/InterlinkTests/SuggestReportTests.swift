import Foundation
import Interlink
import Testing

/// The JSON and text forms of `interlink suggest`: a versioned contract (Docs/CLI.md).
@Suite struct SuggestReportTests {
    /// Several sources and targets, one heading target (so one suggestion carries a fragment), and a
    /// multi-byte character before an anchor (so offsets are bytes, not characters).
    static func fixture() throws -> SuggestFixture {
        try SuggestFixture([
            "crawl-budget.md": SuggestPolicyTests.page(
                "Crawl Budget", "Crawl budget is how many URLs a crawler fetches from one host per day."),
            "orphan-pages.md": SuggestPolicyTests.page(
                "Orphan Pages", "Orphan pages have no inbound internal links, so a crawler never finds them."),
            "sitemaps.md": SuggestPolicyTests.page(
                "Sitemaps", "## Sitemap Index Files\n\nA sitemap index file lists sitemaps for a crawler."),
            "b-notes.md": SuggestPolicyTests.page(
                "Notes B", "Café owners: plan your ⟦crawl budget⟧ before a crawler fetches every URL."),
            "a-notes.md": SuggestPolicyTests.page(
                "Notes A",
                """
                Fix ⟦orphan pages⟧ first, since a crawler never finds them.

                \(filler(words: 300))

                A ⟦sitemap index file⟧ helps a crawler.
                """),
        ])
    }

    static func report() throws -> (SuggestFixture, SuggestionReport) {
        let fixture = try fixture()
        return (fixture, SuggestionReport(root: "site", result: fixture.suggester().suggest()))
    }

    @Test func topLevelKeysAreTheVersionedContract() throws {
        let (_, report) = try Self.report()
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "root", "minimumScore", "threshold", "suggestions"])
        #expect(object["version"] as? Int == 1)
        #expect(object["root"] as? String == "site")
        #expect(object["threshold"] as? String == "given")
        #expect(object["minimumScore"] as? Double == 0)
    }

    @Test func everySuggestionHasTheDocumentedKeys() throws {
        let (_, report) = try Self.report()
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let suggestions = try #require(object["suggestions"] as? [[String: Any]])
        #expect(suggestions.count == 3)
        let required: Set<String> = [
            "id", "source", "line", "column", "offset", "length", "anchor", "target", "url", "score", "reason",
        ]
        for suggestion in suggestions {
            let keys = Set(suggestion.keys)
            // `fragment` is omitted when the link goes to the whole page.
            #expect(keys == required || keys == required.union(["fragment"]), "keys: \(keys.sorted())")
            for key in ["line", "column", "offset", "length"] { #expect(suggestion[key] is Int, "\(key)") }
            for key in ["id", "source", "anchor", "target", "url", "reason"] { #expect(suggestion[key] is String, "\(key)") }
            #expect(suggestion["score"] is Double)
        }
        // A section link carries its fragment, in the URL and on its own.
        let section = try #require(suggestions.first { $0["fragment"] != nil })
        #expect(section["fragment"] as? String == "sitemap-index-files")
        #expect(section["url"] as? String == "/sitemaps#sitemap-index-files")
    }

    @Test func suggestionsAreSortedBySourceThenOffset() throws {
        let (fixture, report) = try Self.report()
        let order = report.suggestions.map { "\($0.source)@\($0.offset)" }
        let sorted = report.suggestions.sorted { ($0.source, $0.offset) < ($1.source, $1.offset) }
            .map { "\($0.source)@\($0.offset)" }
        #expect(order == sorted)
        #expect(report.suggestions.map(\.source) == ["a-notes.md", "a-notes.md", "b-notes.md"])
        let expected = ["a-notes.md", "b-notes.md"].flatMap { path in
            fixture.marks(path).map { "\(path)@\($0.lowerBound)" }
        }
        #expect(order == expected)
    }

    @Test func outputIsDeterministic() throws {
        let first = try Self.report().1.json()
        for _ in 0..<3 {
            #expect(try Self.report().1.json() == first)
        }
        #expect(first.hasSuffix("}\n"))
    }

    @Test func offsetAndLengthSliceTheFileToTheAnchor() throws {
        let (fixture, report) = try Self.report()
        for suggestion in report.suggestions {
            let bytes = fixture.article(suggestion.source).bytes
            let slice = bytes[suggestion.offset..<(suggestion.offset + suggestion.length)]
            #expect(String(decoding: slice, as: UTF8.self) == suggestion.anchor)
            #expect(fixture.marks(suggestion.source).contains(suggestion.offset..<(suggestion.offset + suggestion.length)))
        }
    }

    @Test func lineAndColumnPointAtTheOffset() throws {
        let (fixture, report) = try Self.report()
        for suggestion in report.suggestions {
            let bytes = fixture.article(suggestion.source).bytes
            let before = bytes[..<suggestion.offset]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            #expect(suggestion.line == line)
            #expect(suggestion.column == suggestion.offset - lineStart + 1, "columns count bytes")
        }
        // "Café" holds a two-byte character before the anchor: byte column ≠ character column.
        let cafe = try #require(report.suggestions.first { $0.source == "b-notes.md" })
        let lineText = fixture.article("b-notes.md").text(0..<cafe.offset).split(separator: "\n").last ?? ""
        #expect(cafe.column == lineText.utf8.count + 1)
        #expect(cafe.column != lineText.count + 1)
    }

    @Test func jsonRoundTripsThroughTheCodableType() throws {
        let (_, report) = try Self.report()
        let decoded = try JSONDecoder().decode(SuggestionReport.self, from: Data(report.json().utf8))
        #expect(decoded.suggestions == report.suggestions)
        #expect(decoded.version == 1)
    }

    @Test func textFormIsOneLinePerSuggestion() throws {
        let (_, report) = try Self.report()
        let lines = report.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == report.suggestions.count + 1)
        #expect(lines.last == "")
        for (line, suggestion) in zip(lines, report.suggestions) {
            let target = suggestion.target + (suggestion.fragment.map { "#" + $0 } ?? "")
            #expect(
                line.hasPrefix(
                    "\(suggestion.source):\(suggestion.line):\(suggestion.column): suggestion: link \"\(suggestion.anchor)\" to \(target) (score "
                ))
        }
    }
}
