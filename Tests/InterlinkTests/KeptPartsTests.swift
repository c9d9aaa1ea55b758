import Foundation
import Testing

@testable import Interlink

/// `KeptParts`: the parts handed in are the parts read back, in memory or through a scratch file.
@Suite struct KeptPartsTests {
    static func part(_ index: Int) -> [UInt8]? {
        index % 3 == 1 ? nil : (0..<(index * 97 % 300)).map { UInt8(truncatingIfNeeded: $0 &+ index) }
    }

    static func read(_ kept: KeptParts, _ index: Int) -> [UInt8]? {
        kept.part(index).map { part in part.withUnsafeBytes { Array($0) } }
    }

    @Test(arguments: [false, true])
    func partsReadBackAsMade(onDisk: Bool) throws {
        let site = try TemporarySite([:])
        // More than one batch, so that the scratch file is written in pieces.
        let count = KeptParts.batch * 2 + 5
        let kept = KeptParts.keeping(count: count, root: onDisk ? site.root : nil) { Self.part($0) }
        #expect(kept.isOnDisk == onDisk)
        #expect(kept.count == count)
        for index in [0, 1, 2, 3, 100, KeptParts.batch - 1, KeptParts.batch, count - 1] {
            #expect(kept.has(index) == (Self.part(index) != nil))
            #expect(Self.read(kept, index) == Self.part(index))
        }
        #expect(!kept.has(count) && kept.part(count) == nil)
        // Nothing is left in the cache folder but its `.gitignore`.
        if onDisk {
            let folder = site.root.appendingPathComponent(ArticleCache.folderName).path
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [".gitignore"])
        }
    }

    /// Where no scratch file can be made (a file where the cache folder would be), the parts stay in memory.
    @Test func partsStayInMemoryWhereNoScratchFileCanBeMade() throws {
        let site = try TemporarySite([ArticleCache.folderName: "not a folder"])
        #expect(KeptParts(count: 10, onDiskUnder: site.root) { Self.part($0) } == nil)
        let kept = KeptParts.keeping(count: 10, root: site.root) { Self.part($0) }
        #expect(!kept.isOnDisk)
        #expect((0..<10).allSatisfy { Self.read(kept, $0) == Self.part($0) })
    }
}
