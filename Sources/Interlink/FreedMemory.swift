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
///
/// Only on a large site (`worthReleasing(siteBytes:)`): on a small one the pages handed back are
/// faulted in again by the next stage. At 10,000 articles (38 MB) the peak is the same either way
/// (142–143 MB) and the run without it a few percent cheaper.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        if !runsUnderSanitizer { _ = glibcMallocTrim(0) }
        #endif
    }

    /// `release()` when the site's Markdown is over `Site.defaultKeptBytes` (the size from which a run
    /// also lets go of the files' bytes); nothing on a smaller site.
    static func release(siteBytes: Int) {
        if worthReleasing(siteBytes: siteBytes) { release() }
    }

    static func worthReleasing(siteBytes: Int) -> Bool { siteBytes > Site.defaultKeptBytes }

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
