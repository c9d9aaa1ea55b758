import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// YAML and TOML front matter read into the fields Interlink uses; broken blocks name the file line.
@Suite struct FrontMatterParserTests {
    private func parse(_ text: String, path: String = "a.md") throws -> FrontMatter {
        let bytes = Array(text.utf8)
        let block = try #require(try FrontMatterBlock.locate(in: bytes))
        return try FrontMatterParser.parse(block, in: bytes, path: path)
    }

    private func diagnostic(_ text: String, path: String = "a.md") throws -> Diagnostic {
        let bytes = Array(text.utf8)
        let block = try #require(try FrontMatterBlock.locate(in: bytes))
        do {
            _ = try FrontMatterParser.parse(block, in: bytes, path: path)
        } catch {
            return error
        }
        Issue.record("no error for malformed front matter")
        return Diagnostic(path: "", message: "")
    }

    @Test func yamlFields() throws {
        let matter = try parse(
            """
            ---
            title: "Backlinks vs Inbound Links"
            aliases: [/old/backlinks/, Backlinks]
            keywords:
              - backlinks
              - inbound links
            tags: seo
            draft: true
            slug: backlinks-inbound-links
            url: /custom/
            permalink: /perma/
            date: 2024-03-05
            ---
            Body.

            """)
        #expect(matter.title == "Backlinks vs Inbound Links")
        #expect(matter.aliases == ["/old/backlinks/", "Backlinks"])
        #expect(matter.keywords == ["backlinks", "inbound links"])
        #expect(matter.tags == ["seo"])
        #expect(matter.isDraft)
        #expect(matter.slug == "backlinks-inbound-links")
        #expect(matter.url == "/custom/")
        #expect(matter.permalink == "/perma/")
        #expect(matter.date == "2024-03-05")
    }

    @Test func yamlScalarsKeepTheirType() throws {
        let matter = try parse("---\ntitle: 2024\nweight: 1.5\npublished: false\nquoted: \"true\"\n---\n")
        #expect(matter.title == "2024")
        #expect(matter.fields["weight"] == .number(1.5))
        #expect(matter.isDraft)
        #expect(matter.fields["quoted"] == .string("true"))
    }

    @Test func emptyYAMLIsEmpty() throws {
        let matter = try parse("---\n---\nBody\n")
        #expect(matter.fields.isEmpty)
        #expect(matter.title == nil)
        #expect(!matter.isDraft)
    }

    @Test func tomlFields() throws {
        let matter = try parse(
            """
            +++
            title = "Nofollow"
            aliases = ["/old/nofollow/"]
            tags = ["links", "seo"]
            draft = false
            slug = "nofollow-links"
            date = 2023-11-20
            [params]
            weight = 3
            +++
            Body.

            """)
        #expect(matter.title == "Nofollow")
        #expect(matter.aliases == ["/old/nofollow/"])
        #expect(matter.tags == ["links", "seo"])
        #expect(!matter.isDraft)
        #expect(matter.slug == "nofollow-links")
        #expect(matter.date == "2023-11-20")
        #expect(matter.fields["params"] == .table(["weight": .number(3)]))
    }

    @Test func tomlDateTimesAreKeptAsWritten() throws {
        let matter = try parse("+++\ndate = 2023-11-20T10:00:00Z\n+++\n")
        #expect(matter.date == "2023-11-20T10:00:00Z")
    }

    @Test func malformedYAMLNamesTheFileLine() throws {
        // The list opened on line 3 cannot take the mapping on line 4, where the parser stops
        // (line 3 of the block, line 4 of the file).
        let error = try diagnostic("---\ntitle: ok\ntags: [a, b\ndraft: [\n---\nBody\n", path: "posts/x.md")
        #expect(error.path == "posts/x.md")
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix("invalid YAML front matter"))
        #expect(error.line == 4)
    }

    @Test func yamlErrorLineCountsTheOpeningDelimiter() throws {
        // A tab is not allowed as indentation: the scanner stops on line 3 of the file.
        let error = try diagnostic("---\ntitle: ok\n\tbad: indent\n---\n")
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("a.md:3:"))
    }

    @Test func yamlThatIsNotAMappingIsAnError() throws {
        let error = try diagnostic("---\n- just\n- a list\n---\n")
        #expect(error.message == "front matter must be a mapping of keys to values")
        #expect(error.line == 2)
    }

    @Test func malformedTOMLNamesTheFileLine() throws {
        let error = try diagnostic("+++\ntitle = \"ok\"\n\ntags = [unquoted]\n+++\n")
        #expect(error.message.hasPrefix("invalid TOML front matter"))
        #expect(error.line == 4)
    }

    @Test func crlfFrontMatterParses() throws {
        let matter = try parse("---\r\ntitle: Pagination\r\ntags: [a]\r\n---\r\nBody\r\n")
        #expect(matter.title == "Pagination")
        #expect(matter.tags == ["a"])
    }
}
