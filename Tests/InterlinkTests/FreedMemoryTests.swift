import Foundation
import Testing

@testable import Interlink

/// `malloc_trim` walks glibc's arenas, which a sanitizer's allocator leaves uninitialised: AddressSanitizer
/// crashed in it. The sanitizer runs (`scripts/test-sanitizers.sh`) set `INTERLINK_SANITIZER`.
@Suite struct FreedMemoryTests {
    @Test func aSanitizerRuntimeIsSeenExactlyWhenTheTestsRunUnderOne() {
        let sanitized = ProcessInfo.processInfo.environment["INTERLINK_SANITIZER"] != nil
        #expect(FreedMemory.runsUnderSanitizer == sanitized)
    }

    /// Called from many threads at once, as the suggester's stages may: no crash, under any allocator.
    @Test func releasingFromManyThreadsAtOnceIsSafe() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let garbage = (0..<1_000).map { [UInt8](repeating: UInt8($0 % 256), count: 64) }
                    #expect(garbage.count == 1_000)
                    FreedMemory.release()
                }
            }
        }
    }

    /// Heap pages are handed back only for a site large enough to also let go of its files' bytes.
    @Test func onlyALargeSiteHandsPagesBack() {
        #expect(!FreedMemory.worthReleasing(siteBytes: 38_000_000))
        #expect(!FreedMemory.worthReleasing(siteBytes: Site.defaultKeptBytes))
        #expect(FreedMemory.worthReleasing(siteBytes: Site.defaultKeptBytes + 1))
        #expect(FreedMemory.worthReleasing(siteBytes: 386_000_000))
    }
}
