#if canImport(Glibc)
import Glibc
#endif

/// Settings of the C allocator, made once when the command starts.
enum AllocatorSettings {
    /// How much more address space glibc's allocator takes each time a heap must grow. By default it
    /// takes what the request needs, so a run that builds millions of small values grows its heaps
    /// (and shrinks them again) in thousands of small system calls; measured on the 10,000-article
    /// benchmark site, 64 MB steps took a fifth of the pre-commit run's system time away, and the peak
    /// memory stayed the same (address space taken is not memory used until touched).
    static let heapGrowthBytes: Int32 = 64 << 20
    /// glibc's `M_TOP_PAD` (`<malloc.h>`, which Swift's Glibc module does not bring in).
    static let topPadOption: Int32 = -2

    /// Applies the settings where the allocator is glibc's (found by name: nothing happens elsewhere).
    static func apply() {
        #if canImport(Glibc)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallocOption.self)(topPadOption, heapGrowthBytes)
        #endif
    }
}
