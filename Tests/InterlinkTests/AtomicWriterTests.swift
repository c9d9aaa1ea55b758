import Foundation
import Interlink
import Testing

/// Atomic replacement: temporary file in the same folder, then rename; permissions kept; a file that changed
/// since it was read, or may not be written, is left alone with an error; no temporary file is ever left.
@Suite struct AtomicWriterTests {
    static let original = Array("# Title\n\nAbout pillar pages.\n".utf8)
    static let rewritten = Array("# Title\n\nAbout [pillar pages](pillar.md).\n".utf8)

    static var isRoot: Bool { getuid() == 0 }

    /// Temporary files the writer may have left in `folder`.
    static func leftovers(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.contains(".interlink-") && $0.hasSuffix(".tmp")
        }
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static func mode(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func replacesTheFileThroughARename() throws {
        let site = try TemporarySite([:])
        try site.write("posts/a.md", bytes: Self.original)
        let url = site.root.appendingPathComponent("posts/a.md")
        let before = try Self.inode(url)
        try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "posts/a.md")
        #expect(try Self.bytes(url) == Self.rewritten)
        // A new file was renamed into place: the old one was never opened for writing.
        #expect(try Self.inode(url) != before)
        #expect(Self.leftovers(in: url.deletingLastPathComponent()).isEmpty)
    }

    @Test func unchangedBytesAreNotWritten() throws {
        let site = try TemporarySite([:])
        try site.write("a.md", bytes: Self.original)
        let url = site.root.appendingPathComponent("a.md")
        let before = try Self.inode(url)
        try AtomicWriter.replace(url, with: Self.original, expecting: Self.original, displayPath: "a.md")
        #expect(try Self.inode(url) == before)
        #expect(Self.leftovers(in: site.root).isEmpty)
    }

    @Test(arguments: [0o640, 0o600, 0o644, 0o755, 0o664])
    func permissionsArePreserved(mode: Int) throws {
        let site = try TemporarySite([:])
        try site.write("a.md", bytes: Self.original)
        let url = site.root.appendingPathComponent("a.md")
        #expect(chmod(url.path, mode_t(mode)) == 0)
        try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "a.md")
        #expect(try Self.mode(url) == mode)
        #expect(try Self.bytes(url) == Self.rewritten)
    }

    @Test func aFileThatChangedSinceItWasReadIsLeftAlone() throws {
        let site = try TemporarySite([:])
        let edited = Array("# Title\n\nAbout pillar pages, edited meanwhile.\n".utf8)
        try site.write("a.md", bytes: edited)
        let url = site.root.appendingPathComponent("a.md")
        let before = try Self.inode(url)
        #expect {
            try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "a.md")
        } throws: { error in
            let description = (error as? WriteError)?.description ?? ""
            return description.hasPrefix("a.md:1:1: error: ") && description.contains("changed since it was read")
        }
        #expect(try Self.bytes(url) == edited)
        #expect(try Self.inode(url) == before)
        #expect(Self.leftovers(in: site.root).isEmpty)
    }

    @Test func aFileThatWasDeletedIsAnError() throws {
        let site = try TemporarySite([:])
        let url = site.root.appendingPathComponent("gone.md")
        #expect(throws: WriteError.self) {
            try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "gone.md")
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(Self.leftovers(in: site.root).isEmpty)
    }

    /// `chmod 444`: refused even when running as root (root passes `access(W_OK)`, so the writer also looks at
    /// the mode bits; without that, root would silently replace a read-only file through the rename).
    @Test func aReadOnlyFileIsLeftAlone() throws {
        let site = try TemporarySite([:])
        try site.write("a.md", bytes: Self.original)
        let url = site.root.appendingPathComponent("a.md")
        #expect(chmod(url.path, 0o444) == 0)
        #expect {
            try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "a.md")
        } throws: { error in
            ((error as? WriteError)?.message ?? "").contains("read-only")
                || ((error as? WriteError)?.message ?? "").contains("not writable")
        }
        #expect(try Self.bytes(url) == Self.original)
        #expect(try Self.mode(url) == 0o444)
        #expect(Self.leftovers(in: site.root).isEmpty)
    }

    /// A folder without write permission stops the temporary file. Root bypasses folder permissions
    /// (CAP_DAC_OVERRIDE: `chmod 555` on the folder does not stop it creating files there), so this case can
    /// only be checked as an ordinary user.
    @Test(.disabled(if: isRoot, "running as root: folder permissions do not stop root from writing"))
    func aFileInAnUnwritableFolderIsLeftAlone() throws {
        let site = try TemporarySite([:])
        try site.write("locked/a.md", bytes: Self.original)
        let folder = site.root.appendingPathComponent("locked")
        let url = folder.appendingPathComponent("a.md")
        #expect(chmod(folder.path, 0o555) == 0)
        defer { chmod(folder.path, 0o755) }
        #expect(throws: WriteError.self) {
            try AtomicWriter.replace(url, with: Self.rewritten, expecting: Self.original, displayPath: "locked/a.md")
        }
        #expect(try Self.bytes(url) == Self.original)
        #expect(Self.leftovers(in: folder).isEmpty)
    }

    @Test func aSymlinkStaysALinkAndItsTargetGetsTheContent() throws {
        let site = try TemporarySite([:])
        try site.write("shared/real.md", bytes: Self.original)
        try site.makeDirectory("posts")
        let link = site.root.appendingPathComponent("posts/link.md")
        let real = site.root.appendingPathComponent("shared/real.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../shared/real.md")
        #expect(chmod(real.path, 0o640) == 0)
        try AtomicWriter.replace(link, with: Self.rewritten, expecting: Self.original, displayPath: "posts/link.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../shared/real.md")
        let attributes = try FileManager.default.attributesOfItem(atPath: link.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try Self.bytes(real) == Self.rewritten)
        #expect(try Self.bytes(link) == Self.rewritten)
        #expect(try Self.mode(real) == 0o640)
        #expect(Self.leftovers(in: site.root.appendingPathComponent("posts")).isEmpty)
        #expect(Self.leftovers(in: site.root.appendingPathComponent("shared")).isEmpty)
    }

    @Test func aSymlinkWhoseTargetChangedIsLeftAlone() throws {
        let site = try TemporarySite([:])
        let edited = Array("edited\n".utf8)
        try site.write("real.md", bytes: edited)
        let link = site.root.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.md")
        #expect(throws: WriteError.self) {
            try AtomicWriter.replace(link, with: Self.rewritten, expecting: Self.original, displayPath: "link.md")
        }
        #expect(try Self.bytes(site.root.appendingPathComponent("real.md")) == edited)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.md")
        #expect(Self.leftovers(in: site.root).isEmpty)
    }
}
