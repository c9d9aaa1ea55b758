import Testing

@testable import Interlink

/// Stems and directories of relative paths: read as bytes when a path is plain ASCII, as characters
/// otherwise, with the same answer either way.
@Suite struct ArticlePathTests {
    /// What `stem(of:)` and `directory(of:)` compute for any path, by characters.
    static func referenceStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    static func referenceDirectory(_ path: String) -> String {
        path.split(separator: "/").dropLast().joined(separator: "/")
    }

    @Test(arguments: [
        "", "/", "//", "a", "a.md", "a/b/c.md", "content/posts/page-speed.md", "a//b/c.md", "/a/b.md", "a/b/",
        "a/b//", ".md", "a/.hidden", "a/b.c.d", "a/b.", "a./b", "x/y/z", "é/ü.md", "a/b\u{301}.md",
        "dir/\u{301}x.md", "dir\u{301}/x.md", "a/\r\n.md", "_posts/2024-01-02-title.markdown",
    ])
    func stemAndDirectoryAreTheSameAsByCharacters(path: String) {
        #expect(ArticlePath.stem(of: path) == Self.referenceStem(path))
        #expect(ArticlePath.directory(of: path) == Self.referenceDirectory(path))
    }

    @Test(arguments: [
        "", "/", "//", ".", "..", "a", "./a", "a/./b", "a/../b", "a/b/../../c", "a/b/../../../c", "../a",
        "a/..", "a/b/..", "/a/b.md", "a//b/", "...", "a/.../b", ".a/..b/b..", "x/y/../z/./w.md",
        "é/../ü.md", "a/\u{301}/../b", "a/.\u{301}/b", "a/..\u{301}/b", "a/\r\n/../b",
        "content/posts/../../static/img.png",
    ])
    func normalizeIsTheSameAsByCharacters(path: String) {
        #expect(ArticlePath.normalize(path) == ArticlePath.normalizeByCharacters(path))
    }

    @Test func normalizeResolvesDotSegments() {
        #expect(ArticlePath.normalize("a/b/../c/./d.md") == "a/c/d.md")
        #expect(ArticlePath.normalize("/a//b/") == "a/b")
        #expect(ArticlePath.normalize("a/../../b") == nil)
        #expect(ArticlePath.normalize("é/../ü/./x.md") == "ü/x.md")
        #expect(ArticlePath.normalize("é/../../x.md") == nil)
    }

    /// `ArticleURL.join` joins plain parts as they are, and gives what splitting every part gives.
    @Test func joinedURLPartsAreTheSameAsBySplitting() {
        let parts = [
            "", "/", "//", "a", "posts", "a/b", "/a/b", "a/b/", "a//b", "é", "dir\u{301}/x", "\r\n", "docs/intro", "x.md",
        ]
        for first in parts {
            for second in parts {
                let reference = "/" + [first, second].flatMap { $0.split(separator: "/") }.joined(separator: "/")
                #expect(ArticleURL.join(first, second) == reference, "\(first) + \(second)")
                #expect(ArticleURL.join(first, "", second) == reference)
            }
            #expect(ArticleURL.join(first) == "/" + first.split(separator: "/").joined(separator: "/"))
        }
    }

    /// `Site.section(of:)` reads ASCII URLs as bytes, with the same answer as by characters.
    @Test(arguments: [
        "", "/", "a", "/a", "/a/", "/Posts/x/", "posts/x", "//a/b", "/\r\n/x", "\r\n", "a/", "/é/x", "/É/x/", "/a\u{301}/b",
    ])
    func sectionsAreTheSameAsByCharacters(url: String) {
        let trimmed = Substring(url)
        let reference = trimmed.split(separator: "/").first.flatMap {
            trimmed.contains("/") && trimmed.count > 1 ? $0.lowercased() : nil
        }
        #expect(Site.section(of: trimmed) == reference)
    }
}
