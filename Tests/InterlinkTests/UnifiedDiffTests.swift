import Foundation
import Interlink
import Testing

/// Unified diffs: exact output, hunks and context, "\ No newline at end of file", CRLF kept; and what
/// `git apply` and `patch -p1` make of them.
@Suite struct UnifiedDiffTests {
    static func diff(_ old: String, _ new: String, path: String = "posts/x.md") -> String {
        UnifiedDiff.make(path: path, original: Array(old.utf8), rewritten: Array(new.utf8))
    }

    /// `count` lines "line 1\n" … "line count\n".
    static func numbered(_ count: Int, changing changed: Set<Int> = []) -> String {
        (1...count).map { changed.contains($0) ? "LINE \($0)\n" : "line \($0)\n" }.joined()
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n"
        let new = "a\nb\nc\nd\n[e](e.md)\nf\ng\nh\ni\n"
        #expect(
            Self.diff(old, new) == """
                --- a/posts/x.md
                +++ b/posts/x.md
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +[e](e.md)
                 f
                 g
                 h

                """)
    }

    @Test func identicalBytesGiveNoDiff() {
        #expect(Self.diff("same\n", "same\n") == "")
        #expect(Self.diff("", "") == "")
    }

    @Test func contextIsCutAtTheStartAndEndOfTheFile() {
        #expect(Self.diff("a\nb\n", "A\nb\n") == "--- a/posts/x.md\n+++ b/posts/x.md\n@@ -1,2 +1,2 @@\n-a\n+A\n b\n")
        #expect(Self.diff("a\nb\n", "a\nB\n") == "--- a/posts/x.md\n+++ b/posts/x.md\n@@ -1,2 +1,2 @@\n a\n-b\n+B\n")
    }

    @Test func aMissingFinalNewlineIsMarked() {
        #expect(
            Self.diff("one\ntwo", "one\n[two](t.md)") == """
                --- a/posts/x.md
                +++ b/posts/x.md
                @@ -1,2 +1,2 @@
                 one
                -two
                \\ No newline at end of file
                +[two](t.md)
                \\ No newline at end of file

                """)
    }

    @Test func anUnchangedLastLineWithoutNewlineIsMarkedInContext() {
        #expect(
            Self.diff("one\ntwo", "ONE\ntwo") == """
                --- a/posts/x.md
                +++ b/posts/x.md
                @@ -1,2 +1,2 @@
                -one
                +ONE
                 two
                \\ No newline at end of file

                """)
    }

    @Test func crlfLinesKeepTheirCarriageReturns() {
        #expect(
            Self.diff("a\r\nb\r\nc\r\n", "a\r\n[b](b.md)\r\nc\r\n")
                == "--- a/posts/x.md\n+++ b/posts/x.md\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+[b](b.md)\r\n c\r\n")
    }

    @Test func twoDistantChangesGiveTwoHunks() {
        let diff = Self.diff(Self.numbered(20), Self.numbered(20, changing: [2, 18]))
        #expect(
            diff == """
                --- a/posts/x.md
                +++ b/posts/x.md
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +LINE 2
                 line 3
                 line 4
                 line 5
                @@ -15,6 +15,6 @@
                 line 15
                 line 16
                 line 17
                -line 18
                +LINE 18
                 line 19
                 line 20

                """)
    }

    @Test func changesWhoseContextsTouchMergeIntoOneHunk() {
        // Six unchanged lines between two changes: three of context each, so one hunk.
        let merged = Self.diff(Self.numbered(20), Self.numbered(20, changing: [5, 12]))
        #expect(merged.components(separatedBy: "\n@@ ").count == 2)
        #expect(merged.contains("@@ -2,14 +2,14 @@\n"))
        // Seven unchanged lines between them: two hunks.
        let split = Self.diff(Self.numbered(20), Self.numbered(20, changing: [5, 13]))
        #expect(split.components(separatedBy: "\n@@ ").count == 3)
        #expect(split.contains("@@ -2,7 +2,7 @@\n") && split.contains("@@ -10,7 +10,7 @@\n"))
    }

    @Test func adjacentChangedLinesListRemovalsBeforeAdditions() {
        let diff = Self.diff("a\nb\nc\nd\n", "a\nB\nC\nd\n")
        #expect(diff.hasSuffix("@@ -1,4 +1,4 @@\n a\n-b\n-c\n+B\n+C\n d\n"))
    }

    @Test func aChangeInLineCountIsOneWholeFileHunk() {
        #expect(
            Self.diff("a\nb\n", "a\nb\nc\n")
                == "--- a/posts/x.md\n+++ b/posts/x.md\n@@ -1,2 +1,3 @@\n-a\n-b\n+a\n+b\n+c\n")
    }

    // MARK: standard tools

    struct ToolRun {
        var status: Int32
        var output: String
    }

    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> ToolRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        // Never let git find a repository above the temporary folder.
        environment["GIT_CEILING_DIRECTORIES"] = directory.deletingLastPathComponent().path
        process.environment = environment
        let log = directory.appendingPathComponent("../\(UUID().uuidString).log").standardizedFileURL
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return ToolRun(status: process.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    static let toolsAvailable = ["git", "patch"].allSatisfy { tool in
        ["/usr/bin", "/bin", "/usr/local/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Writes `old` at `path` in a fresh folder, applies `diff` there with `tool`, and returns the bytes.
    static func apply(_ diff: String, to old: [UInt8], path: String, with tool: String) throws -> [UInt8] {
        let site = try TemporarySite([:])
        try site.write(path, bytes: old)
        let patchFile = site.root.deletingLastPathComponent().appendingPathComponent("\(UUID().uuidString).diff")
        try Data(diff.utf8).write(to: patchFile)
        defer { try? FileManager.default.removeItem(at: patchFile) }
        let result = tool == "git"
            ? try run("git", ["apply", "--whitespace=nowarn", patchFile.path], in: site.root)
            : try run("patch", ["-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-i", patchFile.path], in: site.root)
        #expect(result.status == 0, "\(tool): \(result.output)")
        return [UInt8](try Data(contentsOf: site.root.appendingPathComponent(path)))
    }

    static let toolCases: [(String, String)] = [
        ("a\nb\nc\nd\ne\nf\ng\nh\ni\n", "a\nb\nc\nd\n[e](e.md)\nf\ng\nh\ni\n"),
        ("one\ntwo", "one\n[two](t.md)"),
        ("one\ntwo", "ONE\ntwo"),
        ("a\r\nb\r\nc\r\n", "a\r\n[b](b.md)\r\nc\r\n"),
        ("\u{FEFF}first\r\nsecond", "\u{FEFF}[first](f.md)\r\nsecond"),
        (numbered(20), numbered(20, changing: [2, 18])),
        (numbered(20), numbered(20, changing: [5, 12])),
        (numbered(20), numbered(20, changing: [5, 13])),
        (numbered(30, changing: []), numbered(30, changing: [1, 9, 10, 20, 30])),
        ("a\nb\n", "a\nb\nc\n"),
        ("Café — 日本語 text\n", "Café — [日本語](ja.md) text\n"),
        ("trailing   \nblanks\t\n", "[trailing](t.md)   \nblanks\t\n"),
    ]

    /// Plain names, names with spaces (Obsidian notes), and non-ASCII names, taken in turn.
    static let toolPaths = Array(
        repeatElement(["x.md", "content/posts/a file.md", "Notes/Café au lait.md", "docs/日本語.md"], count: 3).joined())

    @Test func aNameWithASpaceEndsWithATabAsGitWritesIt() {
        #expect(
            Self.diff("a\n", "A\n", path: "Notes/My Note.md")
                == "--- a/Notes/My Note.md\t\n+++ b/Notes/My Note.md\t\n@@ -1,1 +1,1 @@\n-a\n+A\n")
    }

    @Test(.enabled(if: toolsAvailable, "git or patch is not installed"), arguments: ["git", "patch"])
    func gitApplyAndPatchReproduceTheRewrite(tool: String) throws {
        for ((old, new), path) in zip(Self.toolCases, Self.toolPaths) {
            let diff = UnifiedDiff.make(path: path, original: Array(old.utf8), rewritten: Array(new.utf8))
            let result = try Self.apply(diff, to: Array(old.utf8), path: path, with: tool)
            #expect(result == Array(new.utf8), "\(tool) on \(old.debugDescription)")
        }
    }
}
