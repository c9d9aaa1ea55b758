import Foundation
import Testing

@testable import Interlink

/// `ScratchFile` and `SpilledBytes`: bytes moved out of memory into an unnamed scratch file read back
/// as they went in, nothing left in the folder, and a folder that takes no file refused.
@Suite struct SpilledBytesTests {
    static func bytes(_ seed: Int, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ seed) }
    }

    @Test func aScratchFileHasNoNameAndTakesWrites() throws {
        let folder = try TemporarySite([:])
        let descriptor = try #require(ScratchFile.open(in: folder.root.path))
        defer { close(descriptor) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).isEmpty)
        let written = Self.bytes(7, count: 100_000)
        #expect(BufferIO.writeAll(written, to: descriptor) == nil)
        var read = [UInt8](repeating: 0, count: written.count)
        #expect(pread(descriptor, &read, read.count, 0) == written.count)
        #expect(read == written)
        #expect(ScratchFile.open(in: folder.root.appendingPathComponent("missing").path) == nil)
    }

    /// Appends from several threads, more than one write's worth, read back from the mapping; and the
    /// last of them, not yet written when the first read came, from memory.
    @Test func appendedBytesReadBackAsTheyWent() throws {
        let folder = try TemporarySite([:])
        let spill = SpilledBytes(folder: folder.root.path)
        let parts = (0..<300).map { Self.bytes($0, count: 1 + $0 * 97 % 20_000) }
        let ranges = parts.parallelMap { spill.append($0) }
        #expect(spill.count == parts.reduce(0) { $0 + $1.count })
        #expect(spill.count > SpilledBytes.writeSize * 2)
        for (part, range) in zip(parts, ranges) {
            let range = try #require(range)
            let readBackAsWritten = spill.bytes(in: range) == part
            #expect(readBackAsWritten, "\(range)")
        }
        // Appends after the first read are refused, and the bytes read so far stay as they were.
        #expect(spill.append([1, 2, 3]) == nil)
        let stillTheSame = spill.bytes(in: try #require(ranges[5])) == parts[5]
        #expect(stillTheSame)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).isEmpty)
    }

    /// Bytes whose write fails (a file open only for reading) are kept in memory and read back from
    /// there, and no more are taken.
    @Test func bytesThatCannotBeWrittenStayInMemory() throws {
        let folder = try TemporarySite(["file": ""])
        let descriptor = open(folder.root.appendingPathComponent("file").path, O_RDONLY)
        #expect(descriptor >= 0)
        let spill = SpilledBytes(descriptor: descriptor)
        let parts = (0..<2).map { Self.bytes($0, count: SpilledBytes.writeSize / 2 + 10) }
        let ranges = parts.map { spill.append($0) }
        #expect(ranges.allSatisfy { $0 != nil })
        // The second append passed the write size: its write failed, and the spill takes no more.
        #expect(spill.append([1, 2, 3]) == nil)
        for (part, range) in zip(parts, ranges.compactMap { $0 }) {
            // Compared first: a failed expectation would print both megabyte arrays.
            let readBackAsWritten = spill.bytes(in: range) == part
            #expect(readBackAsWritten, "\(range)")
        }
        #expect(spill.bytes(in: 0..<(ranges[1]!.upperBound + 1)) == nil)
    }

    @Test func aFolderThatTakesNoFileRefusesTheBytes() throws {
        let folder = try TemporarySite(["file": "not a folder"])
        let spill = SpilledBytes(folder: folder.root.appendingPathComponent("file").path)
        #expect(spill.append([1, 2, 3]) == nil)
        #expect(spill.count == 0)
    }

    /// An article's bytes moved to the scratch file are the ones parsed, even once the file changes;
    /// where no scratch file can be made, they are read again from the file instead.
    @Test func movedBytesAreTheParsedOnesAndReleasedOnesAreReadAgain() async throws {
        let site = try TemporarySite(["a.md": "# A\n\nFirst words.\n", "b.md": "# B\n\nOther words.\n"])
        let loaded = await site.load()
        let a = try loaded.article("a.md")
        let b = try loaded.article("b.md")
        let (aBytes, bBytes) = (a.bytes, b.bytes)
        a.contents.spill(to: SpilledBytes(folder: site.root.path), root: site.root.path, path: "a.md")
        b.contents.spill(
            to: SpilledBytes(folder: site.root.appendingPathComponent("missing").path), root: site.root.path,
            path: "b.md")
        #expect(!a.contents.isKept && !b.contents.isKept)
        #expect(b.bytes == bBytes)
        try site.write("a.md", bytes: Array("# A changed\n".utf8))
        #expect(a.bytes == aBytes)
        #expect(a.loaded().bytes == aBytes && a.loaded().contents.isKept)
    }
}
