import Foundation
import Testing

@testable import Interlink

/// `BufferIO`: whole buffers written at the current offset or at given offsets, and read back whole;
/// a read past the file's end fails instead of giving part of the buffer.
@Suite struct BufferIOTests {
    @Test func buffersWrittenAnywhereReadBackWhole() throws {
        let folder = try TemporarySite([:])
        let descriptor = try #require(ScratchFile.open(in: folder.root.path))
        defer { close(descriptor) }
        let first = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let second = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &+ 3) }
        // The second buffer first, at its offset past the first; then the first at the file's offset 0.
        #expect(BufferIO.writeAll(second, to: descriptor, at: first.count) == nil)
        #expect(BufferIO.writeAll(first, to: descriptor) == nil)
        var whole = [UInt8](repeating: 0, count: first.count + second.count)
        let complete = whole.withUnsafeMutableBytes { BufferIO.readAll(into: $0, from: descriptor, at: 0) }
        #expect(complete)
        let same = whole == first + second
        #expect(same)
        var tail = [UInt8](repeating: 0, count: second.count)
        #expect(tail.withUnsafeMutableBytes { BufferIO.readAll(into: $0, from: descriptor, at: first.count) })
        #expect(tail == second)
        var past = [UInt8](repeating: 0, count: 10)
        #expect(!past.withUnsafeMutableBytes { BufferIO.readAll(into: $0, from: descriptor, at: whole.count - 5) })
    }

    @Test func writingToAFileOpenOnlyForReadingGivesTheError() throws {
        let folder = try TemporarySite(["file": "x"])
        let descriptor = open(folder.root.appendingPathComponent("file").path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(BufferIO.writeAll([1, 2, 3], to: descriptor) == EBADF)
        #expect(BufferIO.writeAll([1, 2, 3], to: descriptor, at: 5) == EBADF)
    }
}
