#if canImport(Glibc)
import Glibc

@_silgen_name("mallopt")
private func glibcMallopt(_ option: Int32, _ value: Int32) -> Int32
#endif

/// Settings of the C allocator, made once when a command starts.
public enum AllocatorSettings {
    /// How much more address space glibc's allocator takes each time a heap must grow. By default it
    /// takes what the request needs, so a run that builds millions of small values grows its heaps
    /// (and shrinks them again) in thousands of small system calls: 14,000 `mprotect` calls in a
    /// 10,000-article run, 36 with 64 MB steps, which took a fifth of the pre-commit run's system
    /// time away. The peak memory stayed the same (address space taken is not memory used until
    /// touched): 139–142 MB at 10,000 articles, 840–850 MB at 100,000.
    static let heapGrowthBytes: Int32 = 64 << 20
    /// glibc's `M_TOP_PAD` (`<malloc.h>`, which Swift's Glibc module does not bring in).
    static let topPadOption: Int32 = -2

    /// Applies the settings; nothing outside glibc, nor in a process whose allocator a sanitizer
    /// replaced (see `FreedMemory`).
    public static func apply() {
        #if canImport(Glibc)
        if !FreedMemory.runsUnderSanitizer { _ = glibcMallopt(topPadOption, heapGrowthBytes) }
        #endif
    }
}
