import Foundation
import Interlink
import InterlinkMarkdown
import Testing

/// The `interlink` binary on a site full of files that are broken, hostile or odd (Docs/Reliability.md):
/// one clear error per file that cannot be an article, naming it; exit status 2; every other file still
/// processed; nothing written that should not be, and the refused files left byte for byte as they were.
@Suite struct HostileSiteTests {
    static let posts = "content/posts/"

    /// Files that must be refused, and the error each gives (after `path:`).
    static let refused: [String: String] = [
        "bad-utf8.md": "3:6: error: invalid UTF-8 (byte 0xFF)",
        "nul.md": "1:5: error: file contains a NUL byte; binary files are not Markdown",
        "image.md": "3:1: error: file contains a NUL byte; binary files are not Markdown",
        "unterminated.md": "1:1: error: front matter opened with '---' is never closed",
        "alias-bomb.md": "5:5: error: invalid YAML front matter: its aliases expand to more than 10000 values",
        "deep-front-matter.md":
            "2:5: error: invalid YAML front matter: Maximum nesting level reached, set with yaml_set_max_nest_level())",
        "too-big.md": "1:1: error: file is 21000000 bytes, over the limit of 20971520 bytes",
        "loop.md": "1:1: error: cannot read file: Too many levels of symbolic links",
        "dangling.md": "1:1: error: cannot read file: No such file or directory",
        "fifo.md": "1:1: error: cannot read file: not a regular file",
    ]

    /// Files that look hostile but are Markdown: they load (and may get links like any other).
    static let loaded = [
        "empty.md", "only-front-matter.md", "large-front-matter.md", "long-line.md", "deep-quotes.md",
        "deep-lists.md", "brackets.md", "emphasis.md", "x.md/inside.md", "linked.md",
    ]

