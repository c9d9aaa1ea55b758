#if canImport(Glibc)
import Glibc

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Hands the pages of freed heap memory back to the system.
///
/// A stage that builds large temporary values (the topic index, the relatedness vectors) frees them in
/// many small pieces, which glibc keeps as resident free lists; later stages allocate differently
/// shaped values, so without this the process's resident set keeps those pages on top of what it
/// holds. Costs a walk of the free lists; does nothing outside glibc, and nothing in a process built
/// with a sanitizer: the sanitizer's allocator replaces glibc's, whose arenas `malloc_trim` would then
/// walk uninitialised (AddressSanitizer crashed in it).
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        if !runsUnderSanitizer { _ = glibcMallocTrim(0) }
        #endif
    }

    /// Whether a sanitizer runtime (ASan, TSan, MSan) is linked into this process.
    static let runsUnderSanitizer: Bool = {
        #if canImport(Glibc)
        // RTLD_DEFAULT (a null handle) searches every loaded object.
        let runtimes: [String] = ["__asan_init", "__tsan_init", "__msan_init"]
        return runtimes.contains { name in name.withCString { dlsym(nil, $0) != nil } }
        #else
        return false
        #endif
    }()
}
