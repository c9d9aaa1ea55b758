import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// Only the anchor spans change: line endings, BOM, final newline, trailing blanks, front matter and every
/// byte around the anchor stay as they were. Each case takes the new link syntax out again and must get back
/// the original bytes exactly.
@Suite struct RewriteBytePreservationTests {
    static let target = "# Pillar Pages\n\nA pillar page.\n"
    static let link = "[pillar pages](pillar.md)"

    /// Plans links from `source` (given as bytes) to `pillar.md` for the listed occurrences of `anchor`,
    /// checks they are all written and that removing them gives back the original, and returns the rewrite.
    @discardableResult
    static func rewrite(
        _ bytes: [UInt8], anchor: String = "pillar pages", occurrences: [Int] = [0],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> FileRewrite {
        let (temporary, result) = try await RewriteFixture.load(["pillar.md": Array(target.utf8), "source.md": bytes])
        defer { withExtendedLifetime(temporary) {} }
        let suggestions = try occurrences.map {
            try RewriteFixture.suggestion(
                in: result.site, source: "source.md", anchor: anchor, target: "pillar.md", occurrence: $0,
                sourceLocation: sourceLocation)
        }
        let plans = Rewriter(site: result.site, style: .relative).plan(suggestions)
        let plan = try #require(plans.first, sourceLocation: sourceLocation)
        #expect(plans.count == 1, sourceLocation: sourceLocation)
        #expect(plan.path == "source.md", sourceLocation: sourceLocation)
        #expect(plan.original == bytes, sourceLocation: sourceLocation)
        #expect(plan.rejected.isEmpty, "\(plan.rejected.map(\.reason))", sourceLocation: sourceLocation)
        #expect(plan.applied.count == occurrences.count, sourceLocation: sourceLocation)
        #expect(plan.changes, sourceLocation: sourceLocation)
        let linkText = "[\(anchor)](pillar.md)"
        #expect(
            RewriteFixture.occurrences(of: Array(linkText.utf8), in: plan.rewritten).count == occurrences.count,
            sourceLocation: sourceLocation)
        #expect(
            RewriteFixture.removing(linkText, keeping: anchor, from: plan.rewritten) == bytes,
            "removing the links does not give back the original", sourceLocation: sourceLocation)
        // The rewritten file parses with the new links, reading as the anchor, pointing at the target.
        let document = try MarkdownParser.parse(plan.rewritten)
        let newLinks = document.links.filter { $0.destination == "pillar.md" }
        #expect(newLinks.count == occurrences.count, sourceLocation: sourceLocation)
        #expect(newLinks.allSatisfy { $0.text == anchor && $0.kind == .inline }, sourceLocation: sourceLocation)
        return plan
    }

    @Test func crlfFileStaysCRLF() async throws {
        let text = "---\r\ntitle: Source\r\n---\r\n# Source\r\n\r\nWe build pillar pages here.\r\nSecond line.\r\n\r\n- pillar pages in a list\r\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [0, 1])
        let rewritten = String(decoding: plan.rewritten, as: UTF8.self)
        #expect(rewritten.components(separatedBy: "\r\n").count == text.components(separatedBy: "\r\n").count)
        #expect(!rewritten.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF appeared")
        #expect(rewritten.hasSuffix("[pillar pages](pillar.md) in a list\r\n"))
    }

    @Test func bomFileKeepsItsBOM() async throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# Source\n\nAbout pillar pages.\n".utf8)
        let plan = try await Self.rewrite(bytes)
        #expect(plan.rewritten.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "#")]))
    }

    @Test func bomAndFrontMatterAndCRLFTogether() async throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: pillar pages\r\n---\r\nOn pillar pages.\r\n".utf8)
        let plan = try await Self.rewrite(bytes, occurrences: [1])
        #expect(plan.rewritten.starts(with: [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: pillar pages\r\n---\r\n".utf8)))
    }

    @Test func fileWithoutFinalNewlineKeepsThat() async throws {
        let plan = try await Self.rewrite(Array("# Source\n\nAbout pillar pages.".utf8))
        #expect(plan.rewritten.last == UInt8(ascii: "."))
        // The anchor as the very last bytes of the file.
        let end = try await Self.rewrite(Array("# Source\n\nAll about pillar pages".utf8))
        #expect(String(decoding: end.rewritten, as: UTF8.self).hasSuffix(Self.link))
    }

    @Test func trailingWhitespaceIsKept() async throws {
        let text = "# Source\n\nAbout pillar pages.   \nA hard break above, a tab here\t\n\nLast pillar pages  \n\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [0, 1])
        #expect(String(decoding: plan.rewritten, as: UTF8.self).contains("(pillar.md).   \n"))
        #expect(String(decoding: plan.rewritten, as: UTF8.self).hasSuffix("(pillar.md)  \n\n"))
    }

    @Test func frontMatterIsUntouched() async throws {
        let frontMatter = "---\ntitle: Why pillar pages matter\ntags: [pillar pages, seo]\n---\n"
        let text = frontMatter + "We write pillar pages.\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [2])
        #expect(plan.rewritten.starts(with: Array(frontMatter.utf8)))
        // TOML front matter too.
        let toml = "+++\ntitle = \"pillar pages\"\n+++\nOn pillar pages.\n"
        let tomlPlan = try await Self.rewrite(Array(toml.utf8), occurrences: [1])
        #expect(tomlPlan.rewritten.starts(with: Array("+++\ntitle = \"pillar pages\"\n+++\n".utf8)))
    }

    @Test func anchorNextToEmphasis() async throws {
        let text = "Read *about* pillar pages *today*, **pillar pages**, _pillar pages_ and *pillar pages*.\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [0, 1, 2, 3])
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self)
                == "Read *about* \(Self.link) *today*, **\(Self.link)**, _\(Self.link)_ and *\(Self.link)*.\n")
        // The emphasis is still emphasis around the link.
        let document = try MarkdownParser.parse(plan.rewritten)
        #expect(document.spans.contains { $0.emphasized && String(decoding: plan.rewritten[$0.range], as: UTF8.self) == "today" })
    }

    @Test func anchorInsideATableRow() async throws {
        let text = "| Topic | Notes |\n| --- | --- |\n| hubs | pillar pages matter |\n| more | see pillar pages |\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [0, 1])
        #expect(String(decoding: plan.rewritten, as: UTF8.self).contains("| hubs | \(Self.link) matter |\n"))
    }

    @Test func anchorNextToPunctuation() async throws {
        let text = "(pillar pages), “pillar pages”; pillar pages! pillar pages? \"pillar pages\". —pillar pages—\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: Array(0..<6))
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self)
                == "(\(Self.link)), “\(Self.link)”; \(Self.link)! \(Self.link)? \"\(Self.link)\". —\(Self.link)—\n")
    }

    @Test func multiByteTextBeforeTheAnchor() async throws {
        let text = "Café — naïve 日本語 text 🎉 about pillar pages, then ümlauts.\n"
        let plan = try await Self.rewrite(Array(text.utf8))
        #expect(
            String(decoding: plan.rewritten, as: UTF8.self)
                == "Café — naïve 日本語 text 🎉 about \(Self.link), then ümlauts.\n")
    }

    @Test func anchorsInListsQuotesAndAtLineStarts() async throws {
        let text = "Pillar pages first.\n\n- pillar pages\n- two\n\n> quoting pillar pages\n\n1. pillar pages\n"
        let plan = try await Self.rewrite(Array(text.utf8), occurrences: [0, 1, 2])
        let upper = try await Self.rewrite(Array(text.utf8), anchor: "Pillar pages")
        #expect(String(decoding: upper.rewritten, as: UTF8.self).hasPrefix("[Pillar pages](pillar.md) first.\n"))
        #expect(String(decoding: plan.rewritten, as: UTF8.self).contains("> quoting \(Self.link)\n"))
    }

    @Test func aFileWithoutSuggestionsIsNotPlanned() async throws {
        let (temporary, result) = try await RewriteFixture.load([
            "pillar.md": Array(Self.target.utf8), "source.md": Array("About pillar pages.\n".utf8),
        ])
        defer { withExtendedLifetime(temporary) {} }
        #expect(Rewriter(site: result.site, style: .relative).plan([]).isEmpty)
    }
}
