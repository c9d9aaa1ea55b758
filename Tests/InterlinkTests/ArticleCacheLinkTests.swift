import Foundation
import Testing

@testable import Interlink

/// Link resolutions in the index cache: a file's are reused only at the same path, beside its own
/// parse, in a site that resolves alike (`LinkResolver.fingerprint(of:)`); the link graph of a cached
/// run is always that of an uncached one.
@Suite struct ArticleCacheLinkTests {
    static func page(_ title: String, _ body: String) -> String {
        "---\ntitle: \"\(title)\"\n---\n\n\(body)\n"
    }

    static let files = [
        "posts/crawl-budget.md": page("Crawl Budget", "How crawlers spend time. See [speed](site-speed.md) and [[Canonical Tags]]."),
        "posts/site-speed.md": page("Site Speed", "Fast pages get crawled. Read [the budget](/posts/crawl-budget/)."),
        "notes/canonical.md": page("Canonical Tags", "Duplicates and [missing](missing.md) pages."),
        "posts/same.md": page("Same", "A [neighbour](site-speed.md)."),
        "notes/same.md": page("Same", "Another [neighbour](canonical.md)."),
    ]

    static func runs(_ site: TemporarySite) async throws -> (cached: ArticleCacheTests.Run, plain: ArticleCacheTests.Run) {
        let cached = try await ArticleCacheTests.suggest(site.root)
        let plain = try await ArticleCacheTests.suggest(site.root, cached: false)
        #expect(cached.resolutions == plain.resolutions)
        #expect(cached.json == plain.json)
        return (cached, plain)
    }

    @Test func resolutionsAreReusedUntilTheSiteResolvesOtherwise() async throws {
        let site = try TemporarySite(Self.files)
        let cold = try await Self.runs(site)
        #expect(cold.cached.reusedResolutions == 0)
        #expect(cold.plain.resolutions.joined().contains { if case .broken = $0 { true } else { false } })
        var (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 5)

        // Edited: only that file's links are resolved again.
        try site.write(
            "posts/site-speed.md", bytes: Array(Self.page("Site Speed", "Now see [[Crawl Budget]] instead.").utf8))
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 4)

        // Added: the broken link now has a target, so nothing stored can be trusted.
        try site.write("notes/missing.md", bytes: Array(Self.page("Missing", "Found at last.").utf8))
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 0)
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 6)

        // A changed title changes where wikilinks by name point.
        try site.write(
            "notes/canonical.md", bytes: Array(Self.page("Canonical URLs", "Duplicates and [missing](missing.md) pages.").utf8))
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 0)

        // Deleted, then renamed: paths change, so every file is resolved again.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("notes/missing.md"))
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 0)
        try FileManager.default.moveItem(
            at: site.root.appendingPathComponent("posts/crawl-budget.md"),
            to: site.root.appendingPathComponent("notes/crawl-budget.md"))
        (cached, _) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 0)
    }

    @Test func swappedFilesAreResolvedAtTheirNewPaths() async throws {
        // Same paths, URLs and titles, so the site resolves alike; but each file's relative link now
        // starts from the other folder.
        let site = try TemporarySite(Self.files)
        _ = try await Self.runs(site)
        _ = try await Self.runs(site)
        let first = site.root.appendingPathComponent("posts/same.md")
        let second = site.root.appendingPathComponent("notes/same.md")
        let firstBytes = try Data(contentsOf: first)
        try Data(contentsOf: second).write(to: first)
        try firstBytes.write(to: second)
        let (cached, plain) = try await Self.runs(site)
        #expect(cached.reusedResolutions == 3)
        #expect(plain.resolutions.joined().contains { if case .broken = $0 { true } else { false } })
    }
}