    /// A copy of ExampleSite with every hostile file added under content/posts.
    static func hostileSite() throws -> SiteCopy {
        let copy = try SiteCopy.exampleSite()
        func write(_ name: String, _ bytes: [UInt8]) throws { try copy.write(posts + name, bytes) }
        try write("bad-utf8.md", Array("# Bad\n\nSome ".utf8) + [0xFF] + Array(" text about page speed.\n".utf8))
        try write("nul.md", Array("Page".utf8) + [0] + Array(" speed\n".utf8))
        try write("image.md", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48])
        try write("unterminated.md", Array("---\ntitle: Never closed\n\nPage speed matters.\n".utf8))
        var bomb = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<9 {
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        try write("alias-bomb.md", Array((bomb + "---\nPage speed.\n").utf8))
        try write(
            "deep-front-matter.md",
            Array(
                ("---\na: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
                    + "\n---\nText.\n").utf8))
        // Over 20 MB without writing 20 MB: the size is refused before anything is read.
        FileManager.default.createFile(atPath: copy.url(posts + "too-big.md").path, contents: nil)
        #expect(truncate(copy.url(posts + "too-big.md").path, 21_000_000) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: copy.url(posts + "loop.md").path, withDestinationPath: "loop.md")
        try FileManager.default.createSymbolicLink(
            atPath: copy.url(posts + "dangling.md").path, withDestinationPath: "nowhere.md")
        #expect(mkfifo(copy.url("pipe").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: copy.url(posts + "fifo.md").path, withDestinationPath: "../../pipe")

        try write("empty.md", [])
        try write("only-front-matter.md", Array("---\ntitle: Only Front Matter\n---\n".utf8))
        try write(
            "large-front-matter.md",
            Array(
                ("---\n" + (0..<40_000).map { "key\($0): a value about page speed\n" }.joined() + "---\nShort body.\n")
                    .utf8))
        let sentence = "Internal linking and page speed and anchor text, again and again. "
        // A 1 MB line here (BadInputTests loads a 10 MB one): long enough to be a hostile line, short enough to apply.
        try write("long-line.md", Array(String(repeating: sentence, count: 1024 * 1024 / sentence.utf8.count).utf8))
        try write("deep-quotes.md", Array((String(repeating: "> ", count: 10_000) + "Page speed, deep down.\n").utf8))
        try write("deep-lists.md", Array((String(repeating: "* ", count: 10_000) + "Page speed in a list.\n").utf8))
        try write("brackets.md", Array((String(repeating: "[", count: 100_000) + " page speed\n").utf8))
        try write("emphasis.md", Array((String(repeating: "*a **b _c __d ", count: 20_000) + "page speed\n").utf8))
        try FileManager.default.createDirectory(at: copy.url(posts + "x.md"), withIntermediateDirectories: true)
        try write("x.md/inside.md", Array("# Inside\n\nA folder named like a file holds this page.\n".utf8))
        try FileManager.default.createDirectory(at: copy.url("outside"), withIntermediateDirectories: true)
        try copy.write("outside/real.md", Array("# Linked\n\nRead through a symbolic link; about page speed.\n".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: copy.url(posts + "linked.md").path, withDestinationPath: "../../outside/real.md")
        return copy
    }

    static var expectedErrors: String {
        refused.keys.sorted().map { "\(posts)\($0):\(refused[$0]!)\n" }.joined()
    }

    @Test func indexReportsEachRefusedFileAndListsTheRest() throws {
        let copy = try Self.hostileSite()
        let output = try CommandRunner.run(["index", "--root", copy.root.path, "--format", "json"])
        #expect(output.status == 2)
        #expect(output.stderr == Self.expectedErrors)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let paths = Set(((object["articles"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        let example = Set(
            try FileManager.default.subpathsOfDirectory(atPath: copy.url("content").path)
                .filter { $0.hasSuffix(".md") && !$0.hasPrefix("posts/x.md") }.map { "content/" + $0 }
        )
        .subtracting(Self.refused.keys.map { Self.posts + $0 })
        let expected = example.union(Self.loaded.map { Self.posts + $0 })
        #expect(
            paths == expected,
            "missing \(expected.subtracting(paths).sorted()), extra \(paths.subtracting(expected).sorted())")
        let errors = ((object["errors"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String }
        #expect(errors == Self.refused.keys.sorted().map { Self.posts + $0 })
    }

    @Test func applyWritesTheOtherFilesAndLeavesRefusedOnesAlone() throws {
        let copy = try Self.hostileSite()
        let before = copy.snapshot()
        let output = try CommandRunner.run(["apply", "--root", copy.root.path, "--quiet"])
        #expect(output.status == 2)
        #expect(
            output.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map { $0 + "\n" }.joined()
                == Self.expectedErrors)
        let after = copy.snapshot()
        for name in Self.refused.keys where before[Self.posts + name] != nil {
            #expect(after[Self.posts + name] == before[Self.posts + name], "\(name) changed")
        }
        for (name, destination) in [
            ("loop.md", "loop.md"), ("dangling.md", "nowhere.md"), ("linked.md", "../../outside/real.md"),
        ] {
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: copy.url(Self.posts + name).path)
                    == destination)
        }
        let changed = SiteCopy.changed(before, after)
        #expect(changed.count > 20, "the good files are still written")
        for path in changed {
            let added = AddedLinks(original: before[path] ?? [], rewritten: after[path] ?? [])
            #expect(added.problems.isEmpty, "\(path): \(added.problems)")
            #expect(added.restored == before[path], "\(path): taking the new links out does not give the file back")
        }
        #expect(copy.leftovers().isEmpty)
    }

    @Test func aSiteOverTheArticleLimitIsRefusedBeforeAnythingIsRead() throws {
        let copy = try SiteCopy.exampleSite()
        try copy.write(".interlink.yml", Array("max_articles: 10\n".utf8))
        let before = copy.snapshot()
        for command in [["suggest"], ["index"], ["apply"]] {
            let output = try CommandRunner.run(command + ["--root", copy.root.path])
            #expect(output.status == 2, "\(command)")
            #expect(
                output.stderr.hasPrefix(
                    ".:1:1: error: the site has 46 articles, over the limit of 10 (max_articles in .interlink.yml); nothing was read\n"
                ),
                "\(command): \(output.stderr)")
        }
        #expect(copy.snapshot() == before)
    }

    /// `ulimit -f`: the rewritten file is over the limit, so its write fails (SIGXFSZ is ignored, so this is an
    /// error, not a crash). The file stays as it was, the temporary file is removed, the other files are written.
    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["INTERLINK_SANITIZER"] == "thread",
            "ThreadSanitizer's runtime grows file-backed mappings and dies of SIGBUS under a file-size limit"))
    func theFileSizeLimitWhileWritingLeavesTheFileIntact() throws {
        let copy = try SiteCopy.exampleSite()
        let big = "content/posts/anchor-text.md"
        // Padding after the prose, in an HTML comment: over 16 KB, and the links still land in the prose.
        try copy.write(
            big, try copy.bytes(big) + Array(("\n<!--\n" + String(repeating: "padding\n", count: 2_100) + "-->\n").utf8)
        )
        let before = copy.snapshot()
        let binary = try #require(CommandRunner.executable)
        let run = try LiveCommand(
            ["-c", "ulimit -f 16 && exec \"$0\" apply --root \"$1\"", binary.path, copy.root.path], in: copy.root,
            executable: URL(fileURLWithPath: "/bin/bash"))
        run.closeInput()
        let (reason, status) = run.finish()
        #expect(reason == .exit && status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains("\(big):1:1: error: cannot write: File too large; the file is unchanged\n"),
            "\(run.stderr)")
        let after = copy.snapshot()
        #expect(after[big] == before[big])
        #expect(SiteCopy.changed(before, after).count > 20, "the other files are still written")
        #expect(copy.leftovers().isEmpty)
    }

    /// A full disk: a site on a 1 MB tmpfs filled up but for a few kilobytes. Needs root (mount).
    @Test(.enabled(if: getuid() == 0, "mounting a small file system needs root"))
    func aFullDiskLeavesTheFilesIntact() throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent(
            "interlink-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: mountPoint) }
        let mount = try LiveCommand(
            ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.path], in: mountPoint,
            executable: URL(fileURLWithPath: "/bin/mount"))
        guard mount.finish().status == 0 else {
            print("HostileSiteTests: cannot mount a tmpfs here (\(mount.stderr)); full-disk case skipped")
            return
        }
        defer {
            _ = try? LiveCommand(
                ["-l", mountPoint.path], in: mountPoint, executable: URL(fileURLWithPath: "/bin/umount")
            ).finish()
        }
        let site = mountPoint.appendingPathComponent("site")
        try FileManager.default.copyItem(
            at: CommandRunner.repositoryRoot.appendingPathComponent("ExampleSite"), to: site)
        try? FileManager.default.removeItem(at: site.appendingPathComponent(".interlink-cache"))
        // Fill the disk, leaving less than any article needs for its rewritten copy.
        let filler = mountPoint.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(repeating: 0x61, count: 512)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        var info = statvfs()
        statvfs(mountPoint.path, &info)
        try #require(Int(info.f_bavail) * Int(info.f_frsize) < 4096, "could not fill the disk")
        func snapshot() -> [String: [UInt8]] {
            var files: [String: [UInt8]] = [:]
            for path in (try? FileManager.default.subpathsOfDirectory(atPath: site.path)) ?? [] {
                if let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path) {
                    files[path] = [UInt8](data)
                }
            }
            return files
        }
        let before = snapshot()
        let output = try CommandRunner.run(["apply", "--root", site.path])
        #expect(output.status == 2)
        let errors = output.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(
                error.hasSuffix("error: cannot write: No space left on device; the file is unchanged")
                    || error.hasSuffix("error: cannot flush: No space left on device; the file is unchanged")
                    || error.hasSuffix(
                        "error: cannot create a temporary file: No space left on device; the file is unchanged"),
                "\(error)")
        }
        #expect(snapshot() == before)
        let leftovers = ((try? FileManager.default.subpathsOfDirectory(atPath: site.path)) ?? []).filter {
            $0.contains(".interlink-")
        }
        #expect(leftovers.isEmpty)
    }

    /// Runs as `nobody` (root reads everything, so a mode-000 file is unreadable only to another user).
    @Test(
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run the binary as another user; as an ordinary user BadInputTests.unreadableFile covers it"
        ))
    func anUnreadableFileOrFolderIsAnErrorAndTheRestIsProcessed() throws {
        let copy = try SiteCopy.exampleSite()
        try copy.write("content/posts/locked.md", Array("# Locked\n\nNobody may read this.\n".utf8))
        #expect(chown(copy.root.path, 65534, 65534) == 0)
        for path in try FileManager.default.subpathsOfDirectory(atPath: copy.root.path) {
            #expect(lchown(copy.url(path).path, 65534, 65534) == 0)
        }
        #expect(chmod(copy.url("content/posts/locked.md").path, 0o000) == 0)
        let binary = try #require(CommandRunner.executable)
        func runAsNobody(_ arguments: [String]) throws -> LiveCommand {
            let run = try LiveCommand(
                ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments, in: copy.root,
                executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            run.closeInput()
            return run
        }
        // Reading: the locked file is an error, every other article is listed.
        let index = try runAsNobody(["index", "--root", copy.root.path])
        #expect(index.finish().status == 2)
        #expect(index.stderr == "content/posts/locked.md:1:1: error: cannot read file: Permission denied\n")
        #expect(index.stdout.hasPrefix("46 articles, generator: hugo\n"), "\(index.stdout.prefix(200))")

        // Writing: a folder nobody may write to stops the temporary files, so its files are left alone.
        #expect(chmod(copy.url("content/posts").path, 0o555) == 0)
        defer { chmod(copy.url("content/posts").path, 0o755) }
        let before = copy.snapshot()
        let apply = try runAsNobody(["apply", "--root", copy.root.path])
        #expect(apply.finish().status == 2)
        let errors = apply.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.first == "content/posts/locked.md:1:1: error: cannot read file: Permission denied")
        #expect(errors.count > 10)
        for error in errors.dropFirst() {
            #expect(error.hasPrefix("content/posts/"))
            #expect(
                error.hasSuffix("error: cannot create a temporary file: Permission denied; the file is unchanged"),
                "\(error)")
        }
        // Nothing in the locked folder changed; files elsewhere may have been written, soundly.
        let after = copy.snapshot()
        for path in SiteCopy.changed(before, after) {
            #expect(!path.hasPrefix("content/posts/"), "\(path) changed")
            let added = AddedLinks(original: before[path] ?? [], rewritten: after[path] ?? [])
            #expect(added.problems.isEmpty && added.restored == before[path], "\(path)")
        }
        #expect(copy.leftovers().isEmpty)
    }

    /// The review in `apply --interactive` happens after the site is read and before anything is written:
    /// a window to change a file under the run, or to delete a link's target.
    @Test func aFileChangedOrATargetDeletedDuringTheRunIsReportedAndTheRestIsWritten() throws {
        let reference = try SiteCopy.exampleSite()
        let suggestions = try CommandRunner.run(["suggest", "--root", reference.root.path, "--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(suggestions.stdout.utf8)) as? [String: Any])
        let all = try #require(object["suggestions"] as? [[String: Any]])
        let sources = all.compactMap { $0["source"] as? String }
        let targets = all.compactMap { $0["target"] as? String }
        // A source that is never a target (to edit), and a target that is never a source (to delete).
        let edited = try #require(sources.first { !targets.contains($0) })
        let deleted = try #require(targets.first { !sources.contains($0) && $0 != edited })

        let copy = try SiteCopy.exampleSite()
        let before = copy.snapshot()
        let run = try LiveCommand(["apply", "--root", copy.root.path, "--interactive"], in: copy.root)
        #expect(run.wait(upTo: 60) { $0.stdout.contains("Link it? ") })
        // The site has been read: now change one file and delete another.
        let editedBytes = (before[edited] ?? []) + Array("\nA line added by someone else.\n".utf8)
        try copy.write(edited, editedBytes)
        try FileManager.default.removeItem(at: copy.url(deleted))
        run.type(String(repeating: "a\n", count: all.count))
        run.closeInput()
        let (reason, status) = run.finish()
        #expect(reason == .exit && status == 2)
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors.contains("\(edited):1:1: error: the file changed since it was read; left as it is"), "\(errors)")
        let toDeleted = all.filter { $0["target"] as? String == deleted }
        #expect(!toDeleted.isEmpty)
        for suggestion in toDeleted {
            let source = suggestion["source"] as? String ?? ""
            let line = suggestion["line"] as? Int ?? 0
            #expect(
                errors.contains {
                    $0.hasPrefix("\(source):\(line):")
                        && $0.hasSuffix("not written: \(deleted) was deleted during the run")
                },
                "\(errors)")
        }
        #expect(errors.count == toDeleted.count + 1, "\(errors)")
        let after = copy.snapshot()
        #expect(after[edited] == editedBytes, "the edit made during the run is kept")
        // Every other file is rewritten as usual, and no new link points to the deleted file.
        #expect(SiteCopy.changed(before, after).count > 20)
        for path in SiteCopy.changed(before, after) where path != edited && path != deleted {
            let added = AddedLinks(original: before[path] ?? [], rewritten: after[path] ?? [])
            #expect(added.problems.isEmpty && added.restored == before[path], "\(path)")
            let slug = (deleted as NSString).lastPathComponent.replacingOccurrences(of: ".md", with: "")
            #expect(!added.links.contains { $0.destination.contains(slug) }, "\(path) links to the deleted \(deleted)")
        }
        #expect(copy.leftovers().isEmpty)
    }
}
