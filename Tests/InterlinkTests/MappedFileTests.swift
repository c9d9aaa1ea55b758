import Foundation
import Testing

@testable import Interlink

/// `MappedFile`: the bytes of the file opened, whether its pages stay resident or are dropped.
@Suite struct MappedFileTests {
    /// Bytes that differ from page to page (a dropped page read back wrong would show).
    static func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
    }

    static func file(_ bytes: [UInt8]) throws -> (TemporarySite, String) {
        let site = try TemporarySite([:])
        try site.write("data.bin", bytes: bytes)
        return (site, site.root.appendingPathComponent("data.bin").path)
    }

    @Test func mapsTheBytesOfTheFile() throws {
        let bytes = Self.pattern(70_000)
        let (site, path) = try Self.file(bytes)
        _ = site
        let file = try #require(MappedFile(path: path, limit: 1 << 20))
        #expect(Array(file.bytes) == bytes)
        #expect(Array(file[4_096..<4_200]) == Array(bytes[4_096..<4_200]))
    }

    @Test func droppedPagesAreReadAgainTheSame() throws {
        let bytes = Self.pattern(50_000)
        let (site, path) = try Self.file(bytes)
        _ = site
        let file = try #require(MappedFile(path: path, limit: 1 << 20, residentLimit: 1_000, releaseEvery: 500))
        #expect(Array(file.bytes) == bytes)
        file.releaseResidentPages()
        #expect(Array(file.bytes) == bytes)
        for _ in 0..<10 { file.noteRead(700) }
        #expect(Array(file.bytes) == bytes)
    }

    /// Another run replaces the file by renaming a new one into place: the mapping keeps the bytes it
    /// opened, even once its pages are dropped and read again.
    @Test func keepsTheBytesOfTheFileOpenedWhenAnotherReplacesIt() throws {
        let bytes = Self.pattern(20_000)
        let (site, path) = try Self.file(bytes)
        let file = try #require(MappedFile(path: path, limit: 1 << 20, residentLimit: 1, releaseEvery: 1))
        try site.write("new.bin", bytes: [UInt8](repeating: 7, count: 30_000))
        #expect(rename(site.root.appendingPathComponent("new.bin").path, path) == 0)
        file.releaseResidentPages()
        #expect(Array(file.bytes) == bytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 30_000)
    }

    @Test func anEmptyFileHasNoBytes() throws {
        let (site, path) = try Self.file([])
        _ = site
        let file = try #require(MappedFile(path: path, limit: 10))
        #expect(file.bytes.isEmpty)
        file.releaseResidentPages()
    }

    @Test func aMissingTooLargeOrNonRegularFileIsNotMapped() throws {
        let (site, path) = try Self.file(Self.pattern(100))
        #expect(MappedFile(path: path + ".missing", limit: 1 << 20) == nil)
        #expect(MappedFile(path: path, limit: 99) == nil)
        #expect(MappedFile(path: path, limit: 100) != nil)
        #expect(MappedFile(path: site.root.path, limit: 1 << 20) == nil)
    }
}

/// `ArticleCache.write(count:batch:records:)`: records made a batch at a time land in the file in
/// order, with the table after them, whatever the batch size.
@Suite struct ArticleCacheBatchWriteTests {
    @Test(arguments: [1, 2, 3, 7, 100])
    func recordsWrittenInBatchesAreReadBack(batch: Int) throws {
        let site = try TemporarySite([:])
        let parts: [(ContentHash, [UInt8], [UInt8])?] = (0..<7).map { index in
            guard index != 2, index != 5 else { return nil }
            let parse = (0..<(index * 300 + 1)).map { UInt8(truncatingIfNeeded: $0 &+ index) }
            return (ContentHash(parse), parse, Array("derived \(index)".utf8))
        }
        let context = ContentHash([1, 2, 3])
        var made: [Range<Int>] = []
        let wrote = ArticleCache.write(
            root: site.root, toolVersion: "batches", context: context, indexFingerprint: nil,
            wordCaseFingerprint: nil, linkFingerprint: nil, count: parts.count, batch: batch
        ) { range in
            made.append(range)
            return range.map { index in
                parts[index].map { ArticleCache.Record(hash: $0.0, parse: $0.1, derived: $0.2) }
            }
        }
        #expect(wrote)
        #expect(made.count == (parts.count + batch - 1) / batch)
        #expect(made.first?.lowerBound == 0 && made.last?.upperBound == parts.count)
        let cache = ArticleCache(root: site.root, toolVersion: "batches", context: context)
        #expect(cache.count == 5)
        for part in parts.compactMap({ $0 }) {
            let stored = try #require(cache.rawParse(of: part.0))
            #expect(stored.withUnsafeBytes { Array($0) } == part.1)
        }
    }
}
