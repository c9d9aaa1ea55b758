import Foundation
import Interlink
import Testing

/// `interlink audit --format html`: one self-contained page with the numbers, the graph and the tables.
@Suite struct AuditHTMLReportTests {
    static func render(_ files: [String: String], options: AuditOptions = AuditOptions()) async throws -> String {
        let site = try TemporarySite(files)
        let loaded = await site.load()
        let graph = LinkGraph(site: loaded.site)
        let result = Auditor(site: loaded.site, graph: graph, options: options).run()
        let report = AuditReport(rootDisplay: "site", site: loaded.site, result: result, errors: [])
        return AuditHTMLReport(report: report, site: loaded.site, graph: graph, result: result, toolVersion: "9.9.9").render()
    }

    static func planted() async throws -> String {
        try await render(AuditFixture.strip(AuditFixture.planted), options: AuditFixture.plantedOptions)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Circle centres in the graph.
    static func centres(_ html: String) -> [(Double, Double)] {
        let pattern = /<circle class="[^"]*" cx="([0-9.]+)" cy="([0-9.]+)"/
        return html.matches(of: pattern).map { (Double($0.1)!, Double($0.2)!) }
    }

    @Test func thePageNeedsNothingFromTheNetwork() async throws {
        let html = try await Self.planted()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains(" src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url(http"))
        for match in html.matches(of: /href="([^"]*)"/) {
            #expect(match.1.hasPrefix("#") || match.1.hasPrefix("data:"), "\(match.1)")
        }
        #expect(html.contains("<style>") && html.contains("<script>"))
    }

    @Test func itShowsTheNumbersTheGraphAndTheTables() async throws {
        let html = try await Self.planted()
        #expect(html.contains("<h1>Fixture Home: internal link audit</h1>"))
        #expect(html.contains("<div class=\"card bad\"><div class=\"value\">3</div><div class=\"label\">broken links</div></div>"))
        #expect(html.contains("<svg class=\"graph\""))
        #expect(Self.count("<tr data-rule=", in: html) == 14)
        #expect(Self.count("<tr id=\"article-", in: html) == 15)
        #expect(html.contains("<table id=\"findings\" class=\"sortable\">"))
        #expect(html.contains("<table id=\"articles\" class=\"sortable\">"))
        // Orphans, deep pages and entry pages are drawn as such; the missing page is a red cross.
        #expect(Self.count("<circle class=\"orphan", in: html) == 1)
        #expect(Self.count("<circle class=\"deep", in: html) == 1)
        #expect(Self.count("<circle class=\"entry", in: html) == 2)
        #expect(Self.count("<path class=\"missing\"", in: html) == 1)
        #expect(Self.count("has-broken", in: html) >= 1)
        // Linked drafts are drawn (dashed); a draft nobody links to is not.
        #expect(Self.count("<circle class=\"draft", in: html) == 1)
        #expect(html.contains("data-filter=\"broken-link\""))
    }

    @Test func textIsEscaped() async throws {
        let html = try await Self.render([
            "index.md": "---\ntitle: \"Home <script>alert(1)</script>\"\n---\n[B & C](b.md)\n",
            "b.md": "---\ntitle: \"B & \\\"C\\\"\"\n---\nBack [home](index.md).\n",
        ])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("Home &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("B &amp; &quot;C&quot;"))
    }

    @Test func theSamesiteGivesTheSamePage() async throws {
        #expect(try await Self.planted() == Self.planted())
    }

    @Test func dotsDoNotSitOnEachOther() async throws {
        // A site of 150 articles in 5 folders, each linking to the next three.
        var files: [String: String] = ["index.md": "# Home\n\n[First](f0/a0.md)\n"]
        for number in 0..<150 {
            let links = (1...3).map { "[next \($0)](../f\((number + $0) % 150 / 30)/a\((number + $0) % 150).md)" }
            files["f\(number / 30)/a\(number).md"] = "# Article \(number)\n\n" + links.joined(separator: " ") + "\n"
        }
        let html = try await Self.render(files)
        let centres = Self.centres(html)
        #expect(centres.count == 151)
        var closest = Double.infinity
        for i in centres.indices {
            for j in centres.indices where j > i {
                closest = min(closest, hypot(centres[i].0 - centres[j].0, centres[i].1 - centres[j].1))
            }
        }
        #expect(closest > 8, "two dots \(closest) apart")
    }

    @Test func aFlatSiteBeyondThreeHundredArticlesIsGroupedByItsLinks() async throws {
        // Two rings of 160 articles in one folder, joined by one link, and a few articles with no link at all.
        var files: [String: String] = ["index.md": "# Home\n\n[Start](posts/a0.md)\n"]
        for number in 0..<320 {
            let ring = number / 160
            var links = "[next](a\(ring * 160 + (number + 1) % 160).md)"
            if number == 0 { links += " [other ring](a160.md)" }
            files["posts/a\(number).md"] = "# Article \(number)\n\n\(links)\n"
        }
        for number in 0..<5 { files["posts/lonely\(number).md"] = "# Lonely \(number)\n\nNo links.\n" }
        let html = try await Self.render(files)
        #expect(html.contains("each circle is a group of articles that link to each other"))
        #expect(html.contains("not linked to or from other articles (5)</text>"))
        #expect(Self.count("class=\"node\"", in: html) <= 60)
        #expect(html.contains("group with no orphans"))
    }

    @Test func beyondThreeHundredArticlesTheGraphShowsFolders() async throws {
        var files: [String: String] = ["index.md": "# Home\n\n[Start](guides/a0.md)\n"]
        let folders = ["guides", "reference", "blog", "news"]
        for number in 0..<320 {
            let folder = folders[number % 4]
            let next = number + 1 < 320 ? "[next](../\(folders[(number + 1) % 4])/a\(number + 1).md)" : "The end."
            files["\(folder)/a\(number).md"] = "# Article \(number)\n\n\(next)\n"
        }
        let html = try await Self.render(files)
        #expect(Self.count("class=\"node\"", in: html) == 5)
        #expect(html.contains("too many to draw one by one"))
        #expect(html.contains(">guides/ (80)</text>"))
        #expect(Self.count("<tr id=\"article-", in: html) == 321)
    }
}

extension AuditFixture {
    /// The fixture's files with the markers removed.
    static func strip(_ files: [String: String]) -> [String: String] {
        files.mapValues { strip($0).0 }
    }
}
